import { describe, expect, it } from 'vitest';
import { contrastRatio, edgeState, mixHex, PALETTES } from './palette.js';

describe('palettes', () => {
  it('mixes colours channel by channel and clamps', () => {
    expect(mixHex('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixHex('#102030', '#405060', 0)).toBe('#102030');
    expect(mixHex('#102030', '#405060', 7)).toBe('#405060');
    expect(mixHex('#102030', '#405060', Number.NaN)).toBe('#102030');
  });

  it('names the edge state from counts', () => {
    expect(edgeState(3, 3)).toBe('failed');
    expect(edgeState(3, 1)).toBe('mixed');
    expect(edgeState(3, 0)).toBe('ok');
    expect(edgeState(0, 0)).toBe('ok');
  });

  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 5);
  });

  // What "colour-blind safe" means here: under simulated protanopia and deuteranopia (Viénot,
  // Brettel & Mollon 1999, in linear RGB) every pair of node kinds and of edge states stays apart by
  // a CIE76 ΔE of at least 10 (clearly different at a glance). LogonTracer's own palette fails it:
  // its red privileged accounts and green hosts merge for a deuteranope, the reason the option exists.
  const pairs = (colours: string[]): Array<[string, string]> =>
    colours.flatMap((a, i) => colours.slice(i + 1).map((b): [string, string] => [a, b]));
  const worstDelta = (colours: string[]): number =>
    Math.min(
      ...(['protan', 'deutan'] as const).flatMap((cvd) =>
        pairs(colours).map(([a, b]) => deltaE(simulate(a, cvd), simulate(b, cvd))),
      ),
    );

  it('the colour-blind-safe palette keeps node kinds and edge states apart under protanopia and deuteranopia', () => {
    const p = PALETTES.cvd;
    expect(worstDelta(Object.values(p.nodes).map((n) => n.strong))).toBeGreaterThanOrEqual(10);
    expect(worstDelta([p.edges.failed, p.edges.mixed, p.edges.ok])).toBeGreaterThanOrEqual(10);
  });

  it('the standard palette does not (so the option matters)', () => {
    const p = PALETTES.standard;
    expect(worstDelta(Object.values(p.nodes).map((n) => n.strong))).toBeLessThan(10);
  });
});

type Rgb = [number, number, number];
const toLinear = (hex: string): Rgb =>
  [0, 1, 2].map((i) => {
    const v = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as Rgb;

/** Viénot et al. 1999 dichromat simulation, on linear RGB. */
function simulate(hex: string, cvd: 'protan' | 'deutan'): Rgb {
  const [r, g, b] = toLinear(hex);
  const m =
    cvd === 'protan'
      ? [0.11238, 0.88762, 0, 0.11238, 0.88762, 0, 0.00401, -0.00401, 1]
      : [0.29275, 0.70725, 0, 0.29275, 0.70725, 0, -0.02234, 0.02234, 1];
  const at = (i: number): number => m[i] ?? 0;
  return [
    at(0) * r + at(1) * g + at(2) * b,
    at(3) * r + at(4) * g + at(5) * b,
    at(6) * r + at(7) * g + at(8) * b,
  ];
}

function lab([r, g, b]: Rgb): Rgb {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function deltaE(a: Rgb, b: Rgb): number {
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}
