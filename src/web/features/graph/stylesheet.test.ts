import { describe, expect, it } from 'vitest';
import { PALETTES } from '../../../core/palette.js';
import { graphStylesheet } from './stylesheet';

type Rule = { selector: string; style: Record<string, unknown> };
const rules = (s: unknown) => s as Rule[];
const styleOf = (sheet: unknown, selector: string) =>
  rules(sheet).find((r) => r.selector === selector)?.style;

describe('graphStylesheet', () => {
  it('is one stable reference per theme, palette and edge-label choice', () => {
    expect(graphStylesheet('dark', 'cvd', false)).toBe(graphStylesheet('dark', 'cvd', false));
    expect(graphStylesheet('dark', 'cvd', false)).not.toBe(graphStylesheet('light', 'cvd', false));
  });

  it('maps each kind from pale to strong in the chosen palette', () => {
    for (const name of ['standard', 'cvd'] as const) {
      const { pale, strong } = PALETTES[name].nodes.host;
      expect(
        styleOf(graphStylesheet('light', name, false), 'node[paint = "host"]')?.['background-color'],
      ).toBe(`mapData(tone, 0, 1, ${pale}, ${strong})`);
    }
  });

  it('draws labels light on a dark canvas, and never tells edge states by colour alone', () => {
    expect(styleOf(graphStylesheet('dark', 'standard', false), 'node')?.color).toBe('#e5e7eb');
    expect(styleOf(graphStylesheet('light', 'standard', false), 'node')?.color).toBe('#1f2937');
    expect(styleOf(graphStylesheet('light', 'cvd', false), 'edge[state = "mixed"]')).toBeDefined();
    const mixed = rules(graphStylesheet('light', 'cvd', false)).filter(
      (r) => r.selector === 'edge[state = "mixed"]',
    );
    expect(mixed.some((r) => r.style['line-style'] === 'dotted')).toBe(true);
  });

  it('adds edge labels only when asked', () => {
    const hasLabels = (s: unknown) => rules(s).some((r) => r.selector === 'edge[role != "member"]');
    expect(hasLabels(graphStylesheet('light', 'standard', true))).toBe(true);
    expect(hasLabels(graphStylesheet('light', 'standard', false))).toBe(false);
  });
});
