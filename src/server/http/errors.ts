import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { NotFoundError } from '../store/types.js';

/** An error the API reports as `{ error: { code, message } }` with this status. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string, code = 'bad_request'): ApiError =>
  new ApiError(400, code, message);
export const notFound = (message: string): ApiError => new ApiError(404, 'not_found', message);
export const tooLarge = (message: string, code = 'too_large'): ApiError => new ApiError(413, code, message);
export const unsupportedType = (message: string): ApiError =>
  new ApiError(415, 'unsupported_media_type', message);
export const conflict = (message: string): ApiError => new ApiError(409, 'conflict', message);

export interface ErrorBody {
  error: { code: string; message: string };
}

/** Maps anything thrown by a route to a status and body; unexpected errors hide their details. */
export function toErrorResponse(err: unknown): {
  status: ContentfulStatusCode;
  body: ErrorBody;
  unexpected: boolean;
} {
  if (err instanceof ApiError)
    return { status: err.status, body: body(err.code, err.message), unexpected: false };
  if (err instanceof NotFoundError)
    return { status: 404, body: body('not_found', err.message), unexpected: false };
  if (err instanceof HTTPException) {
    const status = err.status;
    const code =
      status === 413
        ? 'too_large'
        : status === 401
          ? 'unauthorized'
          : status < 500
            ? 'bad_request'
            : 'internal';
    return { status, body: body(code, err.message || 'request failed'), unexpected: status >= 500 };
  }
  return {
    status: 500,
    body: body('internal', 'internal server error (see the server log)'),
    unexpected: true,
  };
}

function body(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}
