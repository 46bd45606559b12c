#!/usr/bin/env node
// `npm start`: build what is missing or stale, then serve the app with its embedded store and the
// demo datasets (`logonlens serve --demo`, which prints the link to the demo week). Extra arguments
// go to `serve`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputs = ['dist/node/server/cli/main.js', 'dist/web/index.html'].map((p) => path.join(root, p));

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const sources = Math.max(
  newestMtime(path.join(root, 'src')),
  statSync(path.join(root, 'index.html')).mtimeMs,
);
const stale = outputs.some((p) => !existsSync(p) || statSync(p).mtimeMs < sources);
if (stale) {
  console.log('LogonLens: building (first start or sources changed)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const serve = spawnSync(
  process.execPath,
  [path.join(root, 'bin/logonlens.js'), 'serve', '--demo', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(serve.status ?? 1);
