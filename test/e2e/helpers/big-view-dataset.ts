// A generated dataset whose busiest day is a "big view": more than LOD_MIN_NODES (1,000) nodes, so
// level of detail applies, and more than one slice of ADD_CHUNK (600) elements, so the canvas
// works in slices. Shared by the browser tests of the drawing side of issue 14.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateDataset } from '../../../src/core/dataset/testing/generate-dataset.js';

/** Writes the dataset as `big.json` in `dir` and returns its path. */
export function writeBigViewDataset(dir: string): string {
  const file = path.join(dir, 'big.json');
  const dataset = generateDataset({
    accounts: 1100,
    hosts: 200,
    ips: 20,
    days: 2,
    edgesPerAccount: 3,
    seed: 21,
  });
  writeFileSync(file, JSON.stringify(dataset));
  return file;
}
