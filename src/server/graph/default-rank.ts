import { rankDataset } from '../../core/analysis/index.js';
import type { RankFn } from './window-dataset.js';

/** The analysis' window cut and ranking, with LogonTracer-compatible defaults left to it. */
export const defaultRank: RankFn = (dataset, window) => rankDataset(dataset, window);
