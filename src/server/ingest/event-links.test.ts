import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/helpers/shared-data.js';
import { analyzeEventsLinked } from '../../core/analysis/index.js';
import { readXml } from '../../core/readers/xml/index.js';
import { createEventLinker } from './event-links.js';

function linkSample(sample: string) {
  const { events } = readXml(readFileSync(sharedData('expected-xml', `${sample}.libevtx.xml`)));
  const analysis = analyzeEventsLinked(events, {
    sources: [],
    readStats: { recordsRead: events.length, eventsSkipped: {}, warnings: 0 },
  });
  const link = createEventLinker(analysis);
  return { events, dataset: analysis.dataset, links: events.map((e) => link(e)) };
}

describe('createEventLinker', () => {
  it('links every edge to exactly the events the analysis counted in it', () => {
    for (const sample of ['sec-omer-post', 'm2a-kerbrute', 'm2a-4771-valid']) {
      const { dataset, links } = linkSample(sample);
      expect(dataset.edges.length, sample).toBeGreaterThan(0);
      const perEdge = new Map<string, number>();
      for (const l of links) if (l.edge !== null) perEdge.set(l.edge, (perEdge.get(l.edge) ?? 0) + 1);
      for (const edge of dataset.edges) expect(perEdge.get(edge.id), `${sample} ${edge.id}`).toBe(edge.count);
      expect(perEdge.size, sample).toBe(dataset.edges.length);
    }
  });

  it('links a flagged event to the nodes whose flags cite it', () => {
    const { dataset, events, links } = linkSample('sec-omer-newuser');
    const flagged = dataset.nodes.filter((n) => n.flags.length > 0);
    expect(flagged.length).toBeGreaterThan(0);
    for (const node of flagged) {
      const cited = events.filter((_, i) => links[i]!.flaggedNodes.includes(node.id));
      const recordIds = node.flags.flatMap((f) => f.recordIds);
      expect(cited.map((e) => e.recordId).sort()).toEqual([...new Set(recordIds)].sort());
    }
  });
});
