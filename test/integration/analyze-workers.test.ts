// `logonlens analyze` gives the same dataset whatever the number of EVTX worker threads: on every
// sample log, and on several files holding the same records (copies, a wrapped copy, a chunk
// repeated inside a file), where deduplication by computer + channel + record id must hold across
// workers and files.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedData } from '../helpers/shared-data.js';
import { ANALYSED_EVENT_IDS, datasetFromGraph } from '../../src/core/analysis/analyze.js';
import { createGraphBuilder } from '../../src/core/analysis/graph-builder.js';
import type { Dataset } from '../../src/core/dataset/index.js';
import { readFilesInto } from '../../src/server/cli/commands/analyze.js';
import { prestartEvtxWorkers, takePrestartedWorker } from '../../src/server/ingest/evtx-prestart.js';

const dir = mkdtempSync(path.join(tmpdir(), 'logonlens-analyze-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI's analysis of the files; `workers` 0 parses on the calling thread. */
async function analyze(files: string[], workers: number): Promise<Dataset> {
  const builder = createGraphBuilder();
  const read = await readFilesInto(builder, files, {
    eventIds: ANALYSED_EVENT_IDS,
    from: null,
    to: null,
    workers: Math.max(1, workers),
    inThreadBelow: workers === 0 ? Number.MAX_SAFE_INTEGER : 0,
  });
  return datasetFromGraph(builder.finish(), { ...read, now: '2026-01-01T00:00:00Z' });
}

const samples = ['evtx', 'evtx-bad', 'evtx-modern', 'json', 'xml-export'].flatMap((d) =>
  readdirSync(sharedData(d)).map((f) => sharedData(d, f)),
);

describe('analyze with 1 and 2 EVTX workers', () => {
  it.each(samples.map((f) => [path.basename(f), f]))(
    '%s: the same dataset with 1 worker, 2 workers and in-thread',
    async (_name, file) => {
      const one = await analyze([file], 1);
      expect(await analyze([file], 2)).toEqual(one);
      expect(await analyze([file], 0)).toEqual(one);
    },
  );

  it('several files holding the same records: deduplicated the same way with 1 and 2 workers', async () => {
    const src = new Uint8Array(readFileSync(sharedData('evtx', 'sec-omer-size_t.evtx')));
    const C = 65536;
    const slots = (src.length - 4096) / C;
    /** A file of the sample's chunks in the given order (header kept). */
    const pick = (name: string, order: number[]): string => {
      const out = new Uint8Array(4096 + order.length * C);
      out.set(src.subarray(0, 4096));
      order.forEach((from, to) =>
        out.set(src.subarray(4096 + from * C, 4096 + (from + 1) * C), 4096 + to * C),
      );
      const p = path.join(dir, name);
      writeFileSync(p, out);
      return p;
    };
    const all = Array.from({ length: slots }, (_, i) => i);
    const files = [
      sharedData('evtx', 'sec-omer-size_t.evtx'),
      pick('copy.evtx', all), // every record again
      pick('wrapped.evtx', [...all.slice(2), ...all.slice(0, 2)]), // the same, wrapped around
      pick('repeated.evtx', [0, 1, 0, 1, 2]), // chunks repeated inside one file
      sharedData('evtx', 'sec-omer-post.evtx'),
    ];
    const one = await analyze(files, 1);
    expect(one.readStats.eventsSkipped['duplicate']).toBeGreaterThan(0);
    expect(one.edges.length).toBeGreaterThan(0);
    // Counted once: the same edges and counts as the original file alone, plus the other sample.
    const once = await analyze([files[0]!, files[4]!], 1);
    expect(one.edges).toEqual(once.edges);
    expect(one.nodes).toEqual(once.nodes);
    expect(await analyze(files, 2)).toEqual(one);
    expect(await analyze(files, 0)).toEqual(one);
    expect(await analyze([...files].reverse(), 2)).toEqual(await analyze([...files].reverse(), 1));
  });

  it('workers started ahead (as the CLI starts them) give the same dataset', async () => {
    const files = [sharedData('evtx', 'sec-omer-size_t.evtx'), sharedData('evtx', 'sec-omer-post.evtx')];
    const one = await analyze(files, 1);
    prestartEvtxWorkers(2);
    expect(await analyze(files, 2)).toEqual(one);
    expect(takePrestartedWorker()).toBeUndefined(); // the first file took both
    prestartEvtxWorkers(1);
    expect(await analyze(files, 1)).toEqual(one);
    expect(takePrestartedWorker()).toBeUndefined();
  });
});
