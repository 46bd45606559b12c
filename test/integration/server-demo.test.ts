import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset/index.js';
import { DEMO_DATASET_NAME, STORY_DATASET_NAME, STORY_MARKER } from '../../src/server/demo/index.js';
import { ATTACK } from '../../src/server/demo/story/attack.js';
import { silentLogger } from '../../src/server/logger.js';
import { startServer } from '../../src/server/main.js';
import type { DatasetInfo } from '../../src/server/store/types.js';
import { expectJson } from './server-helpers.js';

// `serve --demo` (what `npm start` runs) on a fresh data directory: the generated week gets its own
// dataset beside the sample logs, and the server hands back the link that opens it on its attack.
describe('the demo on a fresh data directory', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'logonlens-demo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config = { host: '127.0.0.1', port: 0, dataDir: dir, token: null, demo: true };
  let storyId = '';

  it('imports the week and the sample logs, and links to the week on the day of its attack', async () => {
    const server = await startServer(config, { logger: silentLogger, webRoot: null });
    try {
      const link = await server.demoUrl;
      expect(link).not.toBeNull();
      const url = new URL(link!);
      expect(url.origin).toBe(server.url);
      expect(url.searchParams.get('from')).toBe(ATTACK.day);
      const source = url.searchParams.get('source')!;
      expect(source).toMatch(/^server:/);
      storyId = source.slice('server:'.length);
      await server.app.services.jobs.idle();

      const { datasets } = await expectJson<{ datasets: DatasetInfo[] }>(
        await fetch(`${server.url}/api/datasets`),
      );
      expect(datasets.map((d) => [d.name, d.state]).sort()).toEqual(
        [
          [STORY_DATASET_NAME, 'ready'],
          [DEMO_DATASET_NAME, 'ready'],
        ].sort(),
      );
      const story = datasets.find((d) => d.id === storyId)!;
      expect(story.name).toBe(STORY_DATASET_NAME);
      expect(story.timeRange?.from.slice(0, 10)).toBe('2026-03-09');

      // The attack day's graph, as the link's page asks for it: the attack's detections are in it.
      const graph = await expectJson<Dataset>(
        await fetch(`${server.url}/api/datasets/${storyId}/graph?from=${ATTACK.day}&to=2026-03-12`),
      );
      // (Flag-based detections such as DCSync reach /graph once its window keeps them: see ui9.)
      expect(graph.detections.map((d) => d.kind)).toContain('password-spraying');
    } finally {
      await server.close();
    }
  });

  it('does not import again on the next start, and still links to the week', async () => {
    expect(existsSync(path.join(dir, STORY_MARKER))).toBe(true);
    const server = await startServer(config, { logger: silentLogger, webRoot: null });
    try {
      expect(await server.demoUrl).toBe(`${server.url}/?source=server:${storyId}&from=${ATTACK.day}`);
      const { datasets } = await expectJson<{ datasets: DatasetInfo[] }>(
        await fetch(`${server.url}/api/datasets`),
      );
      expect(datasets.map((d) => d.id)).toContain(storyId);
      expect(datasets.length).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('leaves a deleted demo week deleted: no import, no link', async () => {
    const server = await startServer(config, { logger: silentLogger, webRoot: null });
    try {
      expect((await fetch(`${server.url}/api/datasets/${storyId}`, { method: 'DELETE' })).ok).toBe(true);
    } finally {
      await server.close();
    }
    const again = await startServer(config, { logger: silentLogger, webRoot: null });
    try {
      expect(await again.demoUrl).toBeNull();
      const { datasets } = await expectJson<{ datasets: DatasetInfo[] }>(
        await fetch(`${again.url}/api/datasets`),
      );
      expect(datasets.map((d) => d.name)).toEqual([DEMO_DATASET_NAME]);
    } finally {
      await again.close();
    }
  });
});
