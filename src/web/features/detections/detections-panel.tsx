import { useMemo, useState, type ReactNode } from 'react';
import { listDetections } from '../../../core/analysis/index.js';
import type { Detection, TimeRange } from '../../../core/dataset/index.js';
import {
  ALL_DETECTIONS,
  coreFilter,
  kindCounts,
  SEVERITIES,
  utcText,
  type DetectionFilter,
  type Severity,
} from './detection-rows';

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
  const all = useMemo(() => listDetections(detections, window), [detections, window]);
  const kinds = useMemo(() => kindCounts(all.byKind), [all]);
  const shown = useMemo(
    () => (filter === ALL_DETECTIONS ? all : listDetections(detections, window, coreFilter(filter))).rows,
    [all, detections, window, filter],
  );
  const inWindow = all.inWindow;

  if (detections.length === 0) {
    return <p className="muted">No detections in this dataset.</p>;
  }
  return (
    <div className="detections">
      <p className="detections-summary" data-testid="detections-summary">
        {detections.length.toLocaleString('en')} detection{detections.length === 1 ? '' : 's'} in the dataset,{' '}
        {inWindow.toLocaleString('en')} in this window.
      </p>
      <ul className="detection-kinds" aria-label="Detections per kind">
        {kinds.map((k) => (
          <li key={k.kind}>
            <button
              type="button"
              aria-pressed={filter.kind === k.kind}
              onClick={() => setFilter((f) => ({ ...f, kind: f.kind === k.kind ? 'all' : k.kind }))}
            >
              {k.kind} <span className="count">{k.count.toLocaleString('en')}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="detection-filters">
        <label>
          Severity{' '}
          <select
            value={filter.severity}
            onChange={(e) => setFilter((f) => ({ ...f, severity: e.target.value as Severity | 'all' }))}
          >
            <option value="all">all</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Kind{' '}
          <select value={filter.kind} onChange={(e) => setFilter((f) => ({ ...f, kind: e.target.value }))}>
            <option value="all">all</option>
            {kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.kind}
              </option>
            ))}
          </select>
        </label>
        {selected !== null && (
          <button type="button" onClick={onClear}>
            Clear detection
          </button>
        )}
      </div>
      {shown.length === 0 ? (
        <p className="muted">No detection matches these filters.</p>
      ) : (
        <table className="compact detection-table">
          <thead>
            <tr>
              <th scope="col">severity</th>
              <th scope="col">detection</th>
              <th scope="col">count</th>
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
                    <span className={`severity severity-${d.severity}`}>{d.severity}</span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link detection-title"
                      aria-pressed={d.id === selected}
                      onClick={() => onSelect(d)}
                    >
                      {d.title}
                    </button>
                    {marker?.(d.id)}
                    <span className="muted detection-kind">
                      {d.kind} · {here ? 'in this window' : 'outside this window'}
                    </span>
                    <span className="detection-time">
                      {utcText(d.first)}
                      {d.last !== d.first &&
                        ` – ${d.last.slice(0, 10) === d.first.slice(0, 10) ? utcText(d.last).slice(11) : utcText(d.last)}`}{' '}
                      UTC
                    </span>
                  </td>

                  <td className="num">{d.count.toLocaleString('en')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shown.length > MAX_DETECTION_ROWS && (
        <p className="muted" role="status">
          Showing {MAX_DETECTION_ROWS.toLocaleString('en')} of {shown.length.toLocaleString('en')}: filter by
          severity or kind to see the rest.
        </p>
      )}
    </div>
  );
}
