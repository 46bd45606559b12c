import { rm } from 'node:fs/promises';
import { Hono, type Context } from 'hono';
import { badRequest, conflict, tooLarge, unsupportedType } from '../http/errors.js';
import type { Services } from '../http/context.js';
import { MAX_NAME_LENGTH as MAX_NAME } from '../upload/display-name.js';
import { receiveUpload, type ReceivedUpload } from '../upload/multipart.js';

function cleanName(raw: unknown): string {
  if (typeof raw !== 'string') throw badRequest('name must be a string', 'bad_name');
  const name = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
  if (name === '') throw badRequest('name must not be empty', 'bad_name');
  if (name.length > MAX_NAME) throw badRequest(`name is limited to ${MAX_NAME} characters`, 'bad_name');
  return name;
}

/** Reads a small JSON object body, with a size bound and clear errors. */
export async function readJsonBody(c: Context, maxBytes: number): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type))
    throw unsupportedType('expected application/json or multipart/form-data');
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes)
    throw tooLarge(`JSON bodies are limited to ${maxBytes} bytes`);
  const text = await readLimited(c.req.raw, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('the body is not valid JSON', 'bad_json');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('the body must be a JSON object', 'bad_json');
  }
  return value as Record<string, unknown>;
}

async function readLimited(req: Request, maxBytes: number): Promise<string> {
  if (req.body === null) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(`JSON bodies are limited to ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  // TextDecoder drops a leading UTF-8 BOM (Windows tools write one); Buffer#toString keeps it.
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/**
 * Runs what follows a received upload; if it throws (a bad name, a deleted dataset, a store
 * error), the spooled files are removed before the error is answered. Once a job is enqueued, the
 * job manager owns them.
 */
async function releasingOnError<T>(upload: ReceivedUpload, next: () => T): Promise<T> {
  try {
    return next();
  } catch (e) {
    await Promise.all(upload.files.map((f) => rm(f.path, { force: true })));
    throw e;
  }
}

function isMultipart(c: Context): boolean {
  return /^multipart\//i.test(c.req.header('content-type') ?? '');
}

/** `/api/datasets`: list, create (empty or from an upload), read, rename, delete, append files. */
export function datasetRoutes(s: Services): Hono {
  const app = new Hono();

  app.get('/', (c) => c.json({ datasets: s.store.listDatasets() }));

  app.post('/', async (c) => {
    if (isMultipart(c)) {
      const upload = await receiveUpload(c.req.raw, s.uploadDir, s.limits);
      return await releasingOnError(upload, () => {
        const first = upload.files[0]?.name ?? 'upload';
        const fieldName = upload.fields['name'];
        const name =
          fieldName !== undefined && fieldName.trim() !== '' ? cleanName(fieldName) : cleanName(first);
        const dataset = s.store.createDataset(name);
        const job = s.jobs.enqueue(dataset.id, name, upload.files);
        return c.json({ dataset: s.store.getDataset(dataset.id), job }, 202);
      });
    }
    const body = await readJsonBody(c, s.limits.maxJsonBytes);
    const dataset = s.store.createDataset(cleanName(body['name']));
    return c.json({ dataset }, 201);
  });

  // With the dataset's sources (files, or the cluster ranges it was loaded from).
  app.get('/:id', (c) => {
    const info = s.store.getDataset(c.req.param('id'));
    return c.json({ ...info, sources: s.store.sources(info.id) });
  });

  app.patch('/:id', async (c) => {
    const id = c.req.param('id');
    s.store.getDataset(id);
    const body = await readJsonBody(c, s.limits.maxJsonBytes);
    return c.json(s.store.renameDataset(id, cleanName(body['name'])));
  });

  app.delete('/:id', (c) => {
    const id = c.req.param('id');
    s.store.getDataset(id);
    if (s.jobs.busy(id))
      throw conflict('an import into this dataset is running; delete it when the import has finished');
    s.store.deleteDataset(id);
    return c.body(null, 204);
  });

  app.post('/:id/files', async (c) => {
    const id = c.req.param('id');
    const dataset = s.store.getDataset(id);
    if (!isMultipart(c)) throw unsupportedType('expected multipart/form-data with one or more files');
    const upload = await receiveUpload(c.req.raw, s.uploadDir, s.limits);
    return await releasingOnError(upload, () => {
      // The dataset may have been deleted while the upload streamed in: getDataset throws 404.
      s.store.getDataset(id);
      const job = s.jobs.enqueue(id, dataset.name, upload.files);
      return c.json({ job }, 202);
    });
  });

  return app;
}
