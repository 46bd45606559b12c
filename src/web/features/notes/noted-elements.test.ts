import { describe, expect, it } from 'vitest';
import type { Annotation, AnnotationTarget } from '../../../core/dataset';
import { linkId } from '../../lib/graph-ids';
import { notedElementIds } from './noted-elements';

const note = (target: AnnotationTarget, tags: string[] = [], text = 'seen'): Annotation => ({
  target,
  note: text,
  tags,
  updated: '2026-12-06T08:00:00.000Z',
});

const ALICE = 'account:corp\\alice';
const DC1 = 'host:dc1';
const WS7 = 'host:ws7';

describe('notedElementIds', () => {
  it('is empty without notes', () => {
    const noted = notedElementIds([]);
    expect([...noted.nodes, ...noted.edges, ...noted.compromised]).toEqual([]);
  });

  it('marks noted nodes, and those tagged compromised harder', () => {
    const noted = notedElementIds([
      note({ kind: 'node', id: ALICE }, ['compromised', 'reviewed']),
      note({ kind: 'node', id: DC1 }, ['reviewed'], ''),
      note({ kind: 'node', id: WS7 }),
    ]);
    expect([...noted.nodes].sort()).toEqual([ALICE, DC1, WS7].sort());
    expect([...noted.edges]).toEqual([]);
    expect([...noted.compromised]).toEqual([ALICE]);
  });

  it('marks a noted link by the id the graph draws, even when its JSON was spaced by hand', () => {
    const drawn = linkId(ALICE, DC1, 'to');
    const spaced = `link:[${JSON.stringify(ALICE)}, ${JSON.stringify(DC1)}, "to"]`;
    expect(spaced).not.toBe(drawn);
    const noted = notedElementIds([note({ kind: 'edge', id: spaced }, ['compromised'])]);
    expect([...noted.edges]).toEqual([drawn]);
    expect([...noted.nodes]).toEqual([]);
    expect([...noted.compromised]).toEqual([drawn]);
  });

  it('marks both drawn links of a noted dataset edge', () => {
    const edges = [
      { id: 'e1', account: ALICE, source: WS7, target: DC1 },
      { id: 'e2', account: ALICE, source: null, target: WS7 },
    ];
    const noted = notedElementIds([note({ kind: 'edge', id: 'e1' })], edges);
    expect([...noted.edges].sort()).toEqual([linkId(ALICE, WS7, 'from'), linkId(ALICE, DC1, 'to')].sort());
    expect([...noted.compromised]).toEqual([]);
  });

  it('leaves detection notes off the canvas, and keeps an unknown edge id as written', () => {
    const noted = notedElementIds([
      note({ kind: 'detection', id: 'det:dcsync:1' }, ['compromised']),
      note({ kind: 'edge', id: 'link:[not json' }),
      note({ kind: 'edge', id: 'gone' }),
    ]);
    expect([...noted.nodes]).toEqual([]);
    expect([...noted.edges].sort()).toEqual(['gone', 'link:[not json']);
    expect([...noted.compromised]).toEqual([]);
  });
});
