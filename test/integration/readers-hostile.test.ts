// Hostile input for the XML and JSON readers: attacker-controlled logs must give counted skips or a
// clear UnreadableInputError, never another exception, a hang or unbounded memory.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../src/core/readers/index.js';
import { UnreadableInputError, type ReadResult } from '../../src/core/readers/types.js';
import { createJsonStreamReader, readJson } from '../../src/core/readers/winlogbeat/index.js';
import { JsonSplitter } from '../../src/core/readers/winlogbeat/splitter.js';
import { createXmlStreamReader, readXml } from '../../src/core/readers/xml/index.js';
import { XmlTokenizer } from '../../src/core/readers/xml/tokenizer.js';
import { REPO_ROOT } from '../helpers/shared-data.js';
import { seededRandom } from '../../src/core/testing/prng.js';

const FIX = path.join(REPO_ROOT, 'test/fixtures');
const TEN_MB = 10 * 1024 * 1024;

/** Runs a read; only UnreadableInputError may escape. Returns the result or null. */
function survive(read: () => ReadResult): ReadResult | null {
  try {
    return read();
  } catch (e) {
    if (e instanceof UnreadableInputError) return null;
    throw e;
  }
}

function mutate(bytes: Uint8Array, rand: () => number, n: number): Uint8Array {
  const out = bytes.slice();
  const specials = [0x3c, 0x3e, 0x22, 0x27, 0x26, 0x2f, 0x7b, 0x7d, 0x5b, 0x5d, 0x5c, 0x0a, 0x00, 0xff];
  for (let i = 0; i < n; i++) {
    const at = Math.floor(rand() * out.length);
    out[at] = rand() < 0.5 ? Math.floor(rand() * 256) : (specials[Math.floor(rand() * specials.length)] ?? 0);
  }
  return out;
}

const NS = `xmlns='http://schemas.microsoft.com/win/2004/08/events/event'`;
const xmlEvent = (rid: number, data: string): string =>
  `<Event ${NS}><System><EventID>4625</EventID><TimeCreated SystemTime='2024-01-01T00:00:00Z'/>` +
  `<EventRecordID>${rid}</EventRecordID><Computer>DC01</Computer></System><EventData>${data}</EventData></Event>`;

