import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { listDetections } from '../../../core/analysis/index.js';
import type { Detection, TimeRange } from '../../../core/dataset/index.js';
import {
  ALL_DETECTIONS,
  coreFilter,
  kindCounts,
  SEVERITIES,
  type DetectionFilter,
  type Severity,
} from './detection-rows';
import { useAnalysisText } from '../../i18n/analysis-text';
import { useTimeFormat } from '../../lib/use-time-format';

/** Rows drawn at once: a dataset may hold thousands of detections; the filters narrow them. */
export const MAX_DETECTION_ROWS = 500;

export interface DetectionsPanelProps {
  /** Every detection of the whole dataset (not only the window's). */
  detections: readonly Detection[];
  /** The window on screen: each detection is marked in or out of it. */
  window: TimeRange | null;
  selected: string | null;
  onSelect(d: Detection): void;
  onClear(): void;
  /** Something shown after a detection's title (the app passes the analyst's note and tags marker). */
  marker?: (id: string) => ReactNode;
}

/**
 * Every detection of the dataset, listed without a click: severity, kind, title, first/last time,
 * count, with counts per kind and a filter by severity and kind. Selecting one moves the window to
 * it and shows its evidence (composed in app/graph-page).
 */
export function DetectionsPanel({
  detections,
  window,
  selected,
  onSelect,
  onClear,
  marker,
}: DetectionsPanelProps) {
  const [filter, setFilter] = useState<DetectionFilter>(ALL_DETECTIONS);
  const time = useTimeFormat();
  /** First – last in the view's zone; the date of the last is left out when it is the same day. */
  const spanText = (first: string, last: string) => {
    const a = time(first, 'second', { bare: true });
    if (last === first) return a;
    const b = time(last, 'second', { bare: true });
    return `${a} – ${b.slice(0, 10) === a.slice(0, 10) ? b.slice(11) : b}`;
  };
  const all = useMemo(() => listDetections(detections, window), [detections, window]);
  const kinds = useMemo(() => kindCounts(all.byKind), [all]);
  const shown = useMemo(
    () => (filter === ALL_DETECTIONS ? all : listDetections(detections, window, coreFilter(filter))).rows,
    [all, detections, window, filter],
  );
  const inWindow = all.inWindow;
  const { t, i18n } = useTranslation('detections');
  const text = useAnalysisText();
  const num = (n: number) => n.toLocaleString(i18n.language);

  if (detections.length === 0) {
    return <p className="muted">{t('none')}</p>;
  }
  return (
    <div className="detections">
      <p className="detections-summary" data-testid="detections-summary">
        {t('summary', { count: detections.length, inWindow })}
      </p>
      <ul className="detection-kinds" aria-label={t('perKind')}>
        {kinds.map((k) => (
          <li key={k.kind}>
            <button
              type="button"
              aria-pressed={filter.kind === k.kind}
              onClick={() => setFilter((f) => ({ ...f, kind: f.kind === k.kind ? 'all' : k.kind }))}
            >
              {text.kind(k.kind)} <span className="count">{num(k.count)}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="detection-filters">
        <label>
          {t('severity')}{' '}
          <select
            value={filter.severity}
            onChange={(e) => setFilter((f) => ({ ...f, severity: e.target.value as Severity | 'all' }))}
          >
            <option value="all">{t('all')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severities.${s}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('kind')}{' '}
          <select value={filter.kind} onChange={(e) => setFilter((f) => ({ ...f, kind: e.target.value }))}>
            <option value="all">{t('all')}</option>
            {kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {text.kind(k.kind)}
              </option>
            ))}
          </select>
        </label>
        {selected !== null && (
          <button type="button" onClick={onClear}>
            {t('clear')}
          </button>
        )}
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t('noMatch')}</p>
      ) : (
        <table className="compact detection-table" data-keynav="detections">
          <thead>
            <tr>
              <th scope="col">{t('column.severity')}</th>
              <th scope="col">{t('column.detection')}</th>
              <th scope="col">{t('column.count')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, MAX_DETECTION_ROWS).map(({ detection: d, inWindow: here }) => {
              return (
                <tr
                  key={d.id}
                  className={[here ? 'in-window' : 'out-of-window', d.id === selected ? 'selected' : '']
                    .filter(Boolean)
                    .join(' ')}
                >
                  <td>
                    <span className={`severity severity-${d.severity}`}>{t(`severities.${d.severity}`)}</span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link detection-title"
                      aria-pressed={d.id === selected}
                      onClick={() => onSelect(d)}
                    >
                      {text.title(d)}
                    </button>
                    {marker?.(d.id)}
                    <span className="muted detection-kind">
                      {text.kind(d.kind)} · {here ? t('inWindow') : t('outOfWindow')}
                    </span>
                    <span className="detection-time">
                      {spanText(d.first, d.last)} {time.zoneName}
                    </span>
                  </td>

                  <td className="num">{num(d.count)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shown.length > MAX_DETECTION_ROWS && (
        <p className="muted" role="status">
          {t('capped', { shown: MAX_DETECTION_ROWS, total: shown.length })}
        </p>
      )}
    </div>
  );
}
