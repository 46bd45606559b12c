import { create, type StateCreator } from 'zustand';
import { applyAppearance, readAppearance, saveAppearance, type Appearance } from '../lib/appearance';

/**
 * The one client store: short-lived UI state only (architecture rule 4). What an analyst shares
 * (dataset, window, filters, overlay, selection) lives in the URL, never here.
 */
// The layout and the node cap change the picture: they are in the URL (lib/url-state), named here
// too for the modules that import them from the store.
export { DEFAULT_MAX_NODES, LAYOUTS, type LayoutName } from '../lib/url-state';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

interface HoverSlice {
  hovered: string | null;
  setHovered(id: string | null): void;
}
interface PanelsSlice {
  panels: {
    filters: boolean;
    ranking: boolean;
    inspector: boolean;
    files: boolean;
    detections: boolean;
    investigate: boolean;
    timeline: boolean;
  };
  togglePanel(name: keyof PanelsSlice['panels']): void;
}
interface ToastsSlice {
  toasts: Toast[];
  pushToast(kind: Toast['kind'], text: string): void;
  dismissToast(id: number): void;
}
interface LayoutSlice {
  layoutRunning: boolean;
  setLayoutRunning(running: boolean): void;
  /**
   * Whether the graph shows its view's fresh layout (what the view's link draws elsewhere), and a
   * counter that asks the canvas for it (Copy link after stepping through windows).
   */
  pictureFresh: boolean;
  setPictureFresh(fresh: boolean): void;
  freshLayoutToken: number;
  requestFreshLayout(): void;
}
interface SettingsSlice {
  settings: { webgl: boolean; edgeLabels: boolean };
  setSetting<K extends keyof SettingsSlice['settings']>(key: K, value: SettingsSlice['settings'][K]): void;
}

/** Theme and palette: kept in this browser and applied to the document (lib/appearance.ts). */
interface AppearanceSlice {
  appearance: Appearance;
  setAppearance<K extends keyof Appearance>(key: K, value: Appearance[K]): void;
}

export type UiState = HoverSlice & PanelsSlice & ToastsSlice & LayoutSlice & SettingsSlice & AppearanceSlice;
type Slice<T> = StateCreator<UiState, [], [], T>;

const hoverSlice: Slice<HoverSlice> = (set) => ({
  hovered: null,
  setHovered: (id) => set({ hovered: id }),
});
const panelsSlice: Slice<PanelsSlice> = (set) => ({
  panels: {
    filters: true,
    ranking: true,
    inspector: true,
    files: false,
    detections: true,
    investigate: true,
    timeline: true,
  },
  togglePanel: (name) => set((s) => ({ panels: { ...s.panels, [name]: !s.panels[name] } })),
});
let nextToast = 1;
const MAX_TOASTS = 4;
const toastsSlice: Slice<ToastsSlice> = (set) => ({
  toasts: [],
  pushToast: (kind, text) =>
    set((s) => ({ toasts: [...s.toasts, { id: nextToast++, kind, text }].slice(-MAX_TOASTS) })),
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
});
const layoutSlice: Slice<LayoutSlice> = (set) => ({
  layoutRunning: false,
  setLayoutRunning: (running) => set({ layoutRunning: running }),
  pictureFresh: true,
  setPictureFresh: (fresh) => set({ pictureFresh: fresh }),
  freshLayoutToken: 0,
  requestFreshLayout: () => set((s) => ({ freshLayoutToken: s.freshLayoutToken + 1, pictureFresh: false })),
});
const settingsSlice: Slice<SettingsSlice> = (set) => ({
  settings: { webgl: true, edgeLabels: false },
  setSetting: (key, value) => set((s) => ({ settings: { ...s.settings, [key]: value } })),
});

const appearanceSlice: Slice<AppearanceSlice> = (set, get) => ({
  appearance: readAppearance(),
  setAppearance: (key, value) => {
    const next = { ...get().appearance, [key]: value };
    saveAppearance(next);
    if (typeof document !== 'undefined') applyAppearance(document.documentElement, next);
    set({ appearance: next });
  },
});

export const useUiStore = create<UiState>()((...a) => ({
  ...hoverSlice(...a),
  ...panelsSlice(...a),
  ...toastsSlice(...a),
  ...layoutSlice(...a),
  ...settingsSlice(...a),
  ...appearanceSlice(...a),
}));

const initial = useUiStore.getInitialState();
/** Back to the initial state (tests call it after each test). */
export function resetUiStore(): void {
  useUiStore.setState(initial, true);
}
