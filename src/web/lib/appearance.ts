import { useSyncExternalStore } from 'react';
import { isPaletteName, type PaletteName } from '../../core/palette.js';

/**
 * Theme and palette: how this analyst likes to see the app, kept in this browser (not part of a
 * shared view: a colleague keeps their own). `system` follows `prefers-color-scheme`.
 */
export const THEME_SETTINGS = ['system', 'light', 'dark'] as const;
export type ThemeSetting = (typeof THEME_SETTINGS)[number];
export type ResolvedTheme = 'light' | 'dark';

export interface Appearance {
  theme: ThemeSetting;
  palette: PaletteName;
}

const THEME_KEY = 'logonlens:theme';
const PALETTE_KEY = 'logonlens:palette';
export const DEFAULT_APPEARANCE: Appearance = { theme: 'system', palette: 'standard' };

function isThemeSetting(v: unknown): v is ThemeSetting {
  return typeof v === 'string' && (THEME_SETTINGS as readonly string[]).includes(v);
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled: settings last for this tab
  }
}

export function readAppearance(): Appearance {
  const s = storage();
  const theme = s?.getItem(THEME_KEY);
  const palette = s?.getItem(PALETTE_KEY);
  return {
    theme: isThemeSetting(theme) ? theme : DEFAULT_APPEARANCE.theme,
    palette: isPaletteName(palette) ? palette : DEFAULT_APPEARANCE.palette,
  };
}

export function saveAppearance(a: Appearance): void {
  const s = storage();
  try {
    s?.setItem(THEME_KEY, a.theme);
    s?.setItem(PALETTE_KEY, a.palette);
  } catch {
    // quota or disabled storage: the choice still applies to this tab
  }
}

/**
 * Marks the document: `data-theme` only when the analyst chose one (the stylesheet follows the
 * system otherwise, even before this runs), `data-palette` always.
 */
export function applyAppearance(root: HTMLElement, a: Appearance): void {
  if (a.theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', a.theme);
  root.setAttribute('data-palette', a.palette);
}

export function resolveTheme(setting: ThemeSetting, systemDark: boolean): ResolvedTheme {
  return setting === 'system' ? (systemDark ? 'dark' : 'light') : setting;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';
function subscribeSystemDark(onChange: () => void): () => void {
  const mq = globalThis.matchMedia?.(DARK_QUERY);
  mq?.addEventListener('change', onChange);
  return () => mq?.removeEventListener('change', onChange);
}
const systemDark = (): boolean => globalThis.matchMedia?.(DARK_QUERY).matches ?? false;

/** The theme in effect now, following the system live when the setting is `system`. */
export function useResolvedTheme(setting: ThemeSetting): ResolvedTheme {
  const dark = useSyncExternalStore(subscribeSystemDark, systemDark, () => false);
  return resolveTheme(setting, dark);
}
