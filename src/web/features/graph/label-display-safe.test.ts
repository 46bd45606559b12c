import { describe, expect, it } from 'vitest';
import { shortLabel } from './elements';

describe('graph labels', () => {
  it('show bidirectional controls visibly (an account "\\u202Eexe.gnp" must not read "png.exe")', () => {
    expect(shortLabel('\u202Eexe.gnp')).toBe('<U+202E>exe.gnp');
  });
});
