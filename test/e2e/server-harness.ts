import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/server/logger.js';
import { startServer as startLogonLens } from '../../src/server/main.js';

export interface RunningServer {
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real LogonLens server (the server's own startServer: SQLite in a temporary data directory,
 * imports in worker threads) on 127.0.0.1 and a free port, optionally serving the built app and
 * requiring a token.
 */
export async function startServer(
  options: { webRoot?: string | null; token?: string | null } = {},
): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'logonlens-e2e-'));
  const running = await startLogonLens(
    { host: '127.0.0.1', port: 0, dataDir, token: options.token ?? null, demo: false },
    { logger: silentLogger, webRoot: options.webRoot ?? null },
  );
  return {
    url: running.url,
    dataDir,
    async close() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
