import { describe, expect, it } from 'vitest';
import type { Detection } from '../../dataset/schema.js';
import { makeDataset } from '../testing.js';
import { hourToIso } from '../time.js';
import { detectionEvidence, listDetections } from './detection-list.js';

const H = 455_016;
const day = (k: number) => ({ from: hourToIso(H + 24 * k), to: hourToIso(H + 24 * (k + 1)) });
const ALICE = 'account:corp\\alice';
const SPRAYER = 'ip:203.0.113.9';

function det(
  id: string,
  kind: string,
  severity: Detection['severity'],
  hour: number,
  nodes: string[],
  eventIds: number[],
): Detection {
  return {
    id,
    kind,
    title: kind,
    severity,
    nodes,
    first: hourToIso(hour),
    last: hourToIso(hour + 2),
    count: 1,
    detail: '',
    evidence: { eventIds, recordIds: [], computers: [] },
  };
}

const detections = [
  det('d-low', 'account-created', 'low', H + 1, [ALICE], [4720]),
  det('d-high-late', 'dcsync', 'high', H + 30, [ALICE], [4662]),
  det('d-high', 'log-cleared', 'high', H + 2, ['host:dc1'], [1102]),
  det('d-med', 'password-spraying', 'medium', H + 26, [SPRAYER, ALICE, 'account:corp\\bob'], [4625]),
];

describe('listDetections', () => {
  it('lists everything, most severe and earliest first, marked in or out of the window', () => {
    const l = listDetections(detections, day(1));
    expect(l.rows.map((r) => [r.detection.id, r.inWindow])).toEqual([
      ['d-high', false],
      ['d-high-late', true],
      ['d-med', true],
      ['d-low', false],
    ]);
    expect(l.inWindow).toBe(2);
    expect(l.total).toBe(4);
    expect(l.bySeverity).toEqual({ high: 2, medium: 1, low: 1, info: 0 });
    expect(l.byKind).toEqual({ 'log-cleared': 1, dcsync: 1, 'password-spraying': 1, 'account-created': 1 });
  });

  it('filters by severity and kind, and still counts what the filter hides', () => {
    const l = listDetections(detections, null, {
      severities: ['high', 'medium'],
      kinds: ['dcsync', 'password-spraying'],
    });
    expect(l.rows.map((r) => r.detection.id)).toEqual(['d-high-late', 'd-med']);
    expect(l.rows.every((r) => r.inWindow)).toBe(true);
    expect(l.bySeverity.high).toBe(2);
    expect(l.byKind['log-cleared']).toBe(1);
  });
});

describe('detectionEvidence', () => {
  const d = makeDataset([
    // e0: the spray: failed logons of its accounts from its source, in its span
    {
      account: ALICE,
      source: SPRAYER,
      target: 'host:dc1',
      eventId: 4625,
      failure: true,
      hourly: [[H + 27, 3]],
    },
    // e1: alice's failures from elsewhere: not this detection's
    {
      account: ALICE,
      source: 'host:ws1',
      target: 'host:dc1',
      eventId: 4625,
      failure: true,
      hourly: [[H + 27, 1]],
    },
    // e2: the same pair, outside the span
    {
      account: 'account:corp\\bob',
      source: SPRAYER,
      target: 'host:dc1',
      eventId: 4625,
      failure: true,
      hourly: [[H + 40, 1]],
    },
    // e3: another event ID
    { account: ALICE, source: SPRAYER, target: 'host:dc1', eventId: 4624, hourly: [[H + 27, 1]] },
    // e4: an edge of the one-node detection's node with its event ID (made up: 4720 is no logon)
    { account: ALICE, source: 'host:ws1', target: 'host:dc1', eventId: 4720, hourly: [[H + 1, 1]] },
  ]);

  it('takes the edges between a multi-node detection’s nodes, of its event IDs, in its span', () => {
    const ev = detectionEvidence(d.edges, detections[3]!);
    expect([...ev.edges]).toEqual(['e0']);
    expect([...ev.nodes]).toEqual([SPRAYER, ALICE, 'account:corp\\bob']);
  });

  it('takes the edges of a one-node detection’s node, and none for flag-only evidence', () => {
    expect([...detectionEvidence(d.edges, detections[0]!).edges]).toEqual(['e4']);
    expect([...detectionEvidence(d.edges, detections[1]!).edges]).toEqual([]);
  });
});
