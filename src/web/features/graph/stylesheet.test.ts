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

  it('marks noted nodes and links by shape and size, not colour alone, in both palettes and themes', () => {
    for (const theme of ['light', 'dark'] as const)
      for (const name of ['standard', 'cvd'] as const) {
        const sheet = graphStylesheet(theme, name, false);
        const { notes } = PALETTES[name];
        const node = styleOf(sheet, 'node.noted');
        // A dashed ring outside the border (the privileged ring and the selection stay readable).
        expect(node?.['outline-style']).toBe('dashed');
        expect(node?.['outline-width']).toBeGreaterThan(0);
        expect(node?.['outline-color']).toBe(styleOf(sheet, 'node')?.color);
        expect(node?.['underlay-color']).toBe(notes.highlight[theme]);
        expect(node?.['underlay-opacity']).toBeGreaterThan(0);
        // Tagged compromised: a thicker double ring in red, a wider halo.
        const strong = styleOf(sheet, 'node.noted-compromised');
        expect(strong?.['outline-style']).toBe('double');
        expect(strong?.['outline-color']).toBe(notes.compromised);
        expect(Number(strong?.['outline-width'])).toBeGreaterThan(Number(node?.['outline-width']));
        expect(Number(strong?.['underlay-padding'])).toBeGreaterThan(Number(node?.['underlay-padding']));
        // A noted link is drawn wider (its halo) and at full opacity.
        const edge = styleOf(sheet, 'edge.noted');
        expect(edge?.['underlay-padding']).toBeGreaterThan(0);
        expect(edge?.opacity).toBe(1);
        const strongEdge = styleOf(sheet, 'edge.noted-compromised');
        expect(Number(strongEdge?.['underlay-padding'])).toBeGreaterThan(Number(edge?.['underlay-padding']));
      }
  });

  it('draws the notes after the emphasis, so a note stays visible on an emphasized element', () => {
    const selectors = rules(graphStylesheet('light', 'standard', false)).map((r) => r.selector);
    expect(selectors.indexOf('node.noted')).toBeGreaterThan(selectors.indexOf('node.emphasis'));
    expect(selectors.indexOf('node.noted-compromised')).toBeGreaterThan(selectors.indexOf('node.noted'));
  });
});
