/**
 * A small, tolerant, incremental XML tokenizer for event logs. No DOM and no validation: it turns
 * text into open/close/text callbacks, decodes entities and character references, and drops
 * namespace prefixes. Its memory is bounded by the unconsumed tail of the input (at most one piece
 * of markup, itself bounded by `maxMarkup`): text is handed on in pieces as it arrives, so a file
 * is never held in one string.
 */

export interface XmlAttribute {
  name: string;
  value: string;
}

export interface XmlHandler {
  open(name: string, attrs: XmlAttribute[], selfClosing: boolean): void;
  close(name: string): void;
  /** Decoded character data (text or CDATA); one run of text may arrive in several pieces. */
  text(text: string): void;
  /** A problem in the markup; the tokenizer has already resynchronized past it. */
  error(code: string, message: string): void;
}

export interface TokenizerLimits {
  /** Longest tag, comment, processing instruction or CDATA section kept (characters). */
  maxMarkup: number;
}

export const DEFAULT_TOKENIZER_LIMITS: TokenizerLimits = { maxMarkup: 1 << 20 };

const LT = 60; // <
const GT = 62; // >
const QUOT = 34;
const APOS = 39;

export class XmlTokenizer {
  private buf = '';
  private pos = 0;
  /** While discarding an oversized piece of markup: the string that ends it. */
  private skipUntil: string | null = null;

  constructor(
    private readonly handler: XmlHandler,
    private readonly limits: TokenizerLimits = DEFAULT_TOKENIZER_LIMITS,
  ) {}

  /** Line (1-based) of the position reached: while a callback runs, the line its token starts on. */
  line = 1;

  /** Next newline at or after the last search in the current buffer (its length if none; -1 unknown). */
  private nextNl = -1;

  /** Counts newlines in [from, to); the next newline is remembered so a one-line file is searched once. */
  private countLines(b: string, from: number, to: number): void {
    let i = this.nextNl;
    for (;;) {
      if (i < from) {
        i = b.indexOf('\n', from);
        if (i === -1) i = b.length;
      }
      if (i >= to) break;
      this.line++;
      from = i + 1;
    }
    this.nextNl = i;
  }

  /** Characters held in memory (for tests of the memory bound). */
  buffered(): number {
    return this.buf.length - this.pos;
  }

  write(chunk: string): void {
    if (chunk === '') return;
    this.buf = this.pos >= this.buf.length ? chunk : this.buf.slice(this.pos) + chunk;
    this.pos = 0;
    this.nextNl = -1;
    this.run(false);
  }

  end(): void {
    this.run(true);
    this.buf = '';
    this.pos = 0;
  }

  private run(final: boolean): void {
    const b = this.buf;
    const n = b.length;
    const h = this.handler;
    let p = this.pos;
    while (p < n) {
      if (this.skipUntil !== null) {
        const i = b.indexOf(this.skipUntil, p);
        if (i === -1) {
          const to = Math.max(p, n - this.skipUntil.length + 1);
          this.countLines(b, p, to);
          p = to;
          break;
        }
        this.countLines(b, p, i);
        p = i + this.skipUntil.length;
        this.skipUntil = null;
        continue;
      }
      if (b.charCodeAt(p) !== LT) {
        const lt = b.indexOf('<', p);
        let end = lt === -1 ? n : lt;
        if (lt === -1 && !final) {
          // An entity reference may be split by the chunk boundary: keep its start for later.
          const amp = b.lastIndexOf('&');
          if (amp >= p && n - amp < 12 && b.indexOf(';', amp) === -1) end = amp;
        }
        if (end > p) {
          h.text(decodeEntities(b.slice(p, end)));
          this.countLines(b, p, end);
        }
        p = end;
        if (lt === -1) break;
        continue;
      }
      // Markup. Its opening may itself be incomplete at the end of a chunk.
      if (!final && n - p < 9) break;
      let close: string;
      let kind: 'comment' | 'cdata' | 'pi' | 'decl' | 'tag';
      if (b.startsWith('<!--', p)) {
        kind = 'comment';
        close = '-->';
      } else if (b.startsWith('<![CDATA[', p)) {
        kind = 'cdata';
        close = ']]>';
      } else if (b.startsWith('<?', p)) {
        kind = 'pi';
        close = '?>';
      } else if (b.startsWith('<!', p)) {
        kind = 'decl';
        close = '>';
      } else {
        kind = 'tag';
        close = '>';
      }
      let endAt: number; // index just past the markup
      if (kind === 'tag') {
        const r = scanTag(b, p + 1);
        if (r === -2) {
          // A '<' inside the tag: the tag was cut off; resume at that '<'.
          const next = b.indexOf('<', p + 1);
          h.error('xml-malformed-tag', `unterminated tag ${preview(b.slice(p, next))}`);
          this.countLines(b, p, next);
          p = next;
          continue;
        }
        endAt = r === -1 ? -1 : r + 1;
      } else {
        const i = b.indexOf(close, p + 2);
        endAt = i === -1 ? -1 : i + close.length;
      }
      if (endAt === -1) {
        if (final) {
          h.error('xml-truncated', `input ends inside ${kind === 'tag' ? 'a tag' : `a ${kind}`}`);
          this.countLines(b, p, n);
          p = n;
          break;
        }
        if (n - p > this.limits.maxMarkup) {
          h.error('xml-oversize-markup', `${kind} longer than ${this.limits.maxMarkup} characters skipped`);
          this.skipUntil = close;
          this.countLines(b, p, n);
          p = n;
        }
        break;
      }
      if (endAt - p > this.limits.maxMarkup) {
        h.error('xml-oversize-markup', `${kind} longer than ${this.limits.maxMarkup} characters skipped`);
      } else if (kind === 'cdata') {
        h.text(b.slice(p + 9, endAt - 3));
      } else if (kind === 'tag') {
        emitTag(b.slice(p + 1, endAt - 1), h);
      }
      this.countLines(b, p, endAt);
      p = endAt;
    }
    this.pos = p;
  }
}

