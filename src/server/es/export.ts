// Results back into the cluster (docs/elasticsearch.md "Export"): a window's account and host
// rankings with their reasons and its detections with their evidence, into
// logonlens-accounts-*, logonlens-hosts-* and logonlens-detections-*, created with index templates.
// `@timestamp` is the window's start (the time the documents describe, not when they were
// written). Document ids are derived from (source, window, node or detection), and the window's
// previous documents are deleted first, so writing a window again replaces it: re-runs are safe.
import { createHash } from 'node:crypto';
import { rankDataset } from '../../core/analysis/index.js';
import type { Dataset, DatasetNode, TimeRange } from '../../core/dataset/index.js';
import { GENERATOR } from '../../core/version.js';
import type { EsClient, EsResponse } from './client.js';
import { assertBulkOk, bulkIndex, type BulkItem } from './bulk.js';

export const EXPORT_PREFIX = 'logonlens';
export const EXPORT_KINDS = ['accounts', 'hosts', 'detections'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export function exportTemplate(kind: ExportKind): Record<string, unknown> {
  const common = {
    '@timestamp': { type: 'date' },
    window: { properties: { from: { type: 'date' }, to: { type: 'date' }, id: { type: 'keyword' } } },
    source: { properties: { key: { type: 'keyword' }, description: { type: 'keyword' } } },
    tool: { properties: { name: { type: 'keyword' }, version: { type: 'keyword' } } },
  };
  const node = {
    node: {
      properties: {
        id: { type: 'keyword' },
        kind: { type: 'keyword' },
        name: { type: 'keyword' },
        label: { type: 'keyword' },
        domain: { type: 'keyword' },
        sid: { type: 'keyword' },
        hidden: { type: 'keyword' },
        ips: { type: 'keyword' },
        flags: { type: 'keyword' },
      },
    },
    rank: { type: 'integer' },
    reasons: { properties: { score: { type: 'keyword' }, text: { type: 'text' } } },
  };
  const detection = {
    detection: {
      properties: {
        id: { type: 'keyword' },
        kind: { type: 'keyword' },
        title: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 1024 } } },
        severity: { type: 'keyword' },
        nodes: { type: 'keyword' },
        first: { type: 'date' },
        last: { type: 'date' },
        count: { type: 'long' },
        detail: { type: 'text' },
        evidence: {
          properties: {
            eventIds: { type: 'long' },
            recordIds: { type: 'long' },
            computers: { type: 'keyword' },
          },
        },
      },
    },
  };
  return {
    index_patterns: [`${EXPORT_PREFIX}-${kind}-*`],
    priority: 300,
    template: {
      settings: { number_of_shards: 1 },
      mappings: {
        dynamic_templates: [
          { scores_as_double: { path_match: 'scores.*', mapping: { type: 'double' } } },
          {
            strings_as_keyword: {
              match_mapping_type: 'string',
              mapping: { type: 'keyword', ignore_above: 4096 },
            },
          },
        ],
        properties: { ...common, ...(kind === 'detections' ? detection : node) },
      },
    },
  };
}

export async function ensureExportTemplates(client: EsClient): Promise<void> {
  for (const kind of EXPORT_KINDS) {
    await client.request({
      method: 'PUT',
      path: `/_index_template/${EXPORT_PREFIX}-${kind}`,
      body: exportTemplate(kind),
    });
  }
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 40);
}

/** Stable id of a window of a source. */
export function windowId(sourceKey: string, window: TimeRange): string {
  return sha(
    `${sourceKey}\u0000${new Date(window.from).toISOString()}\u0000${new Date(window.to).toISOString()}`,
  );
}

