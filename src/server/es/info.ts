// What is on the other end: distribution, version and which point-in-time API it has (GET /).
import type { EsClient } from './client.js';
import { EsError } from './client.js';
import type { PitDialect } from './queries.js';

export interface ClusterInfo {
  distribution: 'elasticsearch' | 'opensearch';
  version: string;
  pit: PitDialect;
  clusterName: string | null;
}

/** Pure: reads `GET /`'s answer (exported for tests). */
export function parseClusterInfo(body: unknown): ClusterInfo {
  const b = (typeof body === 'object' && body !== null ? body : {}) as {
    cluster_name?: unknown;
    version?: { number?: unknown; distribution?: unknown };
  };
  const version = typeof b.version?.number === 'string' ? b.version.number : null;
  if (version === null)
    throw new EsError(
      'bad-response',
      'the server does not look like Elasticsearch or OpenSearch (no version in GET /)',
    );
  const distribution = b.version?.distribution === 'opensearch' ? 'opensearch' : 'elasticsearch';
  const [major = 0, minor = 0] = version.split('.').map((x) => Number.parseInt(x, 10) || 0);
  let pit: PitDialect = 'none';
  if (distribution === 'elasticsearch' && (major > 7 || (major === 7 && minor >= 10))) pit = 'elasticsearch';
  if (distribution === 'opensearch' && (major > 2 || (major === 2 && minor >= 4))) pit = 'opensearch';
  return {
    distribution,
    version,
    pit,
    clusterName: typeof b.cluster_name === 'string' ? b.cluster_name.slice(0, 200) : null,
  };
}

export async function getClusterInfo(client: EsClient, signal?: AbortSignal): Promise<ClusterInfo> {
  const res = await client.request({ method: 'GET', path: '/', ...(signal ? { signal } : {}) });
  return parseClusterInfo(res.body);
}
