import { i18n } from '../../i18n';
import type { api as apiMessages } from '../../i18n/en/api';
import { ApiError, errorFromResponse, isAbort, networkError } from './errors';
import { clearToken, getToken, requestToken } from './token';

/** Where the API lives: the same origin that served the app (vite proxies /api in development). */
export const API_BASE = '/api';

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON with the matching content type. */
  json?: unknown;
  body?: BodyInit;
  accept?: string;
  signal?: AbortSignal | undefined;
}

/** How often a request re-asks for a token before giving up (a wrong token typed twice, ...). */
const MAX_TOKEN_ATTEMPTS = 3;

export function authHeader(token: string | null): Record<string, string> {
  return token === null ? {} : { Authorization: `Bearer ${token}` };
}

/**
 * What to do after a 401: the token to retry with, or an ApiError to throw. When another request
 * already obtained a new token meanwhile, use it without asking again.
 */
export async function tokenAfter401(usedToken: string | null, attempt: number): Promise<string> {
  const current = getToken();
  if (current !== null && current !== usedToken) return current;
  if (usedToken !== null) clearToken();
  if (attempt >= MAX_TOKEN_ATTEMPTS) {
    throw new ApiError(401, 'unauthorized', i18n.t('api:tokenRefused'));
  }
  const token = await requestToken(usedToken === null ? 'required' : 'rejected');
  if (token === null) {
    throw new ApiError(401, 'unauthorized', i18n.t('api:tokenNeeded'));
  }
  return token;
}

/**
 * fetch() against the API with the bearer token. On 401 the analyst is asked for a token (once for
 * all concurrent requests) and the request is repeated. Non-2xx answers throw an ApiError with the
 * server's message; a dropped connection throws one saying the server cannot be reached.
 */
export async function apiFetch(path: string, req: ApiRequest = {}): Promise<Response> {
  let token = getToken();
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = {
      Accept: req.accept ?? 'application/json',
      ...authHeader(token),
    };
    let body: BodyInit | null = req.body ?? null;
    if (req.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(req.json);
    }
    let res: Response;
    try {
      res = await fetch(`${API_BASE}${path}`, {
        method: req.method ?? 'GET',
        headers,
        body,
        signal: req.signal ?? null,
        credentials: 'same-origin',
      });
    } catch (e) {
      if (isAbort(e)) throw e;
      throw networkError(e);
    }
    if (res.status === 401) {
      await res.body?.cancel().catch(() => undefined);
      token = await tokenAfter401(token, attempt);
      continue;
    }
    if (!res.ok) throw errorFromResponse(res.status, await res.text().catch(() => ''));
    return res;
  }
}

/** What kind of answer was expected (its name in the `api:answer` messages). */
export type AnswerKind = Extract<keyof typeof apiMessages.answer, string>;

/** A response body that is not what the API promises. */
export function badResponse(what: AnswerKind, detail?: string): ApiError {
  const kind = i18n.t(`api:answer.${what}`);
  const message = detail
    ? i18n.t('api:badResponseDetail', { what: kind, detail })
    : i18n.t('api:badResponse', { what: kind });
  return new ApiError(502, 'bad_response', message);
}

/** GET/POST/PATCH a JSON resource and check its shape with `parse` (which throws on a bad shape). */
export async function apiJson<T>(
  path: string,
  parse: (value: unknown) => T,
  req: ApiRequest = {},
): Promise<T> {
  const res = await apiFetch(path, req);
  let value: unknown;
  try {
    value = await res.json();
  } catch {
    throw badResponse('answer');
  }
  return parse(value);
}
