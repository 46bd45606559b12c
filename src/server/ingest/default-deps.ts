import { analyzeEventsLinked, ANALYSED_EVENT_IDS } from '../../core/analysis/index.js';
import { SECURITY_EVENT_IDS } from '../../core/events/index.js';
import { streamInputFile } from './read-input-file.js';
import type { ImportDeps } from './import-files.js';
import { eventIdsWithRules, loadSigmaDir } from '../sigma/rules-dir.js';

/**
 * Sigma rules of the server (LOGONLENS_SIGMA: a directory of rules), read once per import worker;
 * problems with single rules are kept in each dataset's coverage.
 */
const sigmaDir = process.env['LOGONLENS_SIGMA'];
const sigma = sigmaDir === undefined || sigmaDir === '' ? null : loadSigmaDir(sigmaDir);

/** The real readers and analysis, as the import worker uses them. */
export const defaultImportDeps: ImportDeps = {
  readFile: (path, opts) => streamInputFile(path, opts),
  analyze: (events, meta) => analyzeEventsLinked(events, { ...meta, window: null }, { sigma }),
  eventIds: eventIdsWithRules(new Set<number>([...SECURITY_EVENT_IDS, ...ANALYSED_EVENT_IDS]), sigma),
};
