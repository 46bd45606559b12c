import path from 'node:path';
import { Writable } from 'node:stream';
import { run } from '../../../src/server/cli/main.js';
import { sharedData } from '../../helpers/shared-data.js';

/** A stream for the CLI's stdout or stderr that keeps what was written, to read it afterwards. */
export function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return Object.assign(w, { text: () => chunks.join('') });
}

/** Runs `logonlens <args>` in-process; a non-zero exit fails with what the CLI wrote to stderr. */
export async function runCli(args: string[]): Promise<void> {
  const stderr = sink();
  const code = await run(args, { stdout: sink(), stderr });
  if (code !== 0) throw new Error(`logonlens ${args[0]} failed: ${stderr.text()}`);
}

/**
 * `logonlens analyze` of sample logs (paths under test/fixtures/logs, e.g. `evtx/m2a-dcsync.evtx`)
 * into `dir/name`; returns the dataset file's path.
 */
export async function analyzeFixtures(files: readonly string[], dir: string, name: string): Promise<string> {
  const dataset = path.join(dir, name);
  await runCli(['analyze', ...files.map((f) => sharedData(f)), '-o', dataset]);
  return dataset;
}
