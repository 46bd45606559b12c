// Fidelity of the XML and JSON readers against independent material: the EVTX file Windows exported
// to XML, libevtx's rendering of every sample EVTX, and the JSON documents themselves. Counts come
// from test/fixtures/logs/MANIFEST.md (written from libevtx and python-evtx), parsed here, not copied.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WINDOWS_FIELD_MAP, type LogonEvent } from '../../src/core/events/index.js';
import { readEvtx } from '../../src/core/readers/evtx/index.js';
import { readLog } from '../../src/core/readers/index.js';
import { readXml } from '../../src/core/readers/xml/index.js';
import { REPO_ROOT, sharedData } from '../helpers/shared-data.js';

interface ManifestRow {
  file: string;
  records: number;
  counts: Record<number, number>;
  first: string | null;
  last: string | null;
}

function parseCounts(cell: string): Record<number, number> {
  const out: Record<number, number> = {};
  for (const m of cell.matchAll(/(\d+):(\d+)/g)) out[Number(m[1])] = Number(m[2]);
  return out;
}

function manifest(): { evtx: ManifestRow[]; json: ManifestRow[] } {
  const text = readFileSync(sharedData('MANIFEST.md'), 'utf8');
  const evtx: ManifestRow[] = [];
  const json: ManifestRow[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const file = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    if (file === undefined) continue;
    if (file.endsWith('.evtx') && cells.length >= 9) {
      const [first, last] = (cells[7] ?? '').split('→').map((s) => s.trim());
      evtx.push({
        file,
        records: Number((cells[5] ?? '').replace(/,/g, '')),
        counts: parseCounts(cells[6] ?? ''),
        first: first ?? null,
        last: last ?? null,
      });
    } else if (file.endsWith('.ndjson')) {
      json.push({
        file,
        records: Number(cells[3]),
        counts: parseCounts(cells[4] ?? ''),
        first: null,
        last: null,
      });
    }
  }
  return { evtx, json };
}

const SECURITY_IDS = new Set([
  4624, 4625, 4648, 4672, 4768, 4769, 4771, 4776, 4720, 4726, 4728, 4729, 4732, 4733, 4756, 4757, 4719, 4662,
  5137, 5141, 1102,
]);

function securityCounts(events: LogonEvent[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const e of events) if (SECURITY_IDS.has(e.eventId)) out[e.eventId] = (out[e.eventId] ?? 0) + 1;
  return out;
}

/** Rendering differences between tools that are not differences in the log: libevtx pads hex. */
function normalize(e: LogonEvent): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    o[k] =
      typeof v === 'string' && /^0x[0-9a-f]+$/i.test(v)
        ? '0x' + (v.slice(2).replace(/^0+/, '') || '0').toLowerCase()
        : v;
  }
  return o;
}

