import busboy from 'busboy';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { SpooledFile } from '../ingest/import-files.js';
import { newId } from '../store/store.js';
import { ApiError, badRequest, tooLarge, unsupportedType } from '../http/errors.js';
import type { Limits } from '../http/limits.js';
import { displayName } from './display-name.js';

export interface ReceivedUpload {
  files: SpooledFile[];
  /** Text fields (bounded); `name` names a new dataset. */
  fields: Record<string, string>;
}

const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 4096;

/**
 * Streams a multipart/form-data request to disk: every file part, whatever its field name, goes to
 * `uploadDir` under a random server-chosen name (the client's file name is kept for display only).
 * Nothing is held in memory beyond stream buffers. Limits answer 413; a malformed or aborted body
 * 400 (an aborted one has nobody left to read it).
 *
 * Every path settles: the first failure stops reading, destroys the part and file streams, waits
 * only for the file streams' `close` (which always comes after `destroy`, and closes the
 * descriptor) and removes what was spooled. Nothing here awaits a stream that may never end, such
 * as a busboy part whose parser no longer receives data.
 */
export async function receiveUpload(
  req: Request,
  uploadDir: string,
  limits: Limits,
): Promise<ReceivedUpload> {
  const contentType = req.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !/boundary=/i.test(contentType)) {
    throw unsupportedType('expected multipart/form-data with a boundary');
  }
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limits.maxUploadBytes) {
    throw tooLarge(
      `the upload is larger than the limit of ${limits.maxUploadBytes} bytes`,
      'upload_too_large',
    );
  }
  if (req.body === null) throw badRequest('the request has no body', 'empty_body');
  mkdirSync(uploadDir, { recursive: true });

  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: { 'content-type': contentType },
      defParamCharset: 'utf8',
      limits: {
        fileSize: limits.maxFileBytes,
        files: limits.maxFiles,
        fields: MAX_FIELDS,
        fieldSize: MAX_FIELD_BYTES,
        parts: limits.maxFiles + MAX_FIELDS,
      },
    });
  } catch (e) {
    throw badRequest(`malformed multipart request: ${message(e)}`, 'bad_multipart');
  }
  const source = Readable.fromWeb(req.body as unknown as WebReadableStream<Uint8Array>);
  const spool = new Spool(uploadDir);
  const fields: Record<string, string> = {};
  let total = 0;

  const outcome = new Promise<ApiError | null>((settle) => {
    let settled = false;
    const fail = (e: ApiError): void => {
      if (settled) return;
      settled = true;
      req.signal.removeEventListener('abort', onAbort);
      source.unpipe(bb);
      source.destroy();
      spool.destroyAll();
      settle(e);
    };
    const onAbort = (): void =>
      fail(badRequest('the client closed the connection during the upload', 'aborted'));
    if (req.signal.aborted) onAbort();
    req.signal.addEventListener('abort', onAbort);

    bb.on('file', (_field, stream, info) => {
      const spooled = spool.add(stream, displayName(info.filename), (e) =>
        fail(badRequest(`the upload was interrupted: ${message(e)}`, 'bad_multipart')),
      );
      if (spooled === null) return;
      stream.on('data', (chunk: Buffer) => {
        spooled.size += chunk.length;
        total += chunk.length;
        if (total > limits.maxUploadBytes)
          fail(
            tooLarge(
              `the upload is larger than the limit of ${limits.maxUploadBytes} bytes`,
              'upload_too_large',
            ),
          );
      });
      stream.on('limit', () =>
        fail(
          tooLarge(
            `${spooled.name} is larger than the limit of ${limits.maxFileBytes} bytes per file`,
            'file_too_large',
          ),
        ),
      );
    });
    bb.on('field', (name, value, info) => {
      if (info.valueTruncated)
        fail(tooLarge(`form field too long (limit ${MAX_FIELD_BYTES} bytes)`, 'field_too_large'));
      else fields[name.slice(0, 100)] = value;
    });
    bb.on('filesLimit', () =>
      fail(tooLarge(`too many files in one upload (limit ${limits.maxFiles})`, 'too_many_files')),
    );
    bb.on('fieldsLimit', () =>
      fail(tooLarge(`too many form fields (limit ${MAX_FIELDS})`, 'too_many_fields')),
    );
    bb.on('partsLimit', () => fail(tooLarge(`too many parts in one upload`, 'too_many_parts')));
    bb.on('error', (e: unknown) =>
      fail(badRequest(`malformed multipart request: ${message(e)}`, 'bad_multipart')),
    );
    source.on('error', (e) => fail(badRequest(`the upload was interrupted: ${e.message}`, 'bad_multipart')));
    bb.on('close', () => {
      if (settled) return;
      settled = true;
      req.signal.removeEventListener('abort', onAbort);
      settle(null);
    });
    source.pipe(bb);
  });

  const failure = (await outcome) ?? (await spool.flushed());
  if (failure === null && spool.files.length > 0) return { files: spool.files, fields };
  await spool.removeAll();
  throw failure ?? badRequest('the upload holds no file', 'no_files');
}

/** The spool files of one upload: their write streams, and their removal once closed. */
class Spool {
  readonly files: SpooledFile[] = [];
  private readonly parts: Readable[] = [];
  private readonly outs: WriteStream[] = [];
  private readonly closed: Promise<void>[] = [];
  private writeError: ApiError | null = null;
  private destroyed = false;

  constructor(private readonly dir: string) {}

  /** Starts spooling one part; null when the upload already failed (the part is discarded). */
  add(part: Readable, name: string, onError: (e: unknown) => void): SpooledFile | null {
    if (this.destroyed) {
      part.resume();
      return null;
    }
    const spooled: SpooledFile = { path: path.join(this.dir, `${newId('up')}.part`), name, size: 0 };
    const out = createWriteStream(spooled.path, { flags: 'wx' });
    this.files.push(spooled);
    this.parts.push(part);
    this.outs.push(out);
    this.closed.push(new Promise<void>((resolve) => out.once('close', () => resolve())));
    out.on('error', (e) => {
      this.writeError ??= new ApiError(500, 'spool_failed', `could not store the upload: ${message(e)}`);
      onError(e);
    });
    part.on('error', onError);
    part.pipe(out);
    return spooled;
  }

  /** Stops every write; each file stream still emits `close` once its descriptor is closed. */
  destroyAll(): void {
    this.destroyed = true;
    for (const p of this.parts) {
      p.unpipe();
      p.destroy();
    }
    for (const o of this.outs) o.destroy();
  }

  /** After the parser's `close`: waits for every file to be written and closed. */
  async flushed(): Promise<ApiError | null> {
    await Promise.all(this.closed);
    return this.writeError;
  }

  async removeAll(): Promise<void> {
    this.destroyAll();
    await Promise.all(this.closed);
    await Promise.all(this.files.map((f) => rm(f.path, { force: true })));
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
