/**
 * Byte → text decoding for the text readers (XML, JSON). src/core has no DOM or Node types, but
 * TextDecoder exists in every runtime we target (Node ≥ 11, browsers, workers), so it is reached
 * through globalThis with a minimal local type.
 */
interface TextDecoderLike {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
type TextDecoderCtor = new (
  label?: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => TextDecoderLike;

const TextDecoderImpl = (globalThis as unknown as { TextDecoder: TextDecoderCtor }).TextDecoder;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding announced by a byte-order mark; UTF-8 when there is none. */
export function sniffEncoding(head: Uint8Array): TextEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Decodes a whole buffer (BOM removed; invalid sequences become U+FFFD, never an exception). */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoderImpl(sniffEncoding(bytes)).decode(bytes);
}

/**
 * Incremental decoder: chunks may split multi-byte characters anywhere. The encoding is chosen from
 * the first bytes, so the first few bytes are held back until at least two have arrived.
 */
export class StreamTextDecoder {
  private decoder: TextDecoderLike | null = null;
  private pending: Uint8Array | null = null;

  push(chunk: Uint8Array): string {
    if (this.decoder === null) {
      const head = this.pending === null ? chunk : concat(this.pending, chunk);
      if (head.length < 2) {
        this.pending = head;
        return '';
      }
      this.pending = null;
      this.decoder = new TextDecoderImpl(sniffEncoding(head));
      return this.decoder.decode(head, { stream: true });
    }
    return this.decoder.decode(chunk, { stream: true });
  }

  end(): string {
    if (this.decoder === null) {
      const rest = this.pending ?? new Uint8Array(0);
      this.pending = null;
      return new TextDecoderImpl('utf-8').decode(rest);
    }
    return this.decoder.decode();
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
