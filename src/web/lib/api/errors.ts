import { i18n } from '../../i18n';

/**
 * Errors from the LogonLens server, turned into sentences an analyst can act on. The server answers
 * `{ "error": { "code", "message" } }`; anything else (a proxy's HTML page, a dropped connection)
 * still becomes a readable message rather than "Unexpected token <".
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    /** The server's machine-readable code (`not_found`, `too_large`, ...) or one of ours. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Error messages are shown to the analyst; keep them to a readable length. */
const MAX_MESSAGE = 500;

function clip(text: string): string {
  const oneLine = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return oneLine.length > MAX_MESSAGE ? `${oneLine.slice(0, MAX_MESSAGE)}…` : oneLine;
}

/** Reads `{ error: { code, message } }` out of a parsed body; null when it is not that shape. */
export function parseErrorBody(body: unknown): { code: string; message: string } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error: unknown = body.error;
  if (typeof error !== 'object' || error === null) return null;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : 'error';
  const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
  return { code, message };
}

/** The statuses the app explains in words (the `api:status` messages). */
const EXPLAINED = [400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 502, 503, 504] as const;

function statusReason(status: number): string {
  const known = EXPLAINED.find((s) => s === status);
  return known === undefined ? i18n.t('api:status.other') : i18n.t(`api:status.http${known}`);
}

/** Builds the ApiError for a non-2xx answer from its status and its body text. */
export function errorFromResponse(status: number, bodyText: string): ApiError {
  let parsed: { code: string; message: string } | null;
  try {
    parsed = parseErrorBody(JSON.parse(bodyText) as unknown);
  } catch {
    parsed = null;
  }
  const fallback = i18n.t('api:serverAnswered', { status, reason: statusReason(status) });
  if (parsed === null || parsed.message.trim() === '') {
    return new ApiError(status, parsed?.code ?? `http_${status}`, fallback);
  }
  return new ApiError(status, parsed.code, clip(parsed.message));
}

/** The error for a request that never got an answer (server down, network cut). */
export function networkError(cause: unknown): ApiError {
  const message =
    cause instanceof Error && cause.message
      ? i18n.t('api:unreachableDetail', { detail: clip(cause.message) })
      : i18n.t('api:unreachable');
  return new ApiError(0, 'network', message);
}

/** A readable message for any error a query or mutation may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return clip(error.message) || i18n.t('api:somethingWrong');
  if (typeof error === 'string') return clip(error);
  return i18n.t('api:somethingWrong');
}

/** True for an abort caused by our own AbortSignal (not an error to show). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException
    ? error.name === 'AbortError'
    : error instanceof Error && error.name === 'AbortError';
}