/** Monthly indices by window start: logonlens-accounts-2021.12 */
export function exportIndex(kind: ExportKind, window: TimeRange): string {
  const d = new Date(window.from);
  return `${EXPORT_PREFIX}-${kind}-${d.getUTCFullYear()}.${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export interface ExportDocs {
  accounts: BulkItem[];
  hosts: BulkItem[];
  detections: BulkItem[];
}

/**
 * The documents of a window (pure). `sourceKey` names where the events came from (a cluster and
 * index pattern, or a file set): the same key and window give the same ids.
 */
export function buildExportDocs(
  dataset: Dataset,
  window: TimeRange,
  source: { key: string; description: string },
): { ranked: Dataset; docs: ExportDocs; windowId: string } {
  const ranked = rankDataset(dataset, window);
  const wid = windowId(source.key, window);
  const base = {
    '@timestamp': new Date(window.from).toISOString(),
    window: { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString(), id: wid },
    source,
    tool: { name: GENERATOR.name, version: GENERATOR.version },
  };
  const nodes = new Map<string, DatasetNode>(ranked.nodes.map((n) => [n.id, n]));
  const byPagerank = [...ranked.rankings].sort(
    (a, b) =>
      (b.scores.pagerank ?? 0) - (a.scores.pagerank ?? 0) || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0),
  );
  const docs: ExportDocs = { accounts: [], hosts: [], detections: [] };
  const position = { account: 0, host: 0 };
  for (const r of byPagerank) {
    const n = nodes.get(r.node);
    if (!n || n.kind === 'domain') continue;
    const kind = n.kind === 'account' ? 'account' : 'host';
    position[kind]++;
    const doc = {
      ...base,
      node: {
        id: n.id,
        kind: n.kind,
        name: n.name,
        label: n.label,
        domain: n.domain,
        sid: n.sid,
        hidden: n.hidden,
        ips: n.ips.slice(0, 100),
        flags: [...new Set(n.flags.map((f) => f.kind))],
      },
      rank: position[kind],
      scores: r.scores,
      reasons: r.reasons,
    };
    const item = { id: sha(`${wid}\u0000${n.id}`), doc };
    if (kind === 'account') docs.accounts.push(item);
    else docs.hosts.push(item);
  }
  for (const d of ranked.detections) {
    docs.detections.push({ id: sha(`${wid}\u0000${d.id}`), doc: { ...base, detection: d } });
  }
  return { ranked, docs, windowId: wid };
}

export interface ExportResult {
  windowId: string;
  accounts: number;
  hosts: number;
  detections: number;
}

/** Writes a window: templates, removal of the window's previous documents, then bulk index. */
export async function exportWindow(
  client: EsClient,
  dataset: Dataset,
  window: TimeRange,
  source: { key: string; description: string },
): Promise<ExportResult> {
  await ensureExportTemplates(client);
  const { docs, windowId: wid } = buildExportDocs(dataset, window, source);
  // Documents of this window from an earlier run that this run does not write again (a node no
  // longer ranked) are deleted; the rest are overwritten by id. No _delete_by_query: it needs the
  // reindex module, which small or locked-down clusters may lack.
  for (const kind of EXPORT_KINDS) {
    const keep = new Set(docs[kind].map((d) => d.id));
    const stale = (await windowDocIds(client, kind, wid)).filter((h) => !keep.has(h.id));
    if (stale.length > 0) await bulkDelete(client, stale);
  }
  for (const kind of EXPORT_KINDS) {
    if (docs[kind].length === 0) continue;
    assertBulkOk(await bulkIndex(client, exportIndex(kind, window), docs[kind]), `export of ${kind}`);
  }
  return {
    windowId: wid,
    accounts: docs.accounts.length,
    hosts: docs.hosts.length,
    detections: docs.detections.length,
  };
}

async function windowDocIds(
  client: EsClient,
  kind: ExportKind,
  wid: string,
): Promise<Array<{ index: string; id: string }>> {
  const out: Array<{ index: string; id: string }> = [];
  let after: unknown[] | null = null;
  for (;;) {
    const res: EsResponse<{ hits?: { hits?: Array<{ _index: string; _id: string; sort?: unknown[] }> } }> =
      await client.request({
        method: 'POST',
        path: `/${EXPORT_PREFIX}-${kind}-*/_search`,
        query: {
          ignore_unavailable: true,
          allow_no_indices: true,
          filter_path: 'hits.hits._index,hits.hits._id,hits.hits.sort',
        },
        body: {
          size: 5000,
          _source: false,
          track_total_hits: false,
          query: { term: { 'window.id': wid } },
          sort: [{ _id: 'asc' }],
          ...(after ? { search_after: after } : {}),
        },
      });
    const hits = res.body.hits?.hits ?? [];
    for (const h of hits) out.push({ index: h._index, id: h._id });
    if (hits.length < 5000) return out;
    after = hits[hits.length - 1]?.sort ?? null;
    if (!after) return out;
  }
}

async function bulkDelete(client: EsClient, docs: Array<{ index: string; id: string }>): Promise<void> {
  const ndjson =
    docs.map((d) => JSON.stringify({ delete: { _index: d.index, _id: d.id } })).join('\n') + '\n';
  await client.request({ method: 'POST', path: '/_bulk', query: { refresh: 'true' }, ndjson });
}
