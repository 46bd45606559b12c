// Fidelity of the EVTX reader against Rust `evtx` (evtx_dump 0.15.1, JSON lines, the parser of
// Hayabusa and Chainsaw): test/fixtures/logs/expected-json/<id>.rust-evtx.jsonl. Every record is
// compared field by field: event ID, record ID, time, computer, channel, provider and every
// EventData / UserData field of the model. The evtx-modern/ files are records written as plain
// binary XML without templates, which libevtx and python-evtx cannot read.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  emptyEvent,
  LOGON_EVENT_FIELDS,
  setWindowsField,
  type LogonEvent,
} from '../../src/core/events/index.js';
import { readEvtx } from '../../src/core/readers/evtx/index.js';
import { sharedData } from '../helpers/shared-data.js';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const HEX = /^0x[0-9a-f]+$/i;
const GUID = /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/i;

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Text of a JSON leaf as Windows renders it (evtx writes numbers as JSON numbers). */
function text(v: Json | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isObject(v) && '#text' in v) return text(v['#text']);
  return null;
}

function attr(v: Json | undefined, name: string): string | null {
  if (!isObject(v)) return null;
  const a = v['#attributes'];
  return isObject(a) ? text(a[name]) : null;
}

/**
 * evtx prints a FILETIME with 9 fractional digits (nanoseconds, the last two always 0) where Windows
 * and we print 7; a time written as text in the record is kept as written.
 */
function normTime(t: string): string {
  return t.replace(/\.(\d{7})00Z$/, '.$1Z');
}

/** The LogonEvent that evtx's JSON of one record stands for, built with the model's own mapping. */
function expectedEvent(line: string): LogonEvent {
  const root = JSON.parse(line) as JsonObject;
  const event = root['Event'];
  if (!isObject(event)) throw new Error('no Event in an evtx JSON line');
  const sys = event['System'];
  if (!isObject(sys)) throw new Error('no System in an evtx JSON line');
  const e = emptyEvent(Number(text(sys['EventID'])), normTime(attr(sys['TimeCreated'], 'SystemTime') ?? ''));
  e.recordId = Number(text(sys['EventRecordID']));
  e.channel = text(sys['Channel']);
  e.computer = text(sys['Computer']);
  e.provider = attr(sys['Provider'], 'Name');
  const data = event['EventData'];
  if (isObject(data)) for (const [k, v] of Object.entries(data)) setWindowsField(e, k, text(v));
  const user = event['UserData'];
  if (isObject(user))
    for (const el of Object.values(user))
      if (isObject(el))
        for (const [k, v] of Object.entries(el)) if (k !== '#attributes') setWindowsField(e, k, text(v));
  return e;
}

/** One spelling per value: Rust prints GUID attributes as stored (case), hex as Windows does. */
function norm(v: string | number | null): string | number | null {
  if (v === null || v === '') return null;
  if (typeof v === 'number') return v;
  if (HEX.test(v)) return '0x' + BigInt(v).toString(16);
  if (GUID.test(v)) return v.toUpperCase();
  return v;
}

function evtxPath(id: string): string {
  for (const dir of ['evtx-modern', 'evtx', 'evtx-bad']) {
    const p = sharedData(dir, `${id}.evtx`);
    if (existsSync(p)) return p;
  }
  throw new Error(`no EVTX sample for ${id}`);
}

const ids = readdirSync(sharedData('expected-json'))
  .filter((f) => f.endsWith('.rust-evtx.jsonl'))
  .map((f) => f.replace(/\.rust-evtx\.jsonl$/, ''));

describe('EVTX reader vs Rust evtx', () => {
  it('has the two non-templated samples among the files to compare', () => {
    expect(ids).toEqual(expect.arrayContaining(['m2a-1149-rdp', 'm2a-4656-wsman']));
    expect(ids.length).toBeGreaterThanOrEqual(7);
  });

  for (const id of ids) {
    it(`${id}: every record, field by field, as Rust evtx reads it`, () => {
      const lines = readFileSync(sharedData('expected-json', `${id}.rust-evtx.jsonl`), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '');
      const theirs = lines.map(expectedEvent);
      const ours = readEvtx(new Uint8Array(readFileSync(evtxPath(id))));
      expect(ours.warnings).toEqual([]);
      expect(ours.stats.skipped).toEqual({});
      expect(ours.events).toHaveLength(theirs.length);
      const byId = new Map(ours.events.map((e) => [e.recordId, e]));
      const diffs: string[] = [];
      for (const x of theirs) {
        const e = byId.get(x.recordId);
        if (e === undefined) {
          diffs.push(`record ${x.recordId}: missing from ours`);
          continue;
        }
        for (const k of LOGON_EVENT_FIELDS) {
          const a = norm(e[k]);
          const b = norm(x[k]);
          if (a !== b)
            diffs.push(`record ${x.recordId} ${k}: ours ${JSON.stringify(a)}, evtx ${JSON.stringify(b)}`);
        }
      }
      expect(diffs).toEqual([]);
      // The comparison is not empty: every record has its System fields.
      for (const x of theirs) {
        expect(x.computer).not.toBeNull();
        expect(x.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
      }
    });
  }

  it('m2a-4656-wsman: the model fields of the data part are read (not only System)', () => {
    const r = readEvtx(new Uint8Array(readFileSync(evtxPath('m2a-4656-wsman'))));
    expect(r.events[0]).toMatchObject({
      eventId: 4656,
      recordId: 7068010,
      time: '2022-01-26T09:16:25.3232236Z',
      computer: 'win10-02.offsec.lan',
      channel: 'Security',
      subjectUser: 'admmig',
      subjectDomain: 'OFFSEC',
      subjectSid: 'S-1-5-21-4230534742-2542757381-3142984815-1111',
      processName: 'C:\\Windows\\System32\\svchost.exe',
    });
  });
});
