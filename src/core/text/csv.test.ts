import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv.js';

describe('csvCell', () => {
  it('neutralizes cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('+SUM(A1)')).toBe(`"'+SUM(A1)"`);
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell('@x')).toBe(`"'@x"`);
    expect(csvCell('\tx')).toBe(`"'\tx"`);
    expect(csvCell('a=b')).toBe('a=b');
  });
  it('quotes separators and quotes, keeps numbers and nulls plain', () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
  });
  it('replaces terminal control characters', () => {
    expect(csvCell('a\u001b[31mb\u0007')).toBe('a\ufffd[31mb\ufffd');
  });
  it('shows bidirectional controls visibly, so that a name cannot pose as another', () => {
    expect(csvCell('\u202Eexe.gnp')).toBe('<U+202E>exe.gnp');
    expect(csvCell('\u2067=cmd\u2069')).toBe('<U+2067>=cmd<U+2069>');
  });
});
