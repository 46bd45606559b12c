import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The LogonLens folder (where package.json is): the same walk works from the sources (src/server)
 * and from the build (dist/node/server).
 */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        const name = (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name;
        if (name === 'logonlens') return dir;
      } catch {
        // not ours; keep walking
      }
    }
    dir = path.dirname(dir);
  }
  return process.cwd();
}

/** The built web app. */
export function defaultWebRoot(): string {
  return path.join(repoRoot(), 'dist', 'web');
}

/** The demo logs shipped in the repository (see NOTICE). */
export function demoDir(): string {
  return path.join(repoRoot(), 'src', 'server', 'demo');
}
