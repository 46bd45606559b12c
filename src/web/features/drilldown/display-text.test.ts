import { describe, expect, it } from 'vitest';
import { displayText, MAX_CELL_CHARS } from './display-text';

describe('displayText', () => {
  it('keeps ordinary values exactly', () => {
    expect(displayText('CORP\\alice')).toEqual({ text: 'CORP\\alice', clipped: 0 });
    expect(displayText(4624)).toEqual({ text: '4624', clipped: 0 });
    expect(displayText(null)).toEqual({ text: '', clipped: 0 });
  });

  it('makes control characters and bidi overrides visible', () => {
    expect(displayText('a\u0007b\nc\td').text).toBe('a\\u0007b\\nc\\td');
    expect(displayText('evil\u202Eexe.txt').text).toBe('evil<U+202E>exe.txt');
  });

  it('clips megabyte values and says how much is left out', () => {
    const r = displayText('x'.repeat(1_000_000));
    expect(r.text).toHaveLength(MAX_CELL_CHARS);
    expect(r.clipped).toBe(1_000_000 - MAX_CELL_CHARS);
  });
});
