// LOGONLENS_ES_WATCH: the real server runs the watch against the real OpenSearch node, writes each
// closed day once, and a restarted server resumes without writing a window twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EsClient } from '../../src/server/es/client.js';
import { readWatchState, sourceKey } from '../../src/server/es/watch.js';
import type { Logger } from '../../src/server/logger.js';
import { startServer } from '../../src/server/main.js';
import { readSampleEvents, seedEcsDataStream } from './es-seed.js';

const url = inject('opensearchUrl');
const skip = !url;
const reason = inject('opensearchSkipReason');
const PATTERN = 'watchsrv-winlogbeat-*';

describe.skipIf(skip)(`LOGONLENS_ES_WATCH in the server ${skip ? reason : ''}`, () => {
  let client: EsClient;
  let dir: string;

  beforeAll(async () => {
    client = new EsClient({ url });
    await seedEcsDataStream(client, readSampleEvents(), 'watchsrv-winlogbeat-8.12.0');
    dir = mkdtempSync(path.join(tmpdir(), 'logonlens-es-watch-srv-'));
  });
  afterAll(() => {
    client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function serverRun(until: string): Promise<string[]> {
    const lines: string[] = [];
    const logger: Logger = {
      info: (m) => lines.push(m),
      warn: (m) => lines.push(`WARN ${m}`),
      error: (m) => lines.push(`ERROR ${m}`),
    };
    process.env.LOGONLENS_ES = JSON.stringify({
      clusters: [{ name: 'node', url, indexPatterns: [PATTERN] }],
    });
    try {
      const running = await startServer(
        { host: '127.0.0.1', port: 0, dataDir: dir, token: null, demo: false },
        {
          logger,
          webRoot: null,
          esWatch: JSON.stringify({
            cluster: 'node',
            indexPattern: PATTERN,
            interval: 'day',
            start: '2015-08-23T00:00:00Z',
            until,
            graceMinutes: 0,
          }),
        },
      );
      const key = sourceKey('node', PATTERN, 'day');
      await expect
        .poll(() => readWatchState(client, key), { timeout: 60_000, interval: 200 })
        .toBe(new Date(until).toISOString());
      await running.close();
    } finally {
      delete process.env.LOGONLENS_ES;
    }
    return lines;
  }

  it('exports each closed day once, and resumes after a restart', async () => {
    const first = await serverRun('2015-08-24T00:00:00Z');
    expect(first.filter((l) => /exported /.test(l))).toHaveLength(1);
    expect(first.some((l) => /starting at 2015-08-23T00:00:00.000Z/.test(l))).toBe(true);
    const second = await serverRun('2015-08-26T00:00:00Z');
    expect(second.some((l) => /resuming at 2015-08-24T00:00:00.000Z/.test(l))).toBe(true);
    expect(second.filter((l) => /exported /.test(l)).map((l) => /exported (\S+)/.exec(l)?.[1])).toEqual([
      '2015-08-24T00:00:00.000Z',
      '2015-08-25T00:00:00.000Z',
    ]);
    expect([...first, ...second].filter((l) => /^(WARN|ERROR)/.test(l))).toEqual([]);
  });

  it('refuses to start with a watch on a cluster that is not configured', async () => {
    await expect(
      startServer(
        { host: '127.0.0.1', port: 0, dataDir: dir, token: null, demo: false },
        { webRoot: null, esWatch: '{"cluster":"nope","start":"2015-08-23T00:00:00Z"}' },
      ),
    ).rejects.toThrow(/LOGONLENS_ES_WATCH.*no cluster named "nope"/);
  });
});