describe('XML reader fidelity', () => {
  it('the Windows XML export gives exactly the events of its EVTX file', () => {
    const fromXml = readXml(readFileSync(sharedData('xml-export/sys-tsevtx-system.windows.xml')));
    const fromEvtx = readEvtx(readFileSync(sharedData('evtx/sys-tsevtx-system.evtx')));
    expect(fromXml.stats.recordsRead).toBe(1247);
    expect(fromXml.warnings).toEqual([]);
    const byRecord = (a: LogonEvent, b: LogonEvent): number => (a.recordId ?? 0) - (b.recordId ?? 0);
    // Same event ID, record ID, time (7 digits both), computer, channel, provider and every model field.
    expect([...fromXml.events].sort(byRecord)).toEqual([...fromEvtx.events].sort(byRecord));
  });

  const rows = manifest().evtx;
  it('MANIFEST lists the sample files', () => {
    expect(rows.length).toBeGreaterThanOrEqual(18);
  });

  it.each(rows.map((r) => [r.file, r] as const))(
    'libevtx rendering of %s: MANIFEST counts and times',
    (_f, row) => {
      const id = row.file.replace(/^.*\//, '').replace(/\.evtx$/, '');
      const r = readXml(readFileSync(sharedData('expected-xml', `${id}.libevtx.xml`)));
      expect(r.stats.recordsRead).toBe(row.records);
      expect(r.events).toHaveLength(row.records);
      expect(r.warnings).toEqual([]);
      const counts = securityCounts(r.events);
      for (const [eid, n] of Object.entries(row.counts)) expect(counts[Number(eid)], `event ${eid}`).toBe(n);
      const times = r.events.map((e) => e.time).sort();
      expect(times[0]?.slice(0, 19)).toBe(row.first);
      expect(times.at(-1)?.slice(0, 19)).toBe(row.last);
    },
  );

  it.each(rows.filter((r) => !r.file.startsWith('evtx-bad/')).map((r) => [r.file, r] as const))(
    'libevtx rendering and our EVTX reader agree on every field of %s',
    (_f, row) => {
      const id = row.file.replace(/^.*\//, '').replace(/\.evtx$/, '');
      const fromXml = readXml(readFileSync(sharedData('expected-xml', `${id}.libevtx.xml`))).events;
      const fromEvtx = readEvtx(readFileSync(sharedData(row.file))).events;
      const evtxById = new Map(fromEvtx.map((e) => [e.recordId, normalize(e)]));
      expect(fromEvtx).toHaveLength(fromXml.length);
      for (const e of fromXml) expect(evtxById.get(e.recordId), `record ${e.recordId}`).toEqual(normalize(e));
    },
  );

  it('python-evtx output of a sample gives the libevtx events (microsecond times)', () => {
    const py = readXml(
      readFileSync(path.join(REPO_ROOT, 'test/fixtures/xml/m2a-hiddenuser.python-evtx.xml')),
    ).events;
    const lib = readXml(readFileSync(sharedData('expected-xml/m2a-hiddenuser.libevtx.xml'))).events;
    expect(py).toHaveLength(21);
    for (const [i, e] of py.entries()) {
      const l = lib[i] as LogonEvent;
      expect({ ...normalize(e), time: null }).toEqual({ ...normalize(l), time: null });
      // python-evtx keeps microseconds, converted through a float: within 2 µs of libevtx's 100 ns value.
      const us = (t: string): number =>
        Date.parse(t.slice(0, 19) + 'Z') * 1000 + Number((t.slice(20, -1) + '000000').slice(0, 6));
      expect(Math.abs(us(e.time) - us(l.time))).toBeLessThanOrEqual(2);
    }
  });
});

describe('JSON reader fidelity', () => {
  const rows = manifest().json;
  it('MANIFEST lists the JSON samples', () => {
    expect(rows).toHaveLength(3);
  });

  it.each(rows.map((r) => [r.file, r] as const))(
    '%s: MANIFEST counts and every field against its document',
    (_f, row) => {
      const text = readFileSync(sharedData('json', row.file), 'utf8');
      const r = readLog(new TextEncoder().encode(text));
      expect(r.format).toBe('json');
      expect(r.stats.recordsRead).toBe(row.records);
      expect(r.events).toHaveLength(row.records);
      expect(securityCounts(r.events)).toEqual(row.counts);

      const docs = text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(docs).toHaveLength(row.records);
      let nxlogConverted = 0;
      docs.forEach((doc, i) => {
        const e = r.events[i] as LogonEvent;
        const data = (doc.event_data ?? doc) as Record<string, unknown>;
        expect(e.eventId).toBe(Number(doc.EventID ?? doc.event_id));
        expect(e.computer).toBe(doc.Hostname ?? doc.computer_name);
        expect(e.channel).toBe(doc.Channel ?? doc.log_name);
        const rid = doc.RecordNumber ?? doc.record_number;
        expect(e.recordId).toBe(rid === undefined ? null : Number(rid));
        if (typeof doc.TimeCreated === 'string') expect(e.time).toBe(doc.TimeCreated);
        else if (typeof doc.EventTime === 'string') {
          // NXLog local time; the collector of this dataset ran at UTC-4 (EventReceivedTime vs @timestamp).
          expect(Date.parse(e.time)).toBe(Date.parse(doc.EventTime.replace(' ', 'T') + 'Z') + 4 * 3600_000);
          nxlogConverted++;
        } else expect(e.time).toBe(doc['@timestamp']);
        for (const [name, field] of Object.entries(WINDOWS_FIELD_MAP)) {
          const v = data[name];
          if (typeof v !== 'string') continue;
          if (name === 'TargetUserName' && field === 'targetUser' && e.groupName !== null)
            expect(e.groupName).toBe(v);
          // Aliases (TargetSid/TargetUserSid, Workstation/WorkstationName, ...): the first non-empty wins.
          const aliases = Object.entries(WINDOWS_FIELD_MAP).filter(([n, f]) => f === field && n !== name);
          const other = aliases.map(([n]) => data[n]).find((x) => typeof x === 'string' && x !== '');
          if (other === undefined || v !== '') expect(e[field], `${row.file} line ${i + 1} ${name}`).toBe(v);
        }
      });
      if (row.file.includes('covenant')) expect(nxlogConverted).toBe(row.records);
    },
  );
});
