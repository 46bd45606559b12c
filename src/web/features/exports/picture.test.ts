import { describe, expect, it } from 'vitest';
import { fittedScale } from './picture';

describe('the scale of an exported PNG', () => {
  it('is the one asked for while the picture fits a browser canvas', () => {
    expect(fittedScale({ w: 1200, h: 800 }, 4)).toBe(4);
  });
  it('is reduced for a huge graph: at most 16,384 px a side and 64 Mpx', () => {
    expect(fittedScale({ w: 10_000, h: 10_000 }, 4)).toBeCloseTo(0.8);
    expect(fittedScale({ w: 20_000, h: 100 }, 2)).toBeCloseTo(16_384 / 20_000);
  });
});
