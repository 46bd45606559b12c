import { scaleLinear } from 'd3-scale';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { zoneDateOf } from '../../../core/analysis/index.js';
import type { TimeRange } from '../../../core/dataset/index.js';
import { binHours } from './histogram-bins';
import { useTimeFormat } from '../../lib/use-time-format';

const HOUR_MS = 3_600_000;
const WIDTH = 800;
const HEIGHT = 56;
const MAX_BINS = 400;

export interface HistogramProps {
  /** Events per Unix hour over the whole dataset. */
  hourly: Array<[number, number]>;
  range: TimeRange;
  window: TimeRange | null;
  /** A bar was clicked: its date in the view's zone. */
  onPick(date: string): void;
}

const hourOf = (iso: string) => Math.floor(Date.parse(iso) / HOUR_MS);

/**
 * Events per hour over the whole dataset (UTC), with the current window marked. Memoised: its bars
 * (up to 400, each with a translated, time-formatted title) took 100+ ms to render, and the page
 * re-renders on every pan or zoom (the viewport is in the URL) while these props stay the same.
 */
export const Histogram = memo(function Histogram({ hourly, range, window, onPick }: HistogramProps) {
  const { t } = useTranslation('timeline');
  const time = useTimeFormat();
  const fromHour = hourOf(range.from);
  const toHour = hourOf(range.to);
  const bins = useMemo(() => binHours(hourly, fromHour, toHour, MAX_BINS), [hourly, fromHour, toHour]);
  const max = bins.reduce((m, b) => Math.max(m, b.count), 0);
  const x = scaleLinear()
    .domain([fromHour, toHour + 1])
    .range([0, WIDTH]);
  const y = scaleLinear()
    .domain([0, Math.max(1, max)])
    .range([0, HEIGHT - 4]);
  const win =
    window === null ? null : { a: x(hourOf(window.from)), b: x(Math.ceil(Date.parse(window.to) / HOUR_MS)) };
  const barWidth = Math.max(1, x(fromHour + (bins[0]?.hours ?? 1)) - x(fromHour) - 0.5);
  const binHoursCount = bins[0]?.hours ?? 1;
  const bars = useMemo(
    () =>
      bins.map((b) =>
        b.count === 0 ? null : (
          <rect
            key={b.fromHour}
            className="hist-bar"
            x={x(b.fromHour)}
            y={HEIGHT - y(b.count)}
            width={barWidth}
            height={y(b.count)}
            onClick={() => onPick(zoneDateOf(b.fromHour * HOUR_MS, time.zone))}
          >
            <title>
              {t('histogram.bar', {
                hour: time(b.fromHour * HOUR_MS, 'minute'),
                count: b.count,
              })}
            </title>
          </rect>
        ),
      ),
    // x and y follow from bins, fromHour and toHour.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [bins, fromHour, toHour, barWidth, onPick, time, t],
  );
  const perBar = binHoursCount === 1 ? t('per.hour') : t('per.hours', { count: binHoursCount });

  return (
    <figure className="histogram">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('histogram.label', { per: perBar, zone: time.zoneName })}
      >
        {win !== null && (
          <rect className="hist-window" x={win.a} y={0} width={Math.max(2, win.b - win.a)} height={HEIGHT} />
        )}
        {bars}
      </svg>
      <figcaption>
        <span>{time(range.from, 'date')}</span>
        <span>{t('histogram.caption', { per: perBar, max, zone: time.zoneName })}</span>
        <span>{time(range.to, 'date')}</span>
      </figcaption>
    </figure>
  );
});
