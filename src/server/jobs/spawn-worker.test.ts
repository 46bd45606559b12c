import { describe, expect, it } from 'vitest';
import { siblingModuleUrl, workerEntry, workerExecArgv } from './spawn-worker.js';

describe('spawn-worker', () => {
  it('finds the worker beside its caller with the caller’s extension', () => {
    expect(siblingModuleUrl('evtx-worker', 'file:///x/src/server/ingest/evtx-parallel.ts').pathname).toBe(
      '/x/src/server/ingest/evtx-worker.ts',
    );
    expect(
      siblingModuleUrl('evtx-worker', 'file:///x/dist/node/server/ingest/evtx-parallel.js').pathname,
    ).toBe('/x/dist/node/server/ingest/evtx-worker.js');
  });

  it('starts .ts sources through a tsx bootstrap and .js from dist directly', () => {
    const ts = workerEntry(new URL('./evtx-worker.ts', new URL('../ingest/', import.meta.url)));
    expect(ts.eval).toBe(true);
    expect(String(ts.script)).toContain('evtx-worker.ts');
    expect(String(ts.script)).toContain('tsx');
    const js = workerEntry(new URL('file:///x/dist/node/server/ingest/evtx-worker.js'));
    expect(js.eval).toBe(false);
    expect((js.script as URL).pathname).toBe('/x/dist/node/server/ingest/evtx-worker.js');
  });

  it('drops the options a worker rejects or does not need, keeps the rest', () => {
    expect(
      workerExecArgv([
        '--import',
        'tsx',
        '--input-type=module',
        '--max-old-space-size=512',
        '--import=tsx',
        '--input-type',
        'module',
        '--import',
        './other.mjs',
      ]),
    ).toEqual(['--max-old-space-size=512', '--import', './other.mjs']);
  });
});
