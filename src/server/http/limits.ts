/** Request limits; every one has a default and is documented in docs/operations.md. */
export interface Limits {
  /** Largest single uploaded file. */
  maxFileBytes: number;
  /** Largest multipart request (all files together). */
  maxUploadBytes: number;
  /** Most files in one upload request. */
  maxFiles: number;
  /** Largest JSON request body. */
  maxJsonBytes: number;
  /** Most edges a /graph answer carries; above it the busiest edges are kept and `caps` says so. */
  maxGraphEdges: number;
  /** Largest page of /events. */
  maxEventsPage: number;
  /** Import jobs running at once (over all datasets; one at a time per dataset anyway). */
  concurrentImports: number;
}

const GiB = 1024 ** 3;

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 4 * GiB,
  maxUploadBytes: 8 * GiB,
  maxFiles: 100,
  maxJsonBytes: 64 * 1024,
  maxGraphEdges: 20_000,
  maxEventsPage: 1000,
  concurrentImports: 2,
};
