// The cross-chunk template cache reuses a compiled template only when the template is the same:
// equal bytes outside its name references, inline and internal names at the same relative place,
// external names reading the same text in the chunk at hand.
import { describe, expect, it } from 'vitest';
import {
  ChunkWriter,
  T,
  enc,
  evtxFile,
  literalSystem,
  systemTemplate,
  systemValues,
  type BinXmlWriter,
} from '../../../../test/fixtures/evtx/evtx-writer.js';
import { readEvtx } from './index.js';
import { R_EXTERNAL, R_INLINE, R_INTERNAL, TemplateCache } from './template-cache.js';

const TIME = '2024-03-01T10:20:30.123Z';

const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.length);

function u32(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];
}

describe('TemplateCache', () => {
  // A fake "chunk": 16 bytes of template data at `start`: field at 0 (inline name, its link at 4),
  // 4 plain bytes, field at 12 (external name reference).
  function chunk(start: number, external: number): Uint8Array {
    const b = new Uint8Array(start + 16);
    b.set([...u32(start + 4), ...u32(0xdead), 1, 2, 3, 4, ...u32(external)], start);
    return b;
  }
  const fields = [
    { pos: 0, kind: R_INLINE, rel: 4, name: 'Event' },
    { pos: 12, kind: R_EXTERNAL, rel: 0, name: 'Data' },
  ];
  const names = (map: Record<number, string>) => (off: number) => {
    const n = map[off];
    if (n === undefined) throw new RangeError('outside');
    return n;
  };

  it('finds a template moved to another offset, with inline names moved along', () => {
    const cache = new TemplateCache<string>();
    const a = chunk(100, 8);
    cache.store(7, a, 100, 16, 1, fields, 'compiled');
    const b = chunk(300, 40);
    b.set(u32(0xbeef), 304); // another "next name" link: ignored
    expect(cache.find(7, b, view(b), 300, 16, 1, names({ 40: 'Data' }))).toBe('compiled');
  });

  it('does not reuse it when an external name reads other text, a byte differs or the context differs', () => {
    const cache = new TemplateCache<string>();
    cache.store(7, chunk(100, 8), 100, 16, 1, fields, 'compiled');
    expect(
      cache.find(7, chunk(300, 40), view(chunk(300, 40)), 300, 16, 1, names({ 40: 'Other' })),
    ).toBeUndefined();
    expect(cache.find(7, chunk(300, 40), view(chunk(300, 40)), 300, 16, 1, names({}))).toBeUndefined();
    const changed = chunk(300, 40);
    changed[309] = 9;
    expect(cache.find(7, changed, view(changed), 300, 16, 1, names({ 40: 'Data' }))).toBeUndefined();
    expect(
      cache.find(7, chunk(300, 40), view(chunk(300, 40)), 300, 16, 2, names({ 40: 'Data' })),
    ).toBeUndefined();
    const inlineElsewhere = chunk(300, 40);
    inlineElsewhere.set(u32(900), 300);
    expect(
      cache.find(7, inlineElsewhere, view(inlineElsewhere), 300, 16, 1, names({ 40: 'Data' })),
    ).toBeUndefined();
  });

  it('compares every byte, 4 at a time or not, wherever the copy starts', () => {
    const cache = new TemplateCache<string>();
    const size = 23; // 5 words and 3 bytes
    const a = new Uint8Array(100 + size);
    for (let i = 0; i < size; i++) a[100 + i] = i + 1;
    cache.store(3, a, 100, size, 0, [], 'v');
    for (const start of [201, 202, 203, 204]) {
      const b = new Uint8Array(start + size + 5);
      b.set(a.subarray(100), start);
      expect(cache.find(3, b, view(b), start, size, 0, names({}))).toBe('v');
      for (const at of [0, 3, 4, 19, 20, 22]) {
        const c = b.slice();
        c[start + at] = c[start + at]! ^ 0x80;
        expect(cache.find(3, c, view(c), start, size, 0, names({}))).toBeUndefined();
      }
    }
  });

  it('checks internal references relative to the template', () => {
    const cache = new TemplateCache<string>();
    const f = [{ pos: 0, kind: R_INTERNAL, rel: 8, name: 'X' }];
    const a = new Uint8Array(116);
    a.set(u32(108), 100);
    cache.store(1, a, 100, 16, 0, f, 'v');
    const b = new Uint8Array(516);
    b.set(u32(508), 500);
    expect(cache.find(1, b, view(b), 500, 16, 0, names({}))).toBe('v');
    b.set(u32(108), 500);
    expect(cache.find(1, b, view(b), 500, 16, 0, names({}))).toBeUndefined();
  });
});

