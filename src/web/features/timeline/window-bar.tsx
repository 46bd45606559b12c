import type { TimeRange } from '../../../core/dataset/index.js';
import { dateOf, isValidDate, stepWindow, windowLabel, SPANS, type Span } from '../../lib/time-window';

export interface WindowBarProps {
  range: TimeRange;
  from: string;
  span: Span;
  onChange(next: { from: string; span: Span }): void;
}

/** Day/week, previous/next and a date input bounded by the dataset's range; all UTC. */
export function WindowBar({ range, from, span, onChange }: WindowBarProps) {
  const prev = stepWindow(range, from, span, -1);
  const next = stepWindow(range, from, span, 1);
  return (
    <div className="window-bar" role="group" aria-label="Time window">
      <select
        aria-label="Window span"
        value={span}
        onChange={(e) => onChange({ from, span: e.target.value as Span })}
      >
        {SPANS.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={prev === null}
        onClick={() => prev && onChange({ from: prev, span })}
        aria-label={`Previous ${span}`}
      >
        ◀
      </button>
      <input
        type="date"
        aria-label="Window start (UTC)"
        min={dateOf(range.from)}
        max={dateOf(range.to)}
        value={from}
        onChange={(e) => {
          if (isValidDate(e.target.value)) onChange({ from: e.target.value, span });
        }}
      />
      <button
        type="button"
        disabled={next === null}
        onClick={() => next && onChange({ from: next, span })}
        aria-label={`Next ${span}`}
      >
        ▶
      </button>
      <span className="window-label">{windowLabel(from, span)}</span>
    </div>
  );
}
