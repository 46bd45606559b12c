// The investigation logic on real logs: the DCSync, Kerberos-spraying and size_t samples analysed
// together (the browser-test dataset), as an analyst would open and question them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../helpers/shared-data.js';
import { readXml } from '../../src/core/readers/xml/index.js';
import { analyzeEvents, computeView, DEFAULT_FILTERS } from '../../src/core/analysis/index.js';
import {
  compareWindows,
  detectionEvidence,
  detectionWindow,
  lateralChains,
  listDetections,
  nearestActiveWindow,
  neighbourhood,
  nodeTimeline,
  shortestPaths,
  storyWindow,
} from '../../src/core/analysis/investigate/index.js';

const SAMPLES = ['m2a-dcsync', 'sec-omer-size_t', 'm2a-kerbrute'];

function dataset() {
  const events = SAMPLES.flatMap(
    (s) => readXml(readFileSync(sharedData('expected-xml', `${s}.libevtx.xml`))).events,
  );
  return analyzeEvents(events, {
    sources: [],
    readStats: { recordsRead: events.length, eventsSkipped: {}, warnings: 0 },
    now: '2026-01-01T00:00:00Z',
  });
}

const dayWindow = (from: string) => ({
  from: `${from}T00:00:00Z`,
  to: new Date(Date.parse(`${from}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 19) + 'Z',
});

describe('investigation on real logs', () => {
  const d = dataset();
  const dcsync = d.detections.find((x) => x.kind === 'dcsync')!;

  it('opens on the DCSync, the first high-severity detection, not on the first day of the logs', () => {
    expect(d.timeRange!.from.startsWith('2015-')).toBe(true);
    const story = storyWindow(d, 'day');
    expect(story).toEqual({ from: '2020-08-02', reason: 'detection', detection: dcsync.id });
    expect(detectionWindow(dcsync, 'day')).toBe('2020-08-02');
    const view = computeView(d, dayWindow(story.from), DEFAULT_FILTERS);
    expect(view.detections.map((x) => x.id)).toContain(dcsync.id);
    for (const n of dcsync.nodes) expect(view.nodes.map((x) => x.id)).toContain(n);
  });

  it('lists every detection, marked in or out of the window on screen', () => {
    const listing = listDetections(d.detections, dayWindow('2020-08-02'));
    expect(listing.rows.map((r) => [r.detection.kind, r.inWindow])).toEqual([
      ['dcsync', true],
      ['password-spraying', false],
    ]);
    expect(listing.bySeverity.high).toBe(2);
  });

  it('draws the spraying source to its accounts as evidence, and a path from it', () => {
    const spray = d.detections.find((x) => x.kind === 'password-spraying')!;
    const view = computeView(d, dayWindow(detectionWindow(spray, 'day')), DEFAULT_FILTERS);
    const evidence = detectionEvidence(view.edges, spray);
    expect(evidence.edges.size).toBeGreaterThan(0);
    const source = spray.nodes[0]!;
    for (const id of evidence.edges) expect(view.edges.find((e) => e.id === id)!.source).toBe(source);
    const [path] = shortestPaths(view.edges, source, spray.nodes[1]!);
    expect(path!.nodes).toEqual([source, spray.nodes[1]]);
    expect(neighbourhood(view.edges, [source], 1).nodes.has(spray.nodes[1]!)).toBe(true);
  });

  it('gives the DCSync account a timeline whose counts are its edges’, over both years', () => {
    const account = dcsync.nodes[0]!;
    const t = nodeTimeline(d, account);
    const total = d.edges
      .filter((e) => e.account === account || e.source === account || e.target === account)
      .reduce((s, e) => s + e.count, 0);
    expect(t.success.reduce((s, x) => s + x, 0) + t.failure.reduce((s, x) => s + x, 0)).toBe(total);
    expect(t.hours.length).toBeGreaterThan(0);
  });

  it('offers the nearest day with events from an empty one', () => {
    expect(nearestActiveWindow(d, '2020-01-01', 'day')).toBe('2020-08-02');
    const empty = computeView(d, dayWindow('2020-01-01'), DEFAULT_FILTERS);
    expect(empty.edges).toEqual([]);
  });

  it('follows the DCSync account’s logon as a chain, and compares its day with the day before', () => {
    const view = computeView(d, dayWindow('2020-08-02'), DEFAULT_FILTERS);
    const chains = lateralChains(view.edges, dcsync.nodes[0]!);
    expect(chains.length).toBeGreaterThan(0);
    for (const c of chains) expect(c.steps[0]!.account).toBe(dcsync.nodes[0]);
    const diff = compareWindows(d, dayWindow('2020-08-02'), DEFAULT_FILTERS);
    expect(diff.goneEdges).toEqual([]);
    expect(diff.newEdges).toEqual(view.edges.map((e) => e.id).sort());
  });
});
