import { detectionWindow } from '../../core/analysis/index.js';
import type { Detection } from '../../core/dataset/index.js';
import type { Span } from '../lib/time-window';

/** The window start (`YYYY-MM-DD`) that holds a detection's first event (the analysis' rule). */
export function detectionStart(d: Detection, span: Span): string {
  return detectionWindow(d, span);
}
