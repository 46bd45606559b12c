import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is test/e2e/helpers/web-build.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const WEB_DIST = path.join(REPO_ROOT, 'dist/web');

/**
 * The built app. `npm test` builds before vitest runs; a targeted `npx vitest run --project e2e`
 * on a tree without a build gets one here (set LOGONLENS_REBUILD_WEB=1 to force it after edits).
 */
export function ensureWebBuild(): string {
  if (process.env.LOGONLENS_REBUILD_WEB === '1' || !existsSync(path.join(WEB_DIST, 'index.html'))) {
    execFileSync(
      process.execPath,
      [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: REPO_ROOT,
        stdio: 'inherit',
      },
    );
  }
  return WEB_DIST;
}
