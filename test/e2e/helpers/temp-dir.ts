import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * Registers, in the calling describe, a fresh temporary directory (`prefix` + random) made before
 * its tests and removed after them. Read `path` inside tests and later hooks.
 */
export function useTempDir(prefix: string): { readonly path: string } {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), prefix));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get path() {
      if (dir === undefined)
        throw new Error(`the temporary directory ${prefix}… is read before its beforeAll ran`);
      return dir;
    },
  };
}
