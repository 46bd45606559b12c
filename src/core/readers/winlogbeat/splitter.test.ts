import { describe, expect, it } from 'vitest';
import { JsonSplitter } from './splitter.js';

function split(
  chunks: string[],
  maxDocument = 1 << 20,
): { docs: Array<[string, number]>; problems: string[]; es: boolean } {
  const docs: Array<[string, number]> = [];
  const problems: string[] = [];
  let es = false;
  const s = new JsonSplitter(
    {
      document: (t, line) => docs.push([t, line]),
      problem: (code, _m, line) => problems.push(`${code}@${line}`),
      searchResponse: () => {
        es = true;
      },
    },
    { maxDocument, maxDepth: 16 },
  );
  for (const c of chunks) s.write(c);
  s.end();
  return { docs, problems, es };
}

function everySplit(text: string): Array<ReturnType<typeof split>> {
  const out = [split([text])];
  for (const size of [1, 2, 3, 7]) {
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
    out.push(split(chunks));
  }
  return out;
}

describe('JsonSplitter', () => {
  it('splits NDJSON with line numbers, whatever the chunking', () => {
    const text = '{"a":1}\n\n{"b":"x\\"}y"}\r\n{"c":[1,{"d":2}]}';
    for (const r of everySplit(text)) {
      expect(r.docs).toEqual([
        ['{"a":1}', 1],
        ['{"b":"x\\"}y"}', 3],
        ['{"c":[1,{"d":2}]}', 4],
      ]);
      expect(r.problems).toEqual([]);
    }
  });

  it('yields the elements of a top-level array', () => {
    for (const r of everySplit('[\n {"a": 1},\n {"b": [2, 3]}\n]\n')) {
      expect(r.docs.map((d) => d[0])).toEqual(['{"a": 1}', '{"b": [2, 3]}']);
      expect(r.docs.map((d) => d[1])).toEqual([2, 3]);
    }
  });

  it('yields hits.hits[] of a search response and not the response', () => {
    const text =
      '{"took":1,"hits":{"total":{"value":2},"hits":[{"_source":{"x":1}},{"_source":{"x":2}}]},"aggs":{}}';
    for (const r of everySplit(text)) {
      expect(r.es).toBe(true);
      expect(r.docs.map((d) => d[0])).toEqual(['{"_source":{"x":1}}', '{"_source":{"x":2}}']);
    }
  });

  it('reads pretty-printed concatenated documents', () => {
    const r = split(['{\n  "a": 1\n}\n{\n  "b": 2\n}\n']);
    expect(r.docs).toEqual([
      ['{\n  "a": 1\n}', 1],
      ['{\n  "b": 2\n}', 4],
    ]);
  });

  it('recovers at the next line from a cut-off NDJSON line (once NDJSON, each line is a document)', () => {
    const r = split(['{"a":1}\n{"b":"cut\n{"c":{"d":\n{"e":5}\n']);
    // The broken lines are handed on as they are; JSON.parse rejects them in the reader.
    expect(r.docs).toEqual([
      ['{"a":1}', 1],
      ['{"b":"cut', 2],
      ['{"c":{"d":', 3],
      ['{"e":5}', 4],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('recovers at the next line from a cut-off first line', () => {
    const r = split(['{"b":"cut\n{"e":5}\n{"f":6}\n']);
    expect(r.docs.map((d) => d[0])).toEqual(['{"e":5}', '{"f":6}']);
    expect(r.problems).toEqual(['json-parse@1']);
  });

  it('skips documents over the size bound without keeping them', () => {
    const big = '{"m":"' + 'x'.repeat(5000) + '"}';
    const chunks: string[] = [];
    const text = `{"a":1}\n${big}\n{"b":2}\n`;
    for (let i = 0; i < text.length; i += 100) chunks.push(text.slice(i, i + 100));
    const r = split(chunks, 1000);
    expect(r.docs.map((d) => d[0])).toEqual(['{"a":1}', '{"b":2}']);
    expect(r.problems).toEqual(['json-too-large@2']);
  });

  it('reports too-deep nesting and truncated input', () => {
    const deep = '['.repeat(40) + ']'.repeat(40);
    expect(split([`{"a":${deep}}\n{"b":1}`]).problems).toEqual(['json-too-deep@1']);
    expect(split(['[{"a":1},\n{"b":[1,2']).problems).toEqual(['json-truncated@2']);
    expect(split([`[{"a":1}, {"b":${deep}}, {"c":3}]`]).problems).toEqual(['json-too-deep@1']);
  });

  it('hands scalars on as documents (the reader rejects them)', () => {
    expect(split(['[1, "two", {"x":3}]']).docs.map((d) => d[0])).toEqual(['1', '"two"', '{"x":3}']);
    expect(split(['{"a":1}\ngarbage here\n{"b":2}']).docs.map((d) => d[0])).toEqual([
      '{"a":1}',
      'garbage here',
      '{"b":2}',
    ]);
  });
});
