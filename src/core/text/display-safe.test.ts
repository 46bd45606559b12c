import { describe, expect, it } from 'vitest';
import { displaySafe, hasBidiControls } from './display-safe.js';

describe('displaySafe', () => {
  it('shows a right-to-left override visibly instead of letting it reverse the name', () => {
    expect(displaySafe('\u202Eexe.gnp')).toBe('<U+202E>exe.gnp');
  });
  it('escapes every bidirectional control character and nothing else', () => {
    const controls = ['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E'];
    controls.push('\u2066', '\u2067', '\u2068', '\u2069');
    for (const c of controls) {
      const hex = c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      expect(displaySafe(`a${c}b`)).toBe(`a<U+${hex}>b`);
      expect(hasBidiControls(`a${c}b`)).toBe(true);
    }
    for (const plain of [
      'CORP\\alice',
      'ユーザー',
      'مستخدم',
      'пользователь',
      'a\u200Bb',
      'e\u0301',
      '<U+202E>',
    ])
      expect(displaySafe(plain)).toBe(plain);
    expect(hasBidiControls('CORP\\alice')).toBe(false);
  });
  it('escapes every occurrence, also in long strings', () => {
    const s = '\u2067x\u2069'.repeat(10_000);
    const out = displaySafe(s);
    expect(out.startsWith('<U+2067>x<U+2069><U+2067>')).toBe(true);
    expect(hasBidiControls(out)).toBe(false);
  });
});
