import { scaleLinear } from 'd3-scale';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeTimeline } from '../../../core/analysis/index.js';
import type { TimeRange } from '../../../core/dataset/index.js';
import { nodeBins, timelineDomain } from './node-timeline-bins';
import { useTimeFormat } from '../../lib/use-time-format';

const HOUR_MS = 3_600_000;
const WIDTH = 800;
const BARS = 70;
const ANOMALY = 24;
const HEIGHT = BARS + ANOMALY + 6;
const MAX_BINS = 300;

export interface NodeTimelineProps {
  /** The analysis' timeline of the node over the whole dataset. */
  timeline: NodeTimeline;
  label: string;
  /** The window on screen, marked. */
  window: TimeRange | null;
  /** An hour was clicked: move the window to it. */
  onPickHour(hour: number): void;
  /** A range was dragged: [first hour, last hour]. */
  onPickRange(fromHour: number, toHour: number): void;
}

/**
 * One account's or host's events per hour (LogonTracer's timeline), successes and failures apart,
 * optionally one event ID, with its ChangeFinder anomaly score above, and the window on screen
 * marked. Click a bar to move the window to its day; drag across bars to move it to that range.
 */
export function NodeTimelineChart({ timeline, label, window, onPickHour, onPickRange }: NodeTimelineProps) {
  const time = useTimeFormat();
  // Minutes, not `HH:00`: in a zone with a half-hour offset an hour bar starts at :30.
  const hourText = (h: number) => time(h * HOUR_MS, 'minute', { bare: true });
  const [eventId, setEventId] = useState<string | null>(null);
  const { t, i18n } = useTranslation('timeline');
  const score = (v: number) =>
    v.toLocaleString(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const winHours: [number, number] | null =
    window === null
      ? null
      : [Math.floor(Date.parse(window.from) / HOUR_MS), Math.ceil(Date.parse(window.to) / HOUR_MS)];
  const domain = timelineDomain(timeline, winHours);
  const bins = useMemo(
    () => (domain === null ? [] : nodeBins(timeline, domain[0], domain[1], MAX_BINS, eventId)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the domain is keyed by its two numbers
    [timeline, domain?.[0], domain?.[1], eventId],
  );
  const svgRef = useRef<SVGSVGElement | null>(null);
  const dragFrom = useRef<number | null>(null);
  const [drag, setDrag] = useState<[number, number] | null>(null);

  const eventTotals = useMemo(
    () =>
      Object.entries(timeline.byEventId)
        .map(([id, counts]) => ({ id, total: counts.reduce((s, c) => s + c, 0) }))
        .sort((a, b) => b.total - a.total || a.id.localeCompare(b.id)),
    [timeline],
  );

  if (domain === null || timeline.hours.length === 0) {
    return <p className="muted">{t('node.none', { node: label })}</p>;
  }
  const width = bins[0]?.hours ?? 1;
  const x = scaleLinear()
    .domain([domain[0], domain[1] + 1])
    .range([0, WIDTH]);
  const max = bins.reduce((m, b) => Math.max(m, b.success + b.failure), 0);
  const y = scaleLinear()
    .domain([0, Math.max(1, max)])
    .range([0, BARS]);
  const maxAnomaly = bins.reduce((m, b) => Math.max(m, b.anomaly), 0);
  const ya = scaleLinear()
    .domain([0, Math.max(1e-9, maxAnomaly)])
    .range([0, ANOMALY - 2]);
  // At least 3 units wide: a lone hour in a long range must stay visible and clickable.
  const barWidth = Math.max(3, x(domain[0] + width) - x(domain[0]) - 0.5);
  const total = timeline.success.reduce((s, c) => s + c, 0) + timeline.failure.reduce((s, c) => s + c, 0);
  const failures = timeline.failure.reduce((s, c) => s + c, 0);

  /** The hour under a pointer, or null where the layout is unknown (no size). */
  const hourAt = (clientX: number): number | null => {
    const box = svgRef.current?.getBoundingClientRect();
    if (box === undefined || box.width === 0) return null;
    const h = Math.floor(x.invert(((clientX - box.left) / box.width) * WIDTH));
    return Math.min(domain[1], Math.max(domain[0], h));
  };

  return (
    <figure className="node-timeline">
      <div className="node-timeline-head">
        <strong>{label}</strong>
        <span className="muted">
          {t('node.summary', {
            total,
            failed: failures,
            from: hourText(timeline.hours[0]!),
            to: hourText(timeline.hours[timeline.hours.length - 1]!),
            zone: time.zoneName,
          })}
          {timeline.anomalyPeak !== null &&
            t('node.peak', {
              score: score(timeline.anomalyPeak.score),
              hour: hourText(timeline.anomalyPeak.hour),
            })}
        </span>
        <label>
          {t('node.eventId')}{' '}
          <select
            value={eventId ?? ''}
            onChange={(e) => setEventId(e.target.value === '' ? null : e.target.value)}
          >
            <option value="">{t('node.all')}</option>
            {eventTotals.map((e) => (
              <option key={e.id} value={e.id}>
                {e.id} ({e.total.toLocaleString(i18n.language)})
              </option>
            ))}
          </select>
        </label>
      </div>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('node.label', {
          node: label,
          per: width === 1 ? t('per.hour') : t('per.hours', { count: width }),
          zone: time.zoneName,
        })}
        onPointerDown={(e) => {
          dragFrom.current = hourAt(e.clientX);
        }}
        onPointerMove={(e) => {
          const h = hourAt(e.clientX);
          if (dragFrom.current !== null && h !== null && Math.abs(h - dragFrom.current) >= width)
            setDrag([Math.min(dragFrom.current, h), Math.max(dragFrom.current, h)]);
        }}
        onPointerUp={() => {
          const range = drag;
          dragFrom.current = null;
          setDrag(null);
          if (range !== null) onPickRange(range[0], range[1]);
        }}
        onPointerLeave={() => {
          dragFrom.current = null;
          setDrag(null);
        }}
      >
        {winHours !== null && (
          <rect
            className="hist-window"
            x={x(winHours[0])}
            y={0}
            width={Math.max(2, x(winHours[1]) - x(winHours[0]))}
            height={HEIGHT}
          />
        )}
        {drag !== null && (
          <rect
            className="timeline-drag"
            x={x(drag[0])}
            y={0}
            width={x(drag[1] + 1) - x(drag[0])}
            height={HEIGHT}
          />
        )}
        {bins.map((b) =>
          b.anomaly <= 0 ? null : (
            <rect
              key={`a${b.fromHour}`}
              className="timeline-anomaly"
              x={x(b.fromHour)}
              y={ANOMALY - ya(b.anomaly)}
              width={barWidth}
              height={ya(b.anomaly)}
            >
              <title>
                {t('node.anomalyBar', {
                  hour: hourText(b.fromHour),
                  score: score(b.anomaly),
                  zone: time.zoneName,
                })}
              </title>
            </rect>
          ),
        )}
        {bins.map((b) =>
          b.success + b.failure === 0 ? null : (
            <g
              key={b.fromHour}
              className="timeline-bar"
              data-hour={b.fromHour}
              onClick={() => {
                if (drag === null) onPickHour(b.fromHour);
              }}
            >
              <title>
                {t('node.bar', {
                  hour: hourText(b.fromHour),
                  zone: time.zoneName,
                  more: b.hours > 1 ? t('node.moreHours', { count: b.hours - 1 }) : '',
                  ok: b.success,
                  failed: b.failure,
                  anomaly: b.anomaly > 0 ? t('node.barAnomaly', { score: score(b.anomaly) }) : '',
                })}
              </title>
              <rect
                className="timeline-success"
                x={x(b.fromHour)}
                y={HEIGHT - y(b.success)}
                width={barWidth}
                height={y(b.success)}
              />
              <rect
                className="timeline-failure"
                x={x(b.fromHour)}
                y={HEIGHT - y(b.success) - y(b.failure)}
                width={barWidth}
                height={y(b.failure)}
              />
            </g>
          ),
        )}
      </svg>
      <figcaption>
        <span>{hourText(domain[0])}</span>
        <span>
          <span className="swatch success" /> {t('node.ok')} <span className="swatch failure" />{' '}
          {t('node.failed')} <span className="swatch anomaly" /> {t('node.anomaly')}
          {t('node.max', { max })}
        </span>
        <span>{hourText(domain[1])}</span>
      </figcaption>
    </figure>
  );
}
