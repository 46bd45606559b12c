/**
 * Bidirectional control characters (Unicode's Bidi_Control set): U+061C, U+200E/F, U+202A–U+202E
 * and U+2066–U+2069. In a log field they reorder what a person reads: an account `\u202Eexe.gnp`
 * shows as "png.exe". Logs are attacker-controlled, so names are never shown with them in force.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The text as a person should see it: every bidirectional control character is replaced by a
 * visible `<U+202E>` marker, everything else is kept. Used where a name is displayed or exported
 * (graph labels, panels, CSV); the stored value stays exact for search and drill-down.
 */
export function displaySafe(text: string): string {
  return text.replace(
    BIDI_CONTROLS,
    (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}

/** Whether the text holds a bidirectional control character (for a visible warning). */
export function hasBidiControls(text: string): boolean {
  BIDI_CONTROLS.lastIndex = 0;
  const found = BIDI_CONTROLS.test(text);
  BIDI_CONTROLS.lastIndex = 0;
  return found;
}
