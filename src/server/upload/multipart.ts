import busboy from 'busboy';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
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
 * Nothing is held in memory beyond stream buffers. Limits answer 413; a malformed body 400. On any
 * error the files written so far are removed.
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

  const files: SpooledFile[] = [];
  const fields: Record<string, string> = {};
  const writes: Promise<void>[] = [];
  const streams: Readable[] = [];
  let total = 0;
  let failure: ApiError | null = null;
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
    throw badRequest(
      `malformed multipart request: ${e instanceof Error ? e.message : String(e)}`,
      'bad_multipart',
    );
  }
  const source = Readable.fromWeb(req.body as unknown as WebReadableStream<Uint8Array>);
  const fail = (e: ApiError): void => {
    if (failure === null) failure = e;
    source.unpipe(bb);
    source.destroy();
    for (const s of streams) s.destroy();
  };

  bb.on('file', (_field, stream, info) => {
    const spooled: SpooledFile = {
      path: path.join(uploadDir, `${newId('up')}.part`),
      name: displayName(info.filename),
      size: 0,
    };
    files.push(spooled);
    streams.push(stream);
    if (failure !== null) {
      stream.destroy();
      return;
    }
    stream.on('data', (chunk: Buffer) => {
      spooled.size += chunk.length;
      total += chunk.length;
      if (total > limits.maxUploadBytes) {
        fail(
          tooLarge(
            `the upload is larger than the limit of ${limits.maxUploadBytes} bytes`,
            'upload_too_large',
          ),
        );
      }
    });
    stream.on('limit', () => {
      fail(
        tooLarge(
          `${spooled.name} is larger than the limit of ${limits.maxFileBytes} bytes per file`,
          'file_too_large',
        ),
      );
    });
    const out = createWriteStream(spooled.path, { flags: 'wx' });
    writes.push(
      pipeline(stream, out).catch((e: unknown) => {
        fail(
          badRequest(
            `the upload was interrupted: ${e instanceof Error ? e.message : String(e)}`,
            'bad_multipart',
          ),
        );
      }),
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
  bb.on('fieldsLimit', () => fail(tooLarge(`too many form fields (limit ${MAX_FIELDS})`, 'too_many_fields')));
  bb.on('partsLimit', () => fail(tooLarge(`too many parts in one upload`, 'too_many_parts')));

  try {
    await new Promise<void>((resolve, reject) => {
      bb.on('close', resolve);
      bb.on('error', (e: unknown) =>
        reject(
          badRequest(
            `malformed multipart request: ${e instanceof Error ? e.message : String(e)}`,
            'bad_multipart',
          ),
        ),
      );
      source.on('error', (e) =>
        reject(badRequest(`the upload was interrupted: ${e.message}`, 'bad_multipart')),
      );
      source.on('close', () => {
        if (failure !== null) reject(failure);
      });
      source.pipe(bb);
    });
    await Promise.all(writes);
    if (failure !== null) throw failure;
    if (files.length === 0) throw badRequest('the upload holds no file', 'no_files');
    return { files, fields };
  } catch (e) {
    source.destroy();
    await Promise.allSettled(writes);
    await Promise.all(files.map((f) => rm(f.path, { force: true })));
    throw failure ?? e;
  }
}
