// Fidelity of the EVTX reader: every sample EVTX against libevtx's rendering of it
// (test/fixtures/logs/expected-xml/<id>.libevtx.xml, read with our XML reader, libevtx dialect), on
// event ID, record ID, time, computer, channel, provider and every EventData field of the model,
// after normalizing rendering differences (zero-padded hex, GUID case, empty vs absent).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOGON_EVENT_FIELDS, type LogonEvent } from '../../src/core/events/index.js';
import { readEvtx } from '../../src/core/readers/evtx/index.js';
import { readXml } from '../../src/core/readers/xml/index.js';
import type { ReadResult } from '../../src/core/readers/types.js';
import { HAS_SHARED_DATA, SHARED_DATA_SKIP_REASON, sharedData } from '../helpers/shared-data.js';

const HEX = /^0x[0-9a-f]+$/i;
const GUID = /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/i;

/** One spelling per value: libevtx pads hex to 16 digits and may differ in GUID case. */
function norm(v: string | number | null): string | number | null {
  if (v === null || v === '') return null;
  if (typeof v === 'number') return v;
  if (HEX.test(v)) return '0x' + BigInt(v).toString(16);
  if (GUID.test(v)) return v.toUpperCase();
  return v;
}

function normalized(e: LogonEvent): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const k of LOGON_EVENT_FIELDS) out[k] = norm(e[k]);
  return out;
}

function readEvtxFile(dir: string, file: string): ReadResult {
  return readEvtx(new Uint8Array(readFileSync(sharedData(dir, file))));
}

function expected(id: string): ReadResult {
  return readXml(new Uint8Array(readFileSync(sharedData('expected-xml', `${id}.libevtx.xml`))));
}

/** Compares ours to the expected events by record id; returns the count of differing fields. */
function compare(ours: LogonEvent[], theirs: LogonEvent[]): string[] {
  const byId = new Map(theirs.map((e) => [e.recordId, e]));
  const diffs: string[] = [];
  for (const e of ours) {
    const x = byId.get(e.recordId);
    if (x === undefined) {
      diffs.push(`record ${e.recordId}: not in libevtx's output`);
      continue;
    }
    const a = normalized(e);
    const b = normalized(x);
    for (const k of LOGON_EVENT_FIELDS) {
      if (a[k] !== b[k])
        diffs.push(
          `record ${e.recordId} ${k}: ours ${JSON.stringify(a[k])}, libevtx ${JSON.stringify(b[k])}`,
        );
    }
  }
  return diffs;
}

const files = HAS_SHARED_DATA
  ? [
      ...readdirSync(sharedData('evtx')).map((f) => ['evtx', f] as const),
      ...readdirSync(sharedData('evtx-bad')).map((f) => ['evtx-bad', f] as const),
    ].filter(([, f]) => f.endsWith('.evtx'))
  : [];

describe.skipIf(!HAS_SHARED_DATA)(`EVTX reader vs libevtx (${SHARED_DATA_SKIP_REASON})`, () => {
  it('has sample files to compare', () => {
    expect(files.length).toBeGreaterThanOrEqual(18);
  });

  for (const [dir, file] of files) {
    const id = file.replace(/\.evtx$/, '');
    if (id === 'dev-derived-truncated-size_t') continue; // below: more records than libevtx
    if (!existsSync(sharedData('expected-xml', `${id}.libevtx.xml`))) {
      // Samples shipped with Rust evtx's output only: evtx-rust-fidelity.test.ts compares them.
      it(`${id}: has Rust evtx's output to be compared with instead`, () => {
        expect(existsSync(sharedData('expected-json', `${id}.rust-evtx.jsonl`))).toBe(true);
      });
      continue;
    }
    it(`${id}: same records and fields as libevtx`, () => {
      const ours = readEvtxFile(dir, file);
      const theirs = expected(id);
      expect(theirs.events.length).toBeGreaterThan(0);
      expect(ours.events).toHaveLength(theirs.events.length);
      expect(ours.stats.recordsRead).toBe(theirs.events.length);
      expect(compare(ours.events, theirs.events)).toEqual([]);
      // The comparison is not vacuous: the logs do carry model fields.
      if (ours.events[0]?.channel === 'Security') {
        expect(ours.events.some((e) => e.subjectUser !== null || e.targetUser !== null)).toBe(true);
      }
    });
  }

  it('dirty header: all 636 records, not the 318 the stale header announces', () => {
    const r = readEvtxFile('evtx-bad', 'dev-derived-dirtyhdr-size_t.evtx');
    expect(r.events).toHaveLength(636);
    expect(r.warningCounts['header-stale']).toBe(1);
    expect(new Set(r.events.map((e) => e.recordId)).size).toBe(636);
  });

  it('truncated file: the 213 records libevtx reads plus the 48 it drops, with a warning', () => {
    const r = readEvtxFile('evtx-bad', 'dev-derived-truncated-size_t.evtx');
    const libevtx = expected('dev-derived-truncated-size_t').events;
    expect(libevtx).toHaveLength(213);
    expect(r.events).toHaveLength(261);
    const known = new Set(libevtx.map((e) => e.recordId));
    const recovered = r.events.filter((e) => !known.has(e.recordId));
    expect(recovered).toHaveLength(48);
    expect(
      compare(
        r.events.filter((e) => known.has(e.recordId)),
        libevtx,
      ),
    ).toEqual([]);
    // The recovered records are checked against libevtx's reading of the complete original file.
    expect(compare(recovered, expected('sec-omer-size_t').events)).toEqual([]);
    const w = r.warnings.filter((x) => x.code === 'chunk-truncated');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ chunk: 2, offset: 165168 });
  });

  it('System log: records are read, none of them is a Security event (not a failure)', () => {
    const r = readEvtxFile('evtx', 'sys-tsevtx-system.evtx');
    expect(r.events).toHaveLength(1247);
    expect(r.warnings).toEqual([]);
    expect(r.events.filter((e) => e.channel === 'Security')).toEqual([]);
  });

  it("the EVTX and Windows' own XML export of it give the same events", () => {
    const ours = readEvtxFile('evtx', 'sys-tsevtx-system.evtx').events;
    const win = readXml(
      new Uint8Array(readFileSync(sharedData('xml-export', 'sys-tsevtx-system.windows.xml'))),
    ).events;
    expect(win).toHaveLength(ours.length);
    expect(compare(ours, win)).toEqual([]);
    // Times keep Windows' 7 digits exactly.
    const byId = new Map(win.map((e) => [e.recordId, e.time]));
    expect(ours.every((e) => byId.get(e.recordId) === e.time)).toBe(true);
  });
});
