import { analyzeEvents } from '../../core/analysis/index.js';
import { SECURITY_EVENT_IDS } from '../../core/events/index.js';
import { streamInputFile } from './read-input-file.js';
import type { ImportDeps } from './import-files.js';
import { createEventLinker } from './event-links.js';

/** The real readers and analysis, as the import worker uses them. */
export const defaultImportDeps: ImportDeps = {
  readFile: (path, opts) => streamInputFile(path, opts),
  analyze: (events, meta) => analyzeEvents(events, { ...meta, window: null }),
  linker: createEventLinker,
  eventIds: new Set<number>(SECURITY_EVENT_IDS),
};
