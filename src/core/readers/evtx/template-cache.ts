// Compiled templates shared across chunks. Each chunk carries its own copy of every template it
// uses, and compiling those copies again in every chunk costs ≈ 10 % of reading a Security log
// (measured on a 128 MB log; the CPU profiler shows far more). The copies are byte for byte the
// same except for the name references inside them, which are chunk offsets: a name stored inline
// sits at a different offset in each chunk, and a reference to a name stored elsewhere in the
// chunk may point anywhere. So a cached template is reused when its bytes are equal outside those
// name fields, each inline name sits where it sits in the cached copy (relative to the template),
// and each external name reads the same text in this chunk. The compiled actions then are exactly
// what compiling this copy would give: compiling reads nothing but these bytes and these names.

/** A name field of a template, relative to the start of the template's data. */
export interface NameField {
  /** Offset of the u32 name reference (relative to the template data). */
  pos: number;
  /**
   * R_INLINE: the name follows the field; R_INTERNAL: a name stored earlier in the template, at
   * `rel`; R_EXTERNAL: `name`, stored elsewhere in the chunk; R_ANY: a name the compiler ignores.
   */
  kind: number;
  rel: number;
  name: string;
}

export const R_INLINE = 0;
export const R_EXTERNAL = 1;
export const R_ANY = 2;
export const R_INTERNAL = 3;

interface Entry<T> {
  ctx: number;
  bytes: Uint8Array;
  view: DataView;
  /** Sorted by pos. An inline name also masks its own "next name" link (the u32 after the field). */
  fields: NameField[];
  value: T;
}

/** Bound on cached templates (a log has a few dozen; hostile input must not grow memory). */
const MAX_ENTRIES = 4096;

function u32(b: Uint8Array, p: number): number {
  return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
}

export class TemplateCache<T> {
  private readonly buckets = new Map<number, Entry<T>[]>();
  private size = 0;

  /** Key of a template: its GUID (16 bytes before the size), its data size and the element context. */
  static key(b: Uint8Array, defOff: number, size: number, ctx: number): number {
    let h = Math.imul(size ^ (ctx << 24), 0x9e3779b1);
    for (let i = 4; i < 20; i += 4) h = Math.imul(h ^ u32(b, defOff + i), 0x85ebca6b);
    return (h ^ (h >>> 13)) | 0;
  }

  /**
   * The value cached for the template whose data is b[start, start+size), or undefined.
   * `nameAt(off)` reads the name at a chunk offset of the chunk being read (throws when invalid).
   */
  find(
    key: number,
    b: Uint8Array,
    dv: DataView,
    start: number,
    size: number,
    ctx: number,
    nameAt: (off: number) => string,
  ): T | undefined {
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return undefined;
    for (const e of bucket) {
      if (e.ctx === ctx && e.bytes.length === size && matches(e, b, dv, start, nameAt)) return e.value;
    }
    return undefined;
  }

  store(
    key: number,
    b: Uint8Array,
    start: number,
    size: number,
    ctx: number,
    fields: NameField[],
    value: T,
  ): void {
    if (this.size >= MAX_ENTRIES) {
      this.buckets.clear();
      this.size = 0;
    }
    const bytes = b.slice(start, start + size);
    const entry: Entry<T> = {
      ctx,
      bytes,
      view: new DataView(bytes.buffer, bytes.byteOffset, bytes.length),
      fields: [...fields].sort((x, y) => x.pos - y.pos),
      value,
    };
    const bucket = this.buckets.get(key);
    if (bucket === undefined) this.buckets.set(key, [entry]);
    else bucket.push(entry);
    this.size++;
  }
}

/**
 * True when b[from, to) equals the entry's bytes from `from - start` on; compared 4 bytes at a time
 * (a chunk holds a copy of every template it uses: this runs for each of them in each chunk).
 */
function sameBytes<T>(
  e: Entry<T>,
  b: Uint8Array,
  dv: DataView,
  start: number,
  from: number,
  to: number,
): boolean {
  const view = e.view;
  const bytes = e.bytes;
  let q = from;
  for (; q + 4 <= to; q += 4) if (dv.getInt32(start + q, true) !== view.getInt32(q, true)) return false;
  for (; q < to; q++) if (b[start + q] !== bytes[q]) return false;
  return true;
}

function matches<T>(
  e: Entry<T>,
  b: Uint8Array,
  dv: DataView,
  start: number,
  nameAt: (off: number) => string,
): boolean {
  const size = e.bytes.length;
  let q = 0;
  for (const f of e.fields) {
    if (f.pos < q || f.pos + 4 > size) return false;
    if (!sameBytes(e, b, dv, start, q, f.pos)) return false;
    const ref = u32(b, start + f.pos);
    q = f.pos + 4;
    if (f.kind === R_INLINE) {
      if (ref !== start + q) return false;
      q += 4; // the inline name's link to the next name of its hash bucket: a chunk offset too
    } else if (f.kind === R_INTERNAL) {
      if (ref !== start + f.rel) return false;
    } else if (f.kind === R_EXTERNAL) {
      if (ref >= start && ref < start + size) return false;
      try {
        if (nameAt(ref) !== f.name) return false;
      } catch {
        return false;
      }
    }
  }
  return sameBytes(e, b, dv, start, q, size);
}
