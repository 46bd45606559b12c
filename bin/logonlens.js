#!/usr/bin/env node
// The `logonlens` command. The TypeScript sources are compiled by `npm run build` into dist/node.
import { existsSync } from 'node:fs';

const main = new URL('../dist/node/server/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('logonlens: not built yet. Run `npm run build` in the LogonLens folder first.');
  process.exit(2);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
