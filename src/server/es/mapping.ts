// Field types from the mapping API. An index created with the Winlogbeat template maps event data
// as keyword; one created without it (dynamic mapping) has `text` with a `.keyword` sub-field; a
// few fields are numeric or `ip`. Aggregations need the aggregatable variant of each field.
import type { EsClient } from './client.js';
import { EsError } from './client.js';
import { detectShapes, type DocShape } from './shapes.js';

export interface FieldInfo {
  type: string;
  /** Name of a keyword sub-field (usually `keyword`) when the field is text. */
  keywordSub: string | null;
}

export interface IndexMapping {
  index: string;
  fields: Map<string, FieldInfo>;
  shapes: DocShape[];
}

const AGGREGATABLE = new Set([
  'keyword',
  'constant_keyword',
  'wildcard',
  'long',
  'integer',
  'short',
  'byte',
  'unsigned_long',
  'ip',
  'date',
  'date_nanos',
  'boolean',
]);

/** The field name to aggregate/sort on, or null when the field cannot be aggregated. */
export function aggregatableName(path: string, info: FieldInfo | undefined): string | null {
  if (!info) return null;
  if (AGGREGATABLE.has(info.type)) return path;
  if (info.keywordSub) return `${path}.${info.keywordSub}`;
  return null;
}

/** Flattens a `properties` tree into dotted paths. Pure (exported for tests). */
export function flattenProperties(
  props: unknown,
  prefix = '',
  out = new Map<string, FieldInfo>(),
): Map<string, FieldInfo> {
  if (typeof props !== 'object' || props === null) return out;
  for (const [name, def] of Object.entries(props as Record<string, unknown>)) {
    if (typeof def !== 'object' || def === null) continue;
    const d = def as { type?: unknown; properties?: unknown; fields?: unknown };
    const path = prefix ? `${prefix}.${name}` : name;
    if (d.properties !== undefined) flattenProperties(d.properties, path, out);
    if (typeof d.type === 'string' && d.type !== 'object' && d.type !== 'nested') {
      let keywordSub: string | null = null;
      if (typeof d.fields === 'object' && d.fields !== null) {
        for (const [sub, sdef] of Object.entries(d.fields as Record<string, unknown>)) {
          if (typeof sdef === 'object' && sdef !== null && (sdef as { type?: unknown }).type === 'keyword') {
            keywordSub = sub;
            break;
          }
        }
      }
      out.set(path, { type: d.type, keywordSub });
    }
  }
  return out;
}

/** Parses a `GET /<pattern>/_mapping` answer (both distributions; 6.x typed mappings tolerated). */
export function parseMappingResponse(body: unknown): IndexMapping[] {
  if (typeof body !== 'object' || body === null)
    throw new EsError('bad-response', 'unexpected mapping answer');
  const out: IndexMapping[] = [];
  for (const [index, v] of Object.entries(body as Record<string, unknown>)) {
    const mappings = (v as { mappings?: unknown } | null)?.mappings;
    if (typeof mappings !== 'object' || mappings === null) continue;
    let props = (mappings as { properties?: unknown }).properties;
    if (props === undefined) {
      // Typed mappings (6.x): { mappings: { <type>: { properties } } }
      for (const t of Object.values(mappings as Record<string, unknown>)) {
        const p = (t as { properties?: unknown } | null)?.properties;
        if (p !== undefined) props = p;
      }
    }
    const fields = flattenProperties(props);
    out.push({ index, fields, shapes: detectShapes(new Set(fields.keys())) });
  }
  return out.sort((a, b) => a.index.localeCompare(b.index));
}

export async function getMappings(
  client: EsClient,
  indexPattern: string,
  signal?: AbortSignal,
): Promise<IndexMapping[]> {
  const res = await client.request({
    method: 'GET',
    path: `/${encodeIndexPattern(indexPattern)}/_mapping`,
    query: { ignore_unavailable: true, allow_no_indices: true, expand_wildcards: 'open' },
    ...(signal ? { signal } : {}),
  });
  return parseMappingResponse(res.body);
}

/** Index patterns go into the URL path: allow only index-name characters, wildcards and commas. */
export function encodeIndexPattern(pattern: string): string {
  const parts = pattern
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) throw new EsError('bad-request', 'empty index pattern');
  for (const p of parts) {
    if (!/^-?[a-z0-9.*_+-][a-z0-9._*+-]{0,254}$/.test(p) || p === '.' || p === '..') {
      throw new EsError('bad-request', `invalid index pattern "${p.slice(0, 80)}"`);
    }
  }
  return parts.join(',');
}
