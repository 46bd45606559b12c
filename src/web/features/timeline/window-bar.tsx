import { useTranslation } from 'react-i18next';
import type { TimeRange } from '../../../core/dataset/index.js';
import { dateOf, isValidDate, stepWindow, windowLabel, SPANS, type Span } from '../../lib/time-window';
import { useTimeZone } from '../../lib/use-time-format';

export interface WindowBarProps {
  range: TimeRange;
  from: string;
  span: Span;
  onChange(next: { from: string; span: Span }): void;
}

/** Day/week, previous/next and a date input bounded by the dataset's range; days of the view's zone (UTC by default). */
export function WindowBar({ range, from, span, onChange }: WindowBarProps) {
  const zone = useTimeZone();
  const prev = stepWindow(range, from, span, -1, zone);
  const next = stepWindow(range, from, span, 1, zone);
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
        aria-label={t('window.start', { zone: zone ?? 'UTC' })}
        min={dateOf(range.from, zone)}
        max={dateOf(range.to, zone)}
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
      <span className="window-label">{windowLabel(from, span, zone)}</span>
    </div>
  );
}
