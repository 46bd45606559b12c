import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/helpers/shared-data.js';
import { analyzeEventsLinked } from '../../core/analysis/index.js';
import { readXml } from '../../core/readers/xml/index.js';
import { createEdgeMatcher } from './edge-matcher.js';

describe('createEdgeMatcher (cluster drill-down on stored roll-ups)', () => {
  it('puts each event on the edge the graph builder counted it in', () => {
    for (const sample of ['sec-omer-post', 'm2a-kerbrute', 'm2a-4771-valid', 'm2a-4768-4769-host']) {
      const { events } = readXml(readFileSync(sharedData('expected-xml', `${sample}.libevtx.xml`)));
      const { dataset, edgeIdOf } = analyzeEventsLinked(events, {
        sources: [],
        readStats: { recordsRead: events.length, eventsSkipped: {}, warnings: 0 },
      });
      expect(dataset.edges.length, sample).toBeGreaterThan(0);
      const match = createEdgeMatcher(dataset);
      for (const e of events) {
        const counted = edgeIdOf(e);
        if (counted !== null) expect(match(e).edge, `${sample} record ${e.recordId}`).toBe(counted);
      }
    }
  });
});
