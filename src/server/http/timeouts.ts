/**
 * The HTTP server's timeouts (documented in docs/operations.md). Without them a client that opens
 * an upload and stops sending holds its socket, spool file and descriptor for ever.
 */
export interface ServerTimeouts {
  /** All request headers must arrive within this time (Node's `headersTimeout`). */
  headersMs: number;
  /**
   * The whole request, body included, must arrive within this time (`requestTimeout`). Generous:
   * an 8 GiB upload at 2 MB/s takes about 70 minutes.
   */
  requestMs: number;
  /**
   * A socket on which nothing is sent or received for this long is closed (`server.timeout`): a
   * stalled upload ends here and its spool file is removed. Job event streams send a heartbeat
   * every 15 s, so they never reach it.
   */
  idleMs: number;
  /**
   * Idle keep-alive sockets are kept longer than clients keep them (undici: 4 s), so that a busy
   * event loop never closes a socket a client has just reused (ECONNRESET under load).
   */
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  headersMs: 66_000,
  requestMs: 2 * 3_600_000,
  idleMs: 120_000,
  keepAliveMs: 65_000,
};

interface TimeoutSettable {
  headersTimeout: number;
  requestTimeout: number;
  keepAliveTimeout: number;
  setTimeout(ms: number): unknown;
}

/** Applies the timeouts to a Node HTTP server (headers ≤ request, as Node requires). */
export function applyTimeouts(server: TimeoutSettable, t: ServerTimeouts): void {
  server.requestTimeout = t.requestMs;
  server.headersTimeout = Math.min(t.headersMs, t.requestMs);
  server.keepAliveTimeout = t.keepAliveMs;
  server.setTimeout(t.idleMs);
}
