// Cluster connections come from server configuration only: LOGONLENS_ES (JSON) or a JSON file
// named by LOGONLENS_ES_CONFIG. The browser picks a configured cluster by name; a URL typed by the
// user is accepted only when it matches a configured cluster's allowlist, so the server cannot be
// used as a proxy to arbitrary hosts. Credentials stay here: never sent back to the browser.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { EsAuth, EsClientOptions } from './client.js';
import { EsError } from './client.js';

export const DEFAULT_INDEX_PATTERN = 'winlogbeat-*,logs-system.security-*';

const authSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('basic'),
    username: z.string().min(1).max(1024),
    password: z.string().max(4096),
  }),
  z.object({ type: z.literal('apikey'), apiKey: z.string().min(1).max(4096) }),
  z.object({ type: z.literal('none') }),
]);

const clusterSchema = z.object({
  name: z.string().min(1).max(100),
  url: z.string().url().max(2000),
  auth: authSchema.optional(),
  /** Path of a PEM file with the cluster's CA. */
  caFile: z.string().max(4096).optional(),
  /** Index patterns users may read, e.g. ["winlogbeat-*", "logs-system.security-*"]; `*` suffix wildcards. */
  indexPatterns: z.array(z.string().min(1).max(255)).max(100).optional(),
  /** Other base URLs of the same cluster a user may type (exact origin, or `https://*.example.org:9200`). */
  allowedUrls: z.array(z.string().max(2000)).max(100).optional(),
  defaultIndexPattern: z.string().max(1000).optional(),
  timeoutMs: z.number().int().positive().max(3_600_000).optional(),
});

const configSchema = z.object({ clusters: z.array(clusterSchema).max(100) });

export type ClusterConfig = z.infer<typeof clusterSchema>;

/** What the browser may see about a cluster (no credentials, no CA path). */
export interface PublicCluster {
  name: string;
  url: string;
  auth: EsAuth['type'];
  indexPatterns: string[];
  defaultIndexPattern: string;
}

/** Parses configuration text: `{ "clusters": [...] }` or a bare array or a single cluster. */
export function parseEsConfig(text: string): ClusterConfig[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('LOGONLENS_ES is not valid JSON');
  }
  if (Array.isArray(raw)) raw = { clusters: raw };
  else if (typeof raw === 'object' && raw !== null && !('clusters' in raw)) raw = { clusters: [raw] };
  const r = configSchema.safeParse(raw);
  if (!r.success) {
    // Zod's message names paths and expectations, never the values (no password echo).
    throw new Error(
      `invalid Elasticsearch configuration: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const names = new Set<string>();
  for (const c of r.data.clusters) {
    if (names.has(c.name))
      throw new Error(`invalid Elasticsearch configuration: duplicate cluster name "${c.name}"`);
    names.add(c.name);
    const u = new URL(c.url);
    if (u.username || u.password)
      throw new Error(`cluster "${c.name}": put credentials in "auth", not in the URL`);
  }
  return r.data.clusters;
}

/** Reads LOGONLENS_ES, else the file named by LOGONLENS_ES_CONFIG; none = no clusters. */
export function loadEsConfig(env: NodeJS.ProcessEnv = process.env): ClusterConfig[] {
  if (env.LOGONLENS_ES) return parseEsConfig(env.LOGONLENS_ES);
  if (env.LOGONLENS_ES_CONFIG) return parseEsConfig(readFileSync(env.LOGONLENS_ES_CONFIG, 'utf8'));
  return [];
}

export function publicCluster(c: ClusterConfig): PublicCluster {
  return {
    name: c.name,
    url: new URL(c.url).origin,
    auth: c.auth?.type ?? 'none',
    indexPatterns: c.indexPatterns ?? [DEFAULT_INDEX_PATTERN],
    defaultIndexPattern: c.defaultIndexPattern ?? DEFAULT_INDEX_PATTERN,
  };
}

function globToRegExp(glob: string): RegExp {
  const esc = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${esc}$`, 'i');
}

/** True when `url`'s origin is the cluster's own or matches one of its allowedUrls. */
export function urlAllowed(c: ClusterConfig, url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  if (u.pathname !== '/' && u.pathname !== '') return false;
  if (u.search || u.hash) return false;
  const allowed = [new URL(c.url).origin, ...(c.allowedUrls ?? [])];
  return allowed.some((a) => globToRegExp(a.replace(/\/+$/, '')).test(u.origin));
}

/** True when every comma-separated part of `pattern` is inside one of the allowed patterns. */
export function indexPatternAllowed(c: ClusterConfig, pattern: string): boolean {
  const allowed = c.indexPatterns ?? DEFAULT_INDEX_PATTERN.split(',');
  const parts = pattern
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return false;
  return parts.every((p) => {
    if (p.startsWith('-')) return true; // an exclusion narrows, never widens
    return (
      allowed
        .flatMap((a) => a.split(','))
        // A `*` in the request only matches a `*` of the allowed glob, so it is never wider.
        .some((a) => globToRegExp(a.trim()).test(p))
    );
  });
}

/**
 * The connection for a request: a configured cluster by name, optionally at a user-typed URL
 * that its allowlist accepts. Throws EsError('forbidden') otherwise.
 */
export function resolveConnection(
  clusters: ClusterConfig[],
  req: { cluster?: string | null; url?: string | null; indexPattern?: string | null },
  readFile: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): { config: ClusterConfig; client: EsClientOptions } {
  let config: ClusterConfig | undefined;
  if (req.cluster) config = clusters.find((c) => c.name === req.cluster);
  else if (req.url) config = clusters.find((c) => urlAllowed(c, req.url ?? ''));
  else if (clusters.length === 1) config = clusters[0];
  if (!config) {
    if (req.url && !req.cluster)
      throw new EsError('forbidden', "this URL is not in the server's list of allowed clusters");
    throw new EsError(
      'forbidden',
      req.cluster
        ? `no cluster named "${req.cluster.slice(0, 100)}" is configured`
        : 'no Elasticsearch cluster is configured on the server (LOGONLENS_ES)',
    );
  }
  if (req.url && !urlAllowed(config, req.url)) {
    throw new EsError('forbidden', "this URL is not in the server's list of allowed clusters");
  }
  if (req.indexPattern && !indexPatternAllowed(config, req.indexPattern)) {
    throw new EsError('forbidden', `the index pattern is not allowed for cluster "${config.name}"`);
  }
  const client: EsClientOptions = {
    url: req.url ? new URL(req.url).origin : config.url,
    ...(config.auth ? { auth: config.auth } : {}),
    ...(config.caFile ? { ca: readFile(config.caFile) } : {}),
    ...(config.timeoutMs ? { timeoutMs: config.timeoutMs } : {}),
  };
  return { config, client };
}
