// Options shared by the es-* commands: which cluster (from LOGONLENS_ES / LOGONLENS_ES_CONFIG, or
// a bare --url for an unauthenticated test node such as `npm run opensearch`), index pattern, times.
import { EsClient } from '../../es/client.js';
import { DEFAULT_INDEX_PATTERN, loadEsConfig, resolveConnection } from '../../es/config.js';
import type { ParsedArgs } from '../args.js';
import { UsageError } from '../command.js';

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
