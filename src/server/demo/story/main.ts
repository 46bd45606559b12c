// `npm run demo:generate`: writes the demo's generated week (src/server/demo/<STORY_FILE_NAME>)
// from its seed. Run it after changing the story; the unit test fails until the file matches.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateStoryWeek, STORY_FILE_NAME, STORY_SEED } from './generate.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', STORY_FILE_NAME);
const text = generateStoryWeek();
writeFileSync(target, text);
const lines = text.split('\n').length - 1;
console.log(`wrote ${target}: ${lines} documents, ${text.length} bytes (seed ${STORY_SEED})`);
