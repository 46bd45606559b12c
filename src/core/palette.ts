/**
 * The colours of the graph, in one place for the app (src/web/lib/encodings.ts, the Cytoscape
 * stylesheet, the legend) and the offline report (src/core/report/graph-svg.ts).
 *
 * Two palettes:
 * - `standard`: LogonTracer's (red privileged accounts, blue accounts, green hosts…), which its
 *   users know;
 * - `cvd`: safe for colour-vision deficiencies, after Okabe & Ito's eight colours, which stay
 *   distinct under protanopia, deuteranopia and tritanopia.
 * In both, colour is never the only cue: node kinds have their own shapes, privileged accounts a
 * thick ring, and edge states a line style (failed solid and red/vermillion, mixed dotted, new dashed);
 * noted nodes a dashed outer ring (double when tagged compromised) and noted links a wider halo.
 */
export type NodePaint = 'privileged' | 'account' | 'host' | 'ip' | 'domain';
export type EdgeState = 'failed' | 'mixed' | 'ok' | 'member';
export const PALETTE_NAMES = ['standard', 'cvd'] as const;
export type PaletteName = (typeof PALETTE_NAMES)[number];

export interface Palette {
  /** Pale (low score) and strong (high score, or no overlay) fill of each kind. */
  nodes: Record<NodePaint, { pale: string; strong: string }>;
  /** The ring of privileged accounts. */
  privilegedRing: string;
  edges: Record<EdgeState, string>;
  /** Evidence, paths, chains and the selection, on a light and on a dark canvas. */
  emphasis: { light: string; dark: string };
  /** Edges new in a window comparison. */
  added: string;
  /**
   * Analyst notes on the canvas: the highlighter halo behind a noted node or link (on a light and on
   * a dark canvas), and the ring of those tagged `compromised`.
   */
  notes: { highlight: { light: string; dark: string }; compromised: string };
}

export const PALETTES: Record<PaletteName, Palette> = {
  standard: {
    nodes: {
      privileged: { pale: '#f8b4b4', strong: '#c81e1e' },
      account: { pale: '#a4cafe', strong: '#1a56db' },
      host: { pale: '#a7e3b6', strong: '#057a55' },
      ip: { pale: '#b2e5e6', strong: '#0e7c86' },
      domain: { pale: '#d6bbfb', strong: '#7e3af2' },
    },
    privilegedRing: '#9b1c1c',
    edges: { failed: '#e02424', mixed: '#f59e0b', ok: '#9ca3af', member: '#c4b5fd' },
    emphasis: { light: '#d97706', dark: '#f59e0b' },
    added: '#0e9f6e',
    notes: { highlight: { light: '#facc15', dark: '#fde047' }, compromised: '#e02424' },
  },
  cvd: {
    nodes: {
      privileged: { pale: '#f2c6a6', strong: '#d55e00' },
      account: { pale: '#a6cbe3', strong: '#0072b2' },
      host: { pale: '#a6dccb', strong: '#009e73' },
      ip: { pale: '#cde8f8', strong: '#56b4e9' },
      domain: { pale: '#efd0e2', strong: '#cc79a7' },
    },
    privilegedRing: '#7a3600',
    edges: { failed: '#d55e00', mixed: '#e69f00', ok: '#999999', member: '#cc79a7' },
    emphasis: { light: '#000000', dark: '#ffffff' },
    added: '#0072b2',
    // Okabe & Ito's yellow, the one colour of the eight that no kind or state uses.
    notes: { highlight: { light: '#f0e442', dark: '#f0e442' }, compromised: '#d55e00' },
  },
};

export function isPaletteName(value: unknown): value is PaletteName {
  return typeof value === 'string' && (PALETTE_NAMES as readonly string[]).includes(value);
}

/** The state of a merged link from its event and failure counts. */
export function edgeState(count: number, failures: number): Exclude<EdgeState, 'member'> {
  return failures > 0 && failures === count ? 'failed' : failures > 0 ? 'mixed' : 'ok';
}

/** `#rrggbb` between two colours; `t` = 0 gives `from`, 1 gives `to`. */
export function mixHex(from: string, to: string, t: number): string {
  const k = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  let out = '#';
  for (let i = 0; i < 3; i++) {
    const a = parseInt(from.slice(1 + 2 * i, 3 + 2 * i), 16);
    const b = parseInt(to.slice(1 + 2 * i, 3 + 2 * i), 16);
    out += Math.round(a + (b - a) * k)
      .toString(16)
      .padStart(2, '0');
  }
  return out;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string): number => {
    const c = [0, 1, 2].map((i) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255);
    const lin = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * (lin[0] ?? 0) + 0.7152 * (lin[1] ?? 0) + 0.0722 * (lin[2] ?? 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