/** Index of the `>` ending a tag that starts at `from`, -1 if not yet in the buffer, -2 on a stray `<`. */
function scanTag(b: string, from: number): number {
  const n = b.length;
  let quote = 0;
  for (let i = from; i < n; i++) {
    const c = b.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === LT) return -2;
    } else if (c === GT) return i;
    else if (c === QUOT || c === APOS) quote = c;
    else if (c === LT) return -2;
  }
  return -1;
}

const NAME_START = /^[A-Za-z_:\u00C0-\uFFFF]/;

function emitTag(inner: string, h: XmlHandler): void {
  if (inner.charCodeAt(0) === 47 /* / */) {
    const name = localName(inner.slice(1).trim());
    if (name === '' || !NAME_START.test(name)) h.error('xml-malformed-tag', `bad end tag ${preview(inner)}`);
    else h.close(name);
    return;
  }
  let body = inner;
  let selfClosing = false;
  if (body.endsWith('/')) {
    selfClosing = true;
    body = body.slice(0, -1);
  }
  let i = 0;
  while (i < body.length && !isSpace(body.charCodeAt(i))) i++;
  const name = localName(body.slice(0, i));
  if (name === '' || !NAME_START.test(name)) {
    h.error('xml-malformed-tag', `bad tag ${preview(inner)}`);
    return;
  }
  h.open(name, i < body.length ? parseAttributes(body.slice(i)) : [], selfClosing);
}

const ATTR_RE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;

function parseAttributes(text: string): XmlAttribute[] {
  const out: XmlAttribute[] = [];
  ATTR_RE.lastIndex = 0;
  for (let m = ATTR_RE.exec(text); m !== null; m = ATTR_RE.exec(text)) {
    const raw = m[1] ?? '';
    if (raw === 'xmlns' || raw.startsWith('xmlns:')) continue;
    out.push({ name: localName(raw), value: decodeEntities(m[2] ?? m[3] ?? m[4] ?? '') });
  }
  return out;
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon === -1 ? qname : qname.slice(colon + 1);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const ENTITY_RE = /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|lt|gt|amp|quot|apos);/g;
const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five XML entities and character references; anything else is left as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(ENTITY_RE, (_m, ref: string) => {
    if (ref.charCodeAt(0) !== 35 /* # */) return NAMED[ref] ?? '';
    const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return validCodePoint(cp) ? String.fromCodePoint(cp) : '\uFFFD';
  });
}

/**
 * Character references are decoded for every code point but NUL and lone surrogates: python-evtx
 * writes XML 1.1, where control characters are legal as references, and values are kept as logged.
 */
function validCodePoint(cp: number): boolean {
  return cp >= 1 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
}

function preview(s: string): string {
  return JSON.stringify(s.length > 40 ? s.slice(0, 40) + '…' : s);
}
