import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/helpers/shared-data.js';
import type { LogonEvent } from '../../core/events/index.js';
import { readEvtx } from '../../core/readers/evtx/index.js';
import { readFileSync } from 'node:fs';
import { eventRows, type EventRows } from '../store/event-row.js';
import { readEvtxParallel } from './evtx-parallel.js';

/** Every batch readEvtxParallel hands over, with the rows beside it. */
async function batches(file: string, storedRows: boolean, workers: number) {
  const got: { events: LogonEvent[]; rows: EventRows | undefined }[] = [];
  await readEvtxParallel(file, {
    workers,
    inThreadBelow: 0,
    eventsOrder: 'record',
    storedRows,
    onEvents: (events, rows) => got.push({ events, rows }),
  });
  return got;
}

describe('EVTX workers preparing the stored rows (server import)', () => {
  it.each([
    ['sec-omer-size_t.evtx', 'evtx'],
    ['m2a-kerbrute.evtx', 'evtx'],
    ['dev-derived-truncated-size_t.evtx', 'evtx-bad'],
    ['dev-derived-dirtyhdr-size_t.evtx', 'evtx-bad'],
  ])('%s: each batch has the rows the store would make of its events', async (name, folder) => {
    const file = sharedData(folder, name);
    for (const workers of [1, 2]) {
      const got = await batches(file, true, workers);
      const events = got.flatMap((b) => b.events);
      expect(events).toEqual(readEvtx(new Uint8Array(readFileSync(file))).events);
      for (const b of got) expect(b.rows).toEqual(eventRows(b.events));
    }
  });

  it('hands over no rows unless asked', async () => {
    const got = await batches(sharedData('evtx', 'm2a-kerbrute.evtx'), false, 1);
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((b) => b.rows === undefined)).toBe(true);
  });
});
