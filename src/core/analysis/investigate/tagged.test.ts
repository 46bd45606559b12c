import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../dataset/annotations.js';
import { makeDataset } from '../testing.js';
import { taggedNodeIds, tagNeighbourhood } from './tagged.js';

const H = 455_016;
const A = 'account:corp\\a';
const B = 'account:corp\\b';
const C = 'account:corp\\c';
const T = '2026-12-06T07:00:00Z';

// ip → a → ws1; ws1 → b → ws2; ws2 → c → ws3.
const d = makeDataset([
  { account: A, source: 'ip:10.0.0.1', target: 'host:ws1', hourly: [[H, 1]] },
  { account: B, source: 'host:ws1', target: 'host:ws2', hourly: [[H, 1]] },
  { account: C, source: 'host:ws2', target: 'host:ws3', hourly: [[H, 1]] },
]);

const note = (kind: Annotation['target']['kind'], id: string, tags: string[]): Annotation => ({
  target: { kind, id },
  note: '',
  tags,
  updated: T,
});

const sorted = (s: Set<string>): string[] => [...s].sort();

describe('tag filter', () => {
  it('starts from tagged nodes, ends of tagged links and edges, and nodes of tagged detections', () => {
    const annotations = [
      note('node', C, ['compromised']),
      note('node', A, ['benign']),
      note('edge', `link:${JSON.stringify([B, 'host:ws1', 'from'])}`, ['compromised']),
      note('edge', 'e0', ['compromised']),
      note('edge', 'link:not json', ['compromised']),
      note('detection', 'det1', ['compromised']),
    ];
    const detections = [{ id: 'det1', nodes: ['host:dc1'] }];
    expect(sorted(taggedNodeIds(annotations, 'Compromised', d.edges, detections))).toEqual(
      sorted(new Set([C, B, 'host:ws1', A, 'ip:10.0.0.1', 'host:dc1'])),
    );
    expect(taggedNodeIds(annotations, '\u0000', d.edges, detections).size).toBe(0);
  });

  it('shows the tagged nodes and their neighbours, one logon away', () => {
    const n = tagNeighbourhood(d.edges, [note('node', 'host:ws3', ['compromised'])], 'compromised', []);
    expect(sorted(n.nodes)).toEqual(sorted(new Set([C, 'host:ws2', 'host:ws3'])));
    expect(sorted(n.edges)).toEqual(['e2']);
    expect(tagNeighbourhood(d.edges, [], 'compromised', []).nodes.size).toBe(0);
  });
});