describe('templates shared across chunks', () => {
  function def(names: string[]): (w: BinXmlWriter) => void {
    return (w) => {
      w.fragment().open('Event').closeStart();
      systemTemplate(w);
      w.open('EventData').closeStart();
      names.forEach((n, i) =>
        w
          .open('Data', true)
          .attr('Name')
          .text(n)
          .closeStart()
          .sub(4 + i, T.string)
          .end(),
      );
      w.end().end().eof();
    };
  }

  it('reads the same template at other offsets and with other name references in every chunk', () => {
    const names = ['TargetUserName', 'TargetDomainName', 'IpAddress'];
    const chunks: Uint8Array[] = [];
    for (let c = 0; c < 3; c++) {
      const cw = new ChunkWriter();
      // A literal record first in chunks 1 and 2 (names Event, System, Data… defined outside the
      // template, which then refers to them), of a different length in each chunk.
      if (c > 0) {
        cw.record(100 * c, enc.filetime(TIME), (w) => {
          w.fragment().open('Event').closeStart();
          literalSystem(w, { eventId: 4624, time: TIME, recordId: 100 * c, computer: 'X'.repeat(c) });
          w.open('EventData').closeStart().data('Workstation', 'w').end();
          w.end().eof();
        });
      }
      for (let i = 0; i < 2; i++) {
        const id = 100 * c + i + 1;
        cw.record(id, enc.filetime(TIME), (w) =>
          w
            .fragment()
            .template('logon', def(names), [
              ...systemValues(4624, TIME, id, `PC${c}`),
              { type: T.string, bytes: enc.str(`user${c}${i}`) },
              { type: T.string, bytes: enc.str('CORP') },
              { type: T.string, bytes: enc.str(`10.0.${c}.${i}`) },
            ]),
        );
      }
      chunks.push(cw.finish());
    }
    // A fourth chunk: same template bytes but the Data names are other fields.
    const cw = new ChunkWriter();
    cw.record(400, enc.filetime(TIME), (w) =>
      w
        .fragment()
        .template('logon', def(['SubjectUserName', 'SubjectDomainName', 'WorkstationName']), [
          ...systemValues(4625, TIME, 400, 'PC4'),
          { type: T.string, bytes: enc.str('s') },
          { type: T.string, bytes: enc.str('D') },
          { type: T.string, bytes: enc.str('W') },
        ]),
    );
    chunks.push(cw.finish());
    const r = readEvtx(evtxFile(chunks));
    expect(r.warnings).toEqual([]);
    const logons = r.events.filter((e) => e.targetUser !== null);
    expect(logons.map((e) => [e.recordId, e.computer, e.targetUser, e.targetDomain, e.ipAddress])).toEqual([
      [1, 'PC0', 'user00', 'CORP', '10.0.0.0'],
      [2, 'PC0', 'user01', 'CORP', '10.0.0.1'],
      [101, 'PC1', 'user10', 'CORP', '10.0.1.0'],
      [102, 'PC1', 'user11', 'CORP', '10.0.1.1'],
      [201, 'PC2', 'user20', 'CORP', '10.0.2.0'],
      [202, 'PC2', 'user21', 'CORP', '10.0.2.1'],
    ]);
    expect(r.events.find((e) => e.recordId === 400)).toMatchObject({
      eventId: 4625,
      targetUser: null,
      subjectUser: 's',
      subjectDomain: 'D',
      workstation: 'W',
    });
  });
});
