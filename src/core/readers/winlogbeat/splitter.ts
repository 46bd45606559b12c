/**
 * Splits a stream of JSON text into documents without parsing it: NDJSON (one per line), a JSON
 * array of documents, concatenated or pretty-printed documents, and Elasticsearch search responses
 * (each `hits.hits[]` element is a document; the response around them is not kept). It tracks only
 * nesting, strings and the keys of the first levels, so memory is bounded by the largest document
 * kept (`maxDocument`); bigger documents are scanned past and reported, never buffered.
 */

export interface SplitterHandler {
  /** One complete document's text and the line it starts on (1-based). */
  document(text: string, line: number): void;
  /** A document that cannot be kept (too large, too deep, cut off); scanning goes on after it. */
  problem(code: string, message: string, line: number): void;
  /** The input turned out to be an Elasticsearch search response. */
  searchResponse?(): void;
}

export interface SplitterLimits {
  /** Longest document kept, in characters (also the NDJSON line bound). */
  maxDocument: number;
  maxDepth: number;
}

export const DEFAULT_SPLITTER_LIMITS: SplitterLimits = { maxDocument: 1 << 20, maxDepth: 128 };

const NL = 10;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;

const STRING_STOP = /["\\\n]/g;

export class JsonSplitter {
  private buf = '';
  /** Containers open: 123 for objects, 91 for arrays. */
  private stack: number[] = [];
  /** Key currently in force for each open object at levels 0..2 (for hits.hits detection). */
  private keys: Array<string | null> = [];
  private expectKey = false;
  private inString = false;
  private escape = false;
  private stringStart = -1;
  private line = 1;
  /** Depth at which values are documents: 0 = top level, 1 = top-level array, 3 = hits.hits. */
  private docDepth = 0;
  /** Start index of the document being collected, -1 when none or not kept. */
  private docStart = -1;
  private inDoc = false;
  private docLine = 1;
  private docDropped: string | null = null;
  /** NDJSON once a first top-level document has begun and ended on one line. */
  private ndjson: boolean | null = null;
  /** A scalar at document level (not a JSON object/array), scanned to its delimiter. */
  private scalar = false;
  private esResponse = false;
  /** Line mode: start of an incomplete line kept for the next chunk (-1: none). */
  private lineStart = -1;
  /** Line mode: discarding the rest of an oversize line. */
  private skippingLine = false;
  /** Containers opened beyond maxDepth (counted, not stacked). */
  private overflow = 0;
  documents = 0;

  /** Characters held in memory (for tests of the memory bound). */
  buffered(): number {
    return this.buf.length;
  }

  constructor(
    private readonly handler: SplitterHandler,
    private readonly limits: SplitterLimits = DEFAULT_SPLITTER_LIMITS,
  ) {}

  write(chunk: string): void {
    if (chunk === '') return;
    this.buf += chunk;
    this.scan(this.buf.length - chunk.length);
  }

  end(): void {
    if (this.lineStart !== -1) {
      // The last line had no newline.
      const text = this.buf.slice(this.lineStart).trim();
      this.lineStart = -1;
      if (text !== '') {
        this.documents++;
        this.handler.document(text, this.line);
      }
    }
    if (this.inDoc) {
      if (this.scalar) this.finishDoc(this.buf.length);
      else this.dropDoc('json-truncated', 'input ends inside a document');
      this.closeDoc();
    }
    this.buf = '';
  }

  private scan(from: number): void {
    const b = this.buf;
    const n = b.length;
    const h = this.handler;
    let i = from;
    while (i < n) {
      if (
        this.ndjson === true &&
        this.docDepth === 0 &&
        !this.inDoc &&
        this.stack.length === 0 &&
        !this.inString
      ) {
        // NDJSON established: each line is one document, so lines are cut with indexOf and the
        // document is checked by JSON.parse alone (about twice as fast as scanning every character).
        this.scanLines(i);
        break;
      }
      if (this.escape) {
        this.escape = false;
        i++;
        continue;
      }
      if (this.inString) {
        STRING_STOP.lastIndex = i;
        const m = STRING_STOP.exec(b);
        if (m === null) {
          i = n;
          this.checkSize(i);
          break;
        }
        const j = m.index;
        const c = b.charCodeAt(j);
        if (c === BACKSLASH) {
          i = j + 2; // skip the escaped character (an escape split by the chunk end is re-read below)
          if (i > n) {
            this.escape = true;
            i = n;
          }
          continue;
        }
        if (c === NL) {
          this.line++;
          // Raw newlines are never legal inside JSON strings: at the top level, the document was
          // cut off and the next line starts afresh.
          if (this.docDepth === 0) {
            this.dropDoc('json-parse', 'line ends inside a string');
            this.resetToTop();
            i = j + 1;
            continue;
          }
          i = j + 1;
          continue;
        }
        // closing quote
        this.inString = false;
        if (this.scalar && this.stack.length === this.docDepth) {
          i = j + 1;
          this.finishDoc(i);
          this.closeDoc();
          continue;
        }
        this.checkSize(j);
        if (this.expectKey && this.stack.length <= 3) {
          this.keys[this.stack.length - 1] =
            this.stringStart >= 0 && j - this.stringStart <= 256 ? b.slice(this.stringStart, j) : null;
        }
        i = j + 1;
        continue;
      }
      const c = b.charCodeAt(i);
      if (c === NL) {
        this.line++;
        if (this.inDoc && this.scalar && this.docDepth === 0 && this.stack.length === 0) {
          // A top-level scalar is garbage, not a document: it ends with its line.
          this.finishDoc(i);
          this.closeDoc();
        }
        i++;
        continue;
      }
      if (c === 32 || c === 9 || c === 13) {
        i++;
        continue;
      }
      const depth = this.stack.length;
      if (!this.inDoc && depth === this.docDepth && c !== COMMA && c !== RBRACKET && c !== RBRACE) {
        this.inDoc = true;
        this.docStart = i;
        this.docLine = this.line;
        this.docDropped = null;
        this.scalar = c !== LBRACE && c !== LBRACKET;
      }
      if (this.scalar && this.inDoc && depth === this.docDepth) {
        if (c === QUOTE) {
          this.inString = true;
          this.stringStart = i + 1;
          i++;
          continue;
        }
        // A bare scalar (number, word, garbage) ends at a delimiter, or at the line end in NDJSON.
        const stop = this.docDepth === 0 ? c === COMMA : c === COMMA || c === RBRACKET || c === RBRACE;
        if (!stop) {
          i++;
          this.checkSize(i);
          continue;
        }
        this.finishDoc(i);
        this.closeDoc();
        if (this.docDepth === 0) {
          i++;
          continue;
        }
      }
      switch (c) {
        case QUOTE:
          this.inString = true;
          this.stringStart = i + 1;
          break;
        case LBRACE:
        case LBRACKET:
          if (depth >= this.limits.maxDepth || this.overflow > 0) {
            // Only counted beyond the bound, so a flood of brackets cannot grow the stack.
            if (this.inDoc) this.dropDoc('json-too-deep', `nested deeper than ${this.limits.maxDepth}`);
            this.overflow++;
            break;
          }
          this.stack.push(c);
          if (depth < 3) this.keys[depth] = null;
          this.expectKey = c === LBRACE;
          if (
            c === LBRACKET &&
            depth === 0 &&
            this.docDepth === 0 &&
            !this.esResponse &&
            this.documents === 0
          ) {
            // A top-level array: its elements are the documents.
            this.docDepth = 1;
            this.inDoc = false;
            this.docStart = -1;
          } else if (c === LBRACKET && depth === 2 && this.isHitsArray()) {
            this.esResponse = true;
            this.handler.searchResponse?.();
            this.docDepth = 3;
            this.inDoc = false; // the response around the hits is not kept
            this.docStart = -1;
          }
          break;
        case RBRACE:
        case RBRACKET: {
          if (this.overflow > 0) {
            this.overflow--;
            break;
          }
          if (depth === 0) {
            h.problem('json-parse', `unexpected '${String.fromCharCode(c)}'`, this.line);
            break;
          }
          this.stack.pop();
          this.expectKey = false;
          if (this.esResponse && this.docDepth === 3 && depth === 3) {
            this.docDepth = 0; // end of hits.hits: back to looking for top-level values
            this.inDoc = true; // the rest of the response is skipped as part of it
            this.docStart = -1;
            this.docDropped = 'container';
          } else if (this.docDepth === 1 && depth === 1) {
            this.docDepth = 0;
          }
          if (this.inDoc && this.stack.length === this.docDepth) {
            this.finishDoc(i + 1);
            this.closeDoc();
          }
          break;
        }
        case COMMA:
          this.expectKey = this.stack[this.stack.length - 1] === LBRACE;
          break;
        case COLON:
          this.expectKey = false;
          break;
      }
      i++;
      this.checkSize(i);
    }
    this.compact();
  }

  /** Line mode, to the end of the buffer. */
  private scanLines(from: number): void {
    const b = this.buf;
    const n = b.length;
    // An incomplete line from the previous chunk starts before `from`; it was already searched.
    let i = this.lineStart !== -1 ? this.lineStart : from;
    let searchFrom = from;
    while (i < n) {
      const nl = b.indexOf('\n', Math.max(i, searchFrom));
      searchFrom = 0;
      if (this.skippingLine) {
        if (nl === -1) return;
        this.skippingLine = false;
        this.line++;
        i = nl + 1;
        continue;
      }
      if (nl === -1) {
        if (n - i > this.limits.maxDocument) {
          this.documents++;
          this.handler.problem(
            'json-too-large',
            `document longer than ${this.limits.maxDocument} characters`,
            this.line,
          );
          this.skippingLine = true;
          this.lineStart = -1;
          return;
        }
        this.lineStart = i;
        return;
      }
      this.lineStart = -1;
      let end = nl;
      if (end > i && b.charCodeAt(end - 1) === 13) end--;
      if (end - i > this.limits.maxDocument) {
        this.documents++;
        this.handler.problem(
          'json-too-large',
          `document longer than ${this.limits.maxDocument} characters`,
          this.line,
        );
      } else {
        const text = b.slice(i, end).trim();
        if (text !== '') {
          this.documents++;
          this.handler.document(text, this.line);
        }
      }
      this.line++;
      i = nl + 1;
    }
    return;
  }

  private checkSize(i: number): void {
    if (this.inDoc && this.docStart !== -1 && i - this.docStart > this.limits.maxDocument) {
      this.dropDoc('json-too-large', `document longer than ${this.limits.maxDocument} characters`);
    }
  }

  private isHitsArray(): boolean {
    return (
      this.stack[0] === LBRACE &&
      this.stack[1] === LBRACE &&
      this.keys[0] === 'hits' &&
      this.keys[1] === 'hits'
    );
  }

  private finishDoc(end: number): void {
    if (this.docDropped !== null) return;
    if (this.docStart === -1) return;
    this.documents++;
    const text = this.buf.slice(this.docStart, end);
    if (this.ndjson === null && this.docDepth === 0) this.ndjson = !text.includes('\n');
    this.handler.document(text, this.docLine);
  }

  private closeDoc(): void {
    if (this.docDropped !== null && this.docDropped !== 'container') this.documents++;
    this.inDoc = false;
    this.scalar = false;
    this.docStart = -1;
    this.docDropped = null;
  }

  private dropDoc(code: string, message: string): void {
    if (this.docDropped === null) {
      this.docDropped = code;
      this.handler.problem(code, message, this.docLine);
    }
    this.docStart = -1;
  }

  private resetToTop(): void {
    this.closeDoc();
    this.stack = [];
    this.overflow = 0;
    this.inString = false;
    this.escape = false;
    this.expectKey = false;
  }

  /** Drops consumed text: only the document being kept (or a key being read) stays buffered. */
  private compact(): void {
    let keep = this.buf.length;
    if (this.docStart !== -1) keep = this.docStart;
    if (this.lineStart !== -1 && this.lineStart < keep) keep = this.lineStart;
    // A key of the first levels is kept while it is read (hits.hits detection); other strings are not.
    if (
      this.inString &&
      this.expectKey &&
      this.stack.length <= 3 &&
      this.stringStart >= 0 &&
      this.stringStart < keep &&
      this.buf.length - this.stringStart <= 256
    ) {
      keep = this.stringStart;
    }
    if (keep === 0) return;
    this.buf = this.buf.slice(keep);
    if (this.docStart !== -1) this.docStart -= keep;
    if (this.lineStart !== -1) this.lineStart -= keep;
    this.stringStart -= keep;
  }
}
