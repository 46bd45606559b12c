// Options shared by the es-* commands: which cluster (from LOGONLENS_ES / LOGONLENS_ES_CONFIG, or
// a bare --url for an unauthenticated test node such as `npm run opensearch`), index pattern, times.
import { EsClient } from '../../es/client.js';
import { DEFAULT_INDEX_PATTERN, loadEsConfig, resolveConnection } from '../../es/config.js';
import { UsageError } from '../command.js';

export interface ParsedArgs {
  values: Map<string, string>;
  flags: Set<string>;
  positional: string[];
}

/** `--name value`, `--name=value` and boolean `--flag`s listed in `booleans`. */
export function parseArgs(args: string[], known: string[], booleans: string[]): ParsedArgs {
  const out: ParsedArgs = { values: new Map(), flags: new Set(), positional: [] };
  for (let i = 0; i < args.length; i++) {
    const raw = args[i] ?? '';
    if (!raw.startsWith('--')) {
      out.positional.push(raw);
      continue;
    }
    const eq = raw.indexOf('=');
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    if (booleans.includes(name)) {
      out.flags.add(name);
      continue;
    }
    if (!known.includes(name)) throw new UsageError(`unknown option ${name.slice(0, 60)}`);
    const v = eq > 0 ? raw.slice(eq + 1) : args[++i];
    if (v === undefined) throw new UsageError(`${name} needs a value`);
    out.values.set(name, v);
  }
  return out;
}

/** A UTC time from an option: ISO 8601, a date alone meaning its midnight UTC. */
export function timeOption(p: ParsedArgs, name: string): string | null {
  const v = p.values.get(name);
  if (v === undefined) return null;
  const s = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : /[zZ]|[+-]\d{2}:?\d{2}$/.test(v) ? v : `${v}Z`;
  const ms = Date.parse(s);
  if (!Number.isFinite(ms))
    throw new UsageError(`${name} must be an ISO 8601 time, e.g. 2021-12-03T00:00:00Z`);
  return new Date(ms).toISOString();
}

export const CLUSTER_OPTIONS_HELP = `  --cluster NAME             a cluster of LOGONLENS_ES / LOGONLENS_ES_CONFIG (docs/elasticsearch.md)
  --url URL                  a cluster URL: must be on the configured allowlist when clusters are
                             configured; without configuration, an unauthenticated node
  --index PATTERN            index pattern (default ${DEFAULT_INDEX_PATTERN})`;

export function connectFromArgs(p: ParsedArgs): { client: EsClient; cluster: string; indexPattern: string } {
  const clusters = loadEsConfig();
  const cluster = p.values.get('--cluster') ?? null;
  const url = p.values.get('--url') ?? null;
  const index = p.values.get('--index') ?? null;
  if (clusters.length === 0) {
    if (cluster) throw new UsageError('no clusters are configured (set LOGONLENS_ES or LOGONLENS_ES_CONFIG)');
    if (!url) throw new UsageError('give --url, or configure clusters in LOGONLENS_ES');
    return {
      client: new EsClient({ url }),
      cluster: new URL(url).host,
      indexPattern: index ?? DEFAULT_INDEX_PATTERN,
    };
  }
  const { config, client } = resolveConnection(clusters, { cluster, url, indexPattern: index });
  return {
    client: new EsClient(client),
    cluster: config.name,
    indexPattern: index ?? config.defaultIndexPattern ?? DEFAULT_INDEX_PATTERN,
  };
}
