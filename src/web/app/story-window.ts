import type { Detection } from '../../core/dataset/index.js';
import type { Span } from '../lib/time-window';

/** The window start (`YYYY-MM-DD`) that holds a detection's first event. */
export function detectionStart(d: Detection, _span: Span): string {
  return d.first.slice(0, 10);
}
