/**
 * The app's keyboard shortcuts, as a pure mapping from a key press to an action (the listener is
 * app/keyboard-shortcuts.tsx). Single keys never fire while the analyst types in a field, and never
 * with Ctrl, Alt or Meta (those belong to the browser and the screen reader).
 */
export type ShortcutAction = 'search' | 'next' | 'previous' | 'clear' | 'help';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

export const SHORTCUTS: ReadonlyArray<{ keys: string[]; action: ShortcutAction }> = [
  { keys: ['/'], action: 'search' },
  { keys: ['j', 'ArrowDown'], action: 'next' },
  { keys: ['k', 'ArrowUp'], action: 'previous' },
  { keys: ['Escape'], action: 'clear' },
  { keys: ['?'], action: 'help' },
];

/**
 * `editable`: the key went to a text field, select or editable element. There only Escape acts
 * (it leaves the field). `inList`: focus is on an item of a keyboard list (ranking, detections),
 * where the arrow keys move too; elsewhere arrows keep scrolling the page.
 */
export function shortcutOf(press: KeyPress, editable: boolean, inList: boolean): ShortcutAction | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  if (editable) return press.key === 'Escape' ? 'clear' : null;
  if ((press.key === 'ArrowDown' || press.key === 'ArrowUp') && !inList) return null;
  return SHORTCUTS.find((s) => s.keys.includes(press.key))?.action ?? null;
}

/** The item to focus next in a list of `length` items, from `current` (-1 = none focused). */
export function stepIndex(current: number, length: number, action: 'next' | 'previous'): number {
  if (length === 0) return -1;
  if (current < 0) return action === 'next' ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, current + (action === 'next' ? 1 : -1)));
}
