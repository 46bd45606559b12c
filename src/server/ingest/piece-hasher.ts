// The SHA-256 of a file from the pieces a reader reads anyway (one pass over the file, not two).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

const READ_BYTES = 1 << 20;

/**
 * The bytes [start, end) of the file, read at once: given to a hasher on a thread that may block
 * (an EVTX worker), so that a range no piece covers (the file header, a piece without chunks) is
 * hashed in its place instead of leaving the rest of the file to be read again at the end.
 */
export type ReadRange = (start: number, end: number) => Uint8Array;

/**
 * SHA-256 of a file from the ranges a reader reads, in file order: each range adds the bytes past
 * what was hashed so far (ranges may overlap). A range that starts past them leaves a gap: with
 * `readGap` the gap is read and hashed at once; without, hashing stops and everything from the gap
 * on is read from the file at `digest`. Whatever no range reached (the end) is read at `digest`
 * too, so the hash is always that of the whole file.
 */
export class PieceHasher {
  private readonly hash = createHash('sha256');
  private hashed = 0;
  private gap = false;

  constructor(
    private readonly file: string,
    private readonly readGap: ReadRange | null = null,
  ) {}

  take(offset: number, bytes: Uint8Array): void {
    if (this.gap || offset + bytes.length <= this.hashed) return;
    if (offset > this.hashed) {
      if (this.readGap === null) {
        this.gap = true; // read from the file at the end
        return;
      }
      let missing: Uint8Array;
      try {
        missing = this.readGap(this.hashed, offset);
      } catch {
        this.gap = true; // `digest` reads the file, and reports what keeps it from it
        return;
      }
      this.hash.update(missing);
      this.hashed += missing.length;
      if (this.hashed < offset) {
        this.gap = true; // the file is shorter than it was: read what is there at the end
        return;
      }
    }
    this.hash.update(bytes.subarray(this.hashed - offset));
    this.hashed = offset + bytes.length;
  }

  async digest(): Promise<string> {
    for await (const chunk of createReadStream(this.file, {
      start: this.hashed,
      highWaterMark: READ_BYTES,
    }) as AsyncIterable<Buffer>) {
      this.hash.update(chunk);
    }
    return this.hash.digest('hex');
  }
}
