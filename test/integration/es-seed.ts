// Seeds the embedded OpenSearch node with Security events from the real sample logs: ECS documents
// (Winlogbeat 8 + Security ingest pipeline) in a data stream, the same documents in an index created
// without a template, and the Winlogbeat 6 / NXLog documents of test/fixtures/logs/json as they are.
import { readFileSync, readdirSync } from 'node:fs';
import type { LogonEvent } from '../../src/core/events/logon-event.js';
import { readEvtx } from '../../src/core/readers/evtx/index.js';
import { EsClient } from '../../src/server/es/client.js';
import { assertBulkOk, bulkIndex } from '../../src/server/es/bulk.js';
import { toEcsDocument, winlogbeatTemplate } from '../../src/server/es/to-ecs.js';
import { sharedData } from '../helpers/shared-data.js';

/** The Security EVTX samples (every file in evtx/ except the System channel one). */
export function securityEvtxFiles(): string[] {
  return readdirSync(sharedData('evtx'))
    .filter((f) => f.endsWith('.evtx') && !f.startsWith('sys-'))
    .sort()
    .map((f) => sharedData('evtx', f));
}

export function readSampleEvents(files = securityEvtxFiles()): LogonEvent[] {
  return files.flatMap((f) => readEvtx(new Uint8Array(readFileSync(f))).events);
}

export async function putTemplate(client: EsClient, name: string, body: unknown): Promise<void> {
  await client.request({ method: 'PUT', path: `/_index_template/${name}`, body });
}

/** ECS documents into the data stream `winlogbeat-8.12.0` (template like Winlogbeat's). */
export async function seedEcsDataStream(
  client: EsClient,
  events: LogonEvent[],
  stream = 'winlogbeat-8.12.0',
): Promise<void> {
  await putTemplate(client, `${stream}-template`, winlogbeatTemplate(`${stream}*`, true));
  const r = await bulkIndex(
    client,
    stream,
    events.map((e) => ({ doc: toEcsDocument(e) })),
    { op: 'create' },
  );
  assertBulkOk(r, `seeding ${stream}`);
}

/** The same documents in an index created without a template: text fields with .keyword. */
export async function seedWithoutTemplate(
  client: EsClient,
  events: LogonEvent[],
  index: string,
): Promise<void> {
  const r = await bulkIndex(
    client,
    index,
    events.map((e) => ({ doc: toEcsDocument(e) })),
  );
  assertBulkOk(r, `seeding ${index}`);
}

/** An NDJSON file of documents as they are (Winlogbeat 6, NXLog), into `index`. */
export async function seedNdjson(client: EsClient, file: string, index: string): Promise<number> {
  const docs = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => ({ doc: JSON.parse(l) as unknown }));
  const r = await bulkIndex(client, index, docs);
  return r.indexed;
}