describe('XML reader on hostile input', () => {
  it('keeps HTML, CSV formulas and control characters verbatim as values (escaping is for output)', () => {
    const data =
      `<Data Name='TargetUserName'>&lt;img src=x onerror=alert(1)&gt;</Data>` +
      `<Data Name='WorkstationName'>=cmd|'/c calc'!A1</Data>` +
      `<Data Name='IpAddress'>a&#x1b;[2Jb&#0;c\u0007</Data>`;
    const [e] = readXml(`<Events>${xmlEvent(1, data)}</Events>`).events;
    expect(e).toMatchObject({
      targetUser: '<img src=x onerror=alert(1)>',
      workstation: "=cmd|'/c calc'!A1",
      ipAddress: 'a\u001b[2Jb\uFFFDc\u0007', // NUL cannot be kept
    });
  });

  it('does not expand DOCTYPE entities (no billion laughs)', () => {
    const doc =
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>` +
      `<Events>${xmlEvent(1, "<Data Name='TargetUserName'>&lol2;</Data>")}</Events>`;
    expect(readXml(doc).events[0]?.targetUser).toBe('&lol2;');
  });

  it('skips a record with a 10 MB value and reads the next', () => {
    const huge = xmlEvent(1, `<Data Name='TargetUserName'>${'A'.repeat(TEN_MB)}</Data>`);
    const r = readXml(`<Events>${huge}${xmlEvent(2, '')}</Events>`);
    expect(r.events.map((e) => e.recordId)).toEqual([2]);
    expect(r.warningCounts).toEqual({ 'xml-oversize-value': 1 });
  });

  it('skips a record nested 100,000 deep without recursion', () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    const r = readXml(`<Events>${xmlEvent(1, deep)}${xmlEvent(2, '')}</Events>`);
    expect(r.events.map((e) => e.recordId)).toEqual([2]);
    expect(r.warningCounts).toEqual({ 'xml-too-deep': 1 });
  });

  it('skips a record with a flood of values', () => {
    const flood = "<Data Name='TargetUserName'>x</Data>".repeat(10_000);
    const r = readXml(`<Events>${xmlEvent(1, flood)}${xmlEvent(2, '')}</Events>`);
    expect(r.events.map((e) => e.recordId)).toEqual([2]);
    expect(r.warningCounts).toEqual({ 'xml-too-many-fields': 1 });
  });

  it('survives every truncation of a real export', () => {
    const bytes = readFileSync(path.join(FIX, 'xml/windows-security.xml'));
    let complete = 0;
    for (let cut = 0; cut <= bytes.length; cut += 7) {
      const r = survive(() => readXml(bytes.subarray(0, cut)));
      if (r !== null) {
        expect(r.events.length).toBeLessThanOrEqual(7);
        if (r.events.length === 7) complete++;
      }
    }
    expect(complete).toBeGreaterThan(0);
  });

  it('survives random mutations of a real export (bounded run)', () => {
    const bytes = readFileSync(path.join(FIX, 'xml/windows-security.xml'));
    const rand = seededRandom(20261127);
    for (let i = 0; i < 300; i++) {
      const r = survive(() => readXml(mutate(bytes, rand, 1 + Math.floor(rand() * 20))));
      if (r !== null) expect(r.stats.recordsRead).toBeLessThanOrEqual(10);
    }
  });

  it('keeps memory bounded on a 64 MB unterminated comment fed in chunks', () => {
    let maxBuffered = 0;
    const tk = new XmlTokenizer(
      { open: () => undefined, close: () => undefined, text: () => undefined, error: () => undefined },
      { maxMarkup: 1 << 20 },
    );
    const chunk = 'x'.repeat(1 << 16);
    tk.write('<Events><!--');
    for (let i = 0; i < 1024; i++) {
      tk.write(chunk);
      maxBuffered = Math.max(maxBuffered, tk.buffered());
    }
    tk.end();
    expect(maxBuffered).toBeLessThanOrEqual((1 << 20) + (1 << 16));
  });

  it('streams a 40 MB text node in chunks without holding it', () => {
    const reader = createXmlStreamReader();
    reader.push(
      `<Events><Event><System><EventID>4624</EventID><TimeCreated SystemTime='2024-01-01T00:00:00Z'/></System><EventData><Data Name='TargetUserName'>`,
    );
    const chunk = new TextEncoder().encode('y'.repeat(1 << 20));
    for (let i = 0; i < 40; i++) reader.push(chunk);
    reader.push('</Data></EventData></Event></Events>');
    const r = reader.end();
    expect(r.events).toEqual([]);
    expect(r.warningCounts).toEqual({ 'xml-oversize-value': 1 });
  });

  it('rejects HTML and binary junk as not an event log', () => {
    expect(() =>
      readLog(new TextEncoder().encode('<!DOCTYPE html><html><body><script>x</script></body></html>')),
    ).toThrow(UnreadableInputError);
    const junk = new Uint8Array(4096).map((_, i) => (i * 131) % 256);
    expect(() => readLog(junk)).toThrow(UnreadableInputError);
  });
});

describe('JSON reader on hostile input', () => {
  const good = (rid: number): string =>
    JSON.stringify({
      '@timestamp': '2024-01-01T00:00:00Z',
      winlog: {
        event_id: '4624',
        record_id: rid,
        computer_name: 'DC01',
        event_data: { TargetUserName: 'u' },
      },
    });

  it('keeps hostile strings verbatim', () => {
    const doc = {
      '@timestamp': '2024-01-01T00:00:00Z',
      winlog: {
        event_id: 4625,
        computer_name: '<script>alert(1)</script>',
        event_data: { TargetUserName: '=1+2', WorkstationName: '\u0000\u001b[31m\u2028' },
      },
    };
    const [e] = readJson(JSON.stringify(doc)).events;
    expect(e).toMatchObject({
      computer: '<script>alert(1)</script>',
      targetUser: '=1+2',
      workstation: '\u0000\u001b[31m\u2028',
    });
  });

  it('reports and skips a document with a 10 MB string, then goes on', () => {
    const big = JSON.stringify({
      '@timestamp': '2024-01-01T00:00:00Z',
      winlog: { event_id: '4624', event_data: { TargetUserName: 'x'.repeat(TEN_MB) } },
    });
    const r = readJson([good(1), big, good(3)].join('\n'));
    expect(r.events.map((e) => e.recordId)).toEqual([1, 3]);
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([['json-too-large', 2]]);
  });

  it('reports a 10 MB line without a newline at the end of the input', () => {
    const r = readJson(good(1) + '\n{"a":"' + 'z'.repeat(TEN_MB));
    expect(r.events).toHaveLength(1);
    expect(r.warningCounts).toEqual({ 'json-too-large': 1 });
  });

  it('survives 1,000,000 nested brackets in an array with a bounded stack', () => {
    const deep = '{"winlog":' + '['.repeat(1_000_000) + ']'.repeat(1_000_000) + '}';
    const r = readJson(`[${good(1)},\n${deep},\n${good(3)}]`);
    expect(r.events.map((e) => e.recordId)).toEqual([1, 3]);
    expect(r.warningCounts).toEqual({ 'json-too-deep': 1 });
  });

  it('survives deep nesting within an NDJSON line (JSON.parse is iterative, the line bounded)', () => {
    const deep = '{"winlog":' + '['.repeat(400_000) + ']'.repeat(400_000) + '}';
    const r = readJson([good(1), deep, good(3)].join('\n'));
    expect(r.events.map((e) => e.recordId)).toEqual([1, 3]);
    expect(r.warningCounts).toEqual({ 'json-bad-type': 1 });
  });

  it('reports wrong types field by field', () => {
    const docs: unknown[] = [
      { '@timestamp': '2024-01-01T00:00:00Z', winlog: { event_id: true } },
      { '@timestamp': ['2024-01-01T00:00:00Z'], winlog: { event_id: '4624' } },
      { '@timestamp': '2024-01-01T00:00:00Z', winlog: { event_id: '4624', record_id: -5 } },
      {
        '@timestamp': '2024-01-01T00:00:00Z',
        winlog: { event_id: '4624', event_data: { IpAddress: { ip: 1 } } },
      },
      { '@timestamp': '2024-01-01T00:00:00Z', winlog: { event_id: '99999999' } },
      { '@timestamp': '2024-13-45T99:00:00Z', winlog: { event_id: '4624' } },
      { '@timestamp': '2024-01-01T00:00:00Z', winlog: 'Security' },
      { event_id: 4624, computer_name: { name: 'x' }, '@timestamp': '2024-01-01T00:00:00Z' },
      { EventID: '4624', Hostname: 'x', TimeCreated: { nested: 'no' } },
      {
        '@timestamp': '2024-01-01T00:00:00Z',
        winlog: { event_id: '4624', event_data: { __proto__: { polluted: 1 }, constructor: 'x' } },
      },
    ];
    const r = readJson(docs.map((d) => JSON.stringify(d)).join('\n'));
    expect(r.stats.recordsRead).toBe(10);
    expect(r.events).toHaveLength(1); // only the last (the prototype keys are just unknown names)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.stats.skipped).toEqual({ 'malformed-record': 9 });
    expect(r.warnings.every((w) => typeof w.line === 'number')).toBe(true);
  });

  it('survives every truncation of a search response', () => {
    const text = readFileSync(path.join(FIX, 'json/elastic-agent-search.json'), 'utf8');
    for (let cut = 0; cut <= text.length; cut += 13) {
      const r = survive(() => readJson(text.slice(0, cut)));
      if (r !== null) expect(r.events.length).toBeLessThanOrEqual(4);
    }
  });

  it('survives random mutations of NDJSON and JSON arrays (bounded run)', () => {
    const inputs = [
      readFileSync(path.join(FIX, 'json/winlogbeat7.ndjson')),
      readFileSync(path.join(FIX, 'json/winlogbeat8-pipeline.json')),
    ];
    const rand = seededRandom(4624);
    for (let i = 0; i < 300; i++) {
      const input = inputs[i % 2] as Uint8Array;
      survive(() => readJson(mutate(input, rand, 1 + Math.floor(rand() * 20))));
    }
  });

  it('keeps memory bounded on a 64 MB document fed in chunks', () => {
    let maxBuffered = 0;
    const problems: string[] = [];
    const onProblem = (code: string): void => {
      problems.push(code);
    };
    const chunk = 'q'.repeat(1 << 16);
    // First document (character scan), then a line once NDJSON is established (line scan).
    for (const start of ['{"a":"', '{"a":1}\n{"b":"']) {
      const sp = new JsonSplitter(
        { document: () => undefined, problem: onProblem },
        { maxDocument: 1 << 20, maxDepth: 128 },
      );
      sp.write(start);
      for (let i = 0; i < 1024; i++) {
        sp.write(chunk);
        maxBuffered = Math.max(maxBuffered, sp.buffered());
      }
      sp.end();
    }
    expect(maxBuffered).toBeLessThanOrEqual((1 << 20) + (1 << 16) + 16);
    expect(problems).toEqual(['json-too-large', 'json-too-large']);
  });

  it('streams a long NDJSON input with events handed on, none kept', () => {
    let n = 0;
    const reader = createJsonStreamReader({ onEvent: () => n++ });
    const line = new TextEncoder().encode(good(1) + '\n');
    for (let i = 0; i < 20_000; i++) reader.push(line);
    const r = reader.end();
    expect(n).toBe(20_000);
    expect(r.events).toEqual([]);
  });
});
