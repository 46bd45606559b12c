// Builds (when needed), starts and stops the embedded OpenSearch node of test/opensearch.
// Used by the es integration tests' global setup and the benchmark; `npm run opensearch` runs this
// file directly to start a node in the foreground for people.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.dirname(fileURLToPath(import.meta.url));
const TARGET = path.join(DIR, 'target');
const JAR = path.join(TARGET, 'opensearch-launcher.jar');
const DEPS = path.join(TARGET, 'dependency');
const PORT_LINE = /^LOGONLENS_OPENSEARCH_HTTP_PORT=(\d+)\s*$/m;

export interface RunningNode {
  url: string;
  port: number;
  pid: number;
  /** Stops the node (SIGTERM, then SIGKILL after a grace period); resolves when it has exited. */
  stop(): Promise<void>;
}

function commandExists(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.status === 0;
}

/** Why the node cannot start here, or null when Java is there and the launcher is built or buildable. */
export function unavailableReason(): string | null {
  if (!commandExists('java', ['-version']))
    return 'java is not installed (the OpenSearch tests need Java 17)';
  if (isBuilt()) return null;
  if (!commandExists('mvn', ['-v'])) return 'the OpenSearch launcher is not built and Maven is not installed';
  return null;
}

function isBuilt(): boolean {
  if (!existsSync(JAR) || !existsSync(DEPS)) return false;
  const jarTime = statSync(JAR).mtimeMs;
  const sources = [path.join(DIR, 'pom.xml'), ...listFiles(path.join(DIR, 'src'))];
  return sources.every((f) => statSync(f).mtimeMs <= jarTime) && readdirSync(DEPS).length > 0;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/** Runs the Maven build unless the jar is newer than every source. Offline when the repo is warm. */
export function ensureBuilt(): void {
  if (isBuilt()) return;
  const r = spawnSync(
    'mvn',
    ['-q', '-B', '-f', path.join(DIR, 'pom.xml'), 'package', 'dependency:copy-dependencies'],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.status !== 0) throw new Error(`Maven build of test/opensearch failed (exit ${String(r.status)})`);
}

export interface StartOptions {
  /** Fixed HTTP port; 0 (default) picks a free one. */
  httpPort?: number;
  /** Java heap, e.g. '512m' (default) or '1g'. */
  heap?: string;
  /** Milliseconds to wait for the port line and a green/yellow health. */
  timeoutMs?: number;
  /** Print the node's output (otherwise kept and shown only on failure). */
  verbose?: boolean;
}

/** Starts a node and resolves once `_cluster/health` is green or yellow. */
export async function startOpenSearch(opts: StartOptions = {}): Promise<RunningNode> {
  ensureBuilt();
  const heap = opts.heap ?? '512m';
  const child = spawn(
    'java',
    [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      '-XX:+UseSerialGC',
      '-cp',
      `${JAR}${path.delimiter}${path.join(DEPS, '*')}`,
      'dev.logonlens.opensearch.Launcher',
      '--http-port',
      String(opts.httpPort ?? 0),
      '--exit-on-stdin-close',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    if (output.length > 200_000) output = output.slice(-100_000);
    if (opts.verbose) process.stderr.write(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  let port = 0;
  while (port === 0) {
    const m = PORT_LINE.exec(output);
    if (m?.[1]) port = Number(m[1]);
    else if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`OpenSearch exited before starting:\n${output.slice(-4000)}`);
    } else if (Date.now() > deadline) {
      await stopChild(child, exited);
      throw new Error(`OpenSearch did not start in time:\n${output.slice(-4000)}`);
    } else await sleep(100);
  }
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      const res = await fetch(`${url}/_cluster/health?wait_for_status=yellow&timeout=5s`);
      const body = (await res.json()) as { status?: string };
      if (body.status === 'green' || body.status === 'yellow') break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stopChild(child, exited);
      throw new Error(`OpenSearch never became healthy:\n${output.slice(-4000)}`);
    }
    await sleep(200);
  }
  return {
    url,
    port,
    pid: child.pid ?? 0,
    stop: () => stopChild(child, exited),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(killer);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

// `npm run opensearch [-- --port 9200]`: a node in the foreground for people.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--port');
  const httpPort = i > 0 ? Number(process.argv[i + 1]) : 9200;
  const node = await startOpenSearch({ httpPort, heap: '1g', verbose: true });
  console.log(`\nOpenSearch ${node.url} is ready (pid ${node.pid}); Ctrl-C stops it.`);
  const stop = (): void => {
    void node.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
