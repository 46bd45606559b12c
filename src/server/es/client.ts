// A small HTTP client for Elasticsearch and OpenSearch. Not the official client: it refuses
// OpenSearch and v9 sends compatibility headers an 8.x server rejects (docs/elasticsearch.md).
// node:http(s) rather than fetch so that a cluster's own CA can be trusted per connection without
// a new dependency (fetch needs undici's Agent for that) and so that bytes received can be counted.
import http from 'node:http';
import https from 'node:https';

export type EsAuth =
  | { type: 'basic'; username: string; password: string }
  | { type: 'apikey'; apiKey: string }
  | { type: 'none' };

export interface EsClientOptions {
  /** Base URL without credentials, e.g. https://es.example.org:9200 */
  url: string;
  auth?: EsAuth;
  /** PEM text of a CA to trust (in addition to the system's). */
  ca?: string;
  /** Per-request timeout in ms (default 60 s). */
  timeoutMs?: number;
  /** Attempts for 429/502/503/504 and connection errors (default 4: 1 try + 3 retries). */
  attempts?: number;
  /** First backoff in ms, doubled each retry (default 500). */
  backoffMs?: number;
}

export type EsErrorCode =
  | 'unreachable'
  | 'tls'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'bad-request'
  | 'server'
  | 'bad-response';

/** An error safe to show: it never contains credentials (they are not in URLs, only in a header). */
export class EsError extends Error {
  constructor(
    readonly code: EsErrorCode,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'EsError';
  }
}

export interface EsRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Body already serialised as NDJSON (bulk). */
  ndjson?: string;
  /** Statuses returned as data instead of thrown (e.g. 404 for "does not exist"). */
  okStatuses?: number[];
  signal?: AbortSignal;
}

export interface EsResponse<T = unknown> {
  status: number;
  body: T;
  headers: http.IncomingHttpHeaders;
}

/** The Authorization header for an auth setting (exported for tests: the only place it is built). */
export function authorizationHeader(auth: EsAuth | undefined): string | null {
  if (!auth || auth.type === 'none') return null;
  if (auth.type === 'basic') {
    return `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`;
  }
  return `ApiKey ${auth.apiKey}`;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const MAX_RESPONSE_BYTES = 512 * 1024 * 1024;

export class EsClient {
  readonly baseUrl: URL;
  private readonly authHeader: string | null;
  private readonly agent: http.Agent;
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly backoffMs: number;
  /** Response bytes received (bodies, before JSON parsing); for progress and the benchmark. */
  bytesReceived = 0;
  requests = 0;

  constructor(opts: EsClientOptions) {
    const url = new URL(opts.url);
    if (url.username || url.password) {
      throw new EsError('bad-request', 'put credentials in the cluster configuration, not in the URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new EsError('bad-request', `unsupported URL scheme ${url.protocol}`);
    }
    url.pathname = url.pathname.replace(/\/+$/, '');
    url.search = '';
    url.hash = '';
    this.baseUrl = url;
    this.authHeader = authorizationHeader(opts.auth);
    this.agent =
      url.protocol === 'https:'
        ? new https.Agent({ keepAlive: true, maxSockets: 4, ...(opts.ca ? { ca: opts.ca } : {}) })
        : new http.Agent({ keepAlive: true, maxSockets: 4 });
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.attempts = Math.max(1, opts.attempts ?? 4);
    this.backoffMs = opts.backoffMs ?? 500;
  }

  /** A description for messages: origin only, never credentials. */
  get origin(): string {
    return this.baseUrl.origin;
  }

  close(): void {
    this.agent.destroy();
  }

  async request<T = unknown>(req: EsRequest): Promise<EsResponse<T>> {
    let lastError: EsError | null = null;
    for (let attempt = 0; attempt < this.attempts; attempt++) {
      if (attempt > 0) await sleep(this.backoffMs * 2 ** (attempt - 1), req.signal);
      try {
        const res = await this.once(req);
        if (RETRY_STATUSES.has(res.status) && !(req.okStatuses ?? []).includes(res.status)) {
          lastError = statusError(res.status, res.body, req);
          continue;
        }
        if (res.status >= 400 && !(req.okStatuses ?? []).includes(res.status)) {
          throw statusError(res.status, res.body, req);
        }
        return res as EsResponse<T>;
      } catch (e) {
        if (!(e instanceof EsError)) throw e;
        if (e.code !== 'unreachable' && e.code !== 'timeout' && e.code !== 'server') throw e;
        if (e.code === 'server' && e.status !== null && !RETRY_STATUSES.has(e.status)) throw e;
        lastError = e;
      }
    }
    const err = lastError ?? new EsError('unreachable', `${this.origin} did not answer`);
    throw new EsError(err.code, `${err.message} (after ${this.attempts} attempts)`, err.status);
  }

  private once(req: EsRequest): Promise<EsResponse> {
    const url = new URL(this.baseUrl.href);
    url.pathname = `${this.baseUrl.pathname.replace(/\/+$/, '')}${req.path.startsWith('/') ? '' : '/'}${req.path}`;
    for (const [k, v] of Object.entries(req.query ?? {})) {
      if (v !== undefined) url.searchParams.set(k, String(v));
    }
    const payload =
      req.ndjson !== undefined
        ? Buffer.from(req.ndjson, 'utf8')
        : req.body !== undefined
          ? Buffer.from(JSON.stringify(req.body), 'utf8')
          : null;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (payload) {
      headers['content-type'] = req.ndjson !== undefined ? 'application/x-ndjson' : 'application/json';
      headers['content-length'] = String(payload.length);
    }
    if (this.authHeader) headers.authorization = this.authHeader;
    const lib = url.protocol === 'https:' ? https : http;
    this.requests++;
    return new Promise<EsResponse>((resolve, reject) => {
      const r = lib.request(
        url,
        { method: req.method, headers, agent: this.agent, timeout: this.timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            this.bytesReceived += c.length;
            if (size > MAX_RESPONSE_BYTES) {
              r.destroy(new EsError('bad-response', `response from ${this.origin} is too large`));
              return;
            }
            chunks.push(c);
          });
          res.on('error', (e) => reject(transportError(e, this.origin)));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = text;
            if (text.length > 0 && /json/.test(String(res.headers['content-type'] ?? ''))) {
              try {
                body = JSON.parse(text);
              } catch {
                reject(new EsError('bad-response', `${this.origin} sent invalid JSON`));
                return;
              }
            }
            resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
          });
        },
      );
      r.on('timeout', () =>
        r.destroy(new EsError('timeout', `${this.origin} did not answer in ${this.timeoutMs} ms`)),
      );
      r.on('error', (e) => reject(transportError(e, this.origin)));
      if (req.signal) {
        if (req.signal.aborted) r.destroy(new EsError('timeout', 'cancelled'));
        req.signal.addEventListener('abort', () => r.destroy(new EsError('timeout', 'cancelled')), {
          once: true,
        });
      }
      r.end(payload ?? undefined);
    });
  }
}

