import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('timeline');
  return (
    <div className="window-bar" role="group" aria-label={t('window.label')}>
      <select
        aria-label={t('window.span')}
        value={span}
        onChange={(e) => onChange({ from, span: e.target.value as Span })}
      >
        {SPANS.map((s) => (
          <option key={s} value={s}>
            {t(`window.spans.${s}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={prev === null}
        onClick={() => prev && onChange({ from: prev, span })}
        aria-label={t(`window.previous.${span}`)}
      >
        ◀
      </button>
      <input
        type="date"
        aria-label={t('window.start')}
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
        aria-label={t(`window.next.${span}`)}
      >
        ▶
      </button>
      <span className="window-label">{windowLabel(from, span)}</span>
    </div>
  );
}
