import { describe, expect, it } from 'vitest';
import { RecordIdSet } from './record-id-set.js';

describe('RecordIdSet', () => {
  it('knows increasing runs, gaps and repeats', () => {
    const s = new RecordIdSet();
    for (const id of [1, 2, 3, 10, 11, 20]) expect(s.add(id)).toBe(true);
    for (const id of [1, 2, 3, 10, 11, 20]) expect(s.add(id)).toBe(false);
    for (const id of [0, 4, 9, 12, 19, 21]) expect(s.has(id)).toBe(false);
  });

  it('agrees with a Set on shuffled and hostile input', () => {
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % 5000;
    };
    const s = new RecordIdSet();
    const reference = new Set<number>();
    for (let i = 0; i < 20_000; i++) {
      const id = i % 3 === 0 ? i : next();
      expect(s.add(id), `id ${id}`).toBe(!reference.has(id));
      reference.add(id);
    }
    for (let id = 0; id < 21_000; id++) expect(s.has(id)).toBe(reference.has(id));
  });
});