function transportError(e: unknown, origin: string): EsError {
  if (e instanceof EsError) return e;
  const code =
    typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(code)) {
    return new EsError('tls', `TLS failure talking to ${origin} (${code}): configure the cluster's CA file`);
  }
  if (code === 'ECONNREFUSED') return new EsError('unreachable', `${origin} refused the connection`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new EsError('unreachable', `${origin}: host not found`);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') {
    return new EsError('unreachable', `${origin} closed the connection`);
  }
  return new EsError('unreachable', `cannot reach ${origin}${code ? ` (${code})` : ''}`);
}

function statusError(status: number, body: unknown, req: EsRequest): EsError {
  const reason = errorReason(body);
  const what = `${req.method} ${req.path.split('?')[0] ?? ''}`;
  if (status === 401)
    return new EsError(
      'unauthorized',
      'the cluster rejected the credentials (401): check the user/password or API key',
      status,
    );
  if (status === 403)
    return new EsError(
      'forbidden',
      `the credentials lack a privilege for ${what} (403)${reason ? `: ${reason}` : ''}`,
      status,
    );
  if (status === 404)
    return new EsError('not-found', `${what}: not found${reason ? ` (${reason})` : ''}`, status);
  if (status >= 500 || status === 429)
    return new EsError('server', `${what} failed with ${status}${reason ? `: ${reason}` : ''}`, status);
  return new EsError('bad-request', `${what} failed with ${status}${reason ? `: ${reason}` : ''}`, status);
}

/** The `error.reason` (or root cause) of an Elasticsearch error body, bounded. */
function errorReason(body: unknown): string {
  if (typeof body !== 'object' || body === null) return typeof body === 'string' ? body.slice(0, 300) : '';
  const err = (body as { error?: unknown }).error;
  if (typeof err === 'string') return err.slice(0, 300);
  if (typeof err === 'object' && err !== null) {
    const e = err as { reason?: unknown; type?: unknown; root_cause?: Array<{ reason?: unknown }> };
    const rc = e.root_cause?.[0]?.reason;
    return String(e.reason ?? rc ?? e.type ?? '').slice(0, 300);
  }
  return '';
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(new EsError('timeout', 'cancelled'));
      },
      { once: true },
    );
  });
}
