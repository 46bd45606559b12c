import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useDatasetStateLabel } from '../features/datasets';
import { useDatasetList, type DatasetSummary } from '../lib/api';
import { DEFAULT_VIEW, serializeViewState, type ViewState } from '../lib/url-state';
import type { Navigate } from '../lib/use-view-state';

/**
 * `npm start` on a fresh data directory holds one dataset, the demo: the first page of a visit opens
 * it directly. Only once per page load, so that the LogonLens link still leads home afterwards.
 */
let autoOpened = false;

/** Lets a test start again as a fresh visit. */
export function resetAutoOpen(): void {
  autoOpened = false;
}

/** Names the server gives the datasets `npm start --demo` imports (src/server/demo). */
const DEMO_NAME = /^Demo: /;

/**
 * The dataset a fresh server opens on: its only dataset, or, when it holds nothing but the demo
 * datasets of `npm start`, the largest of them (the generated week with its attack). Undefined
 * when an analyst's own datasets are there: the home page lists them instead.
 */
export function freshServerDataset(list: readonly DatasetSummary[]): DatasetSummary | undefined {
  const ready = list.filter((d) => d.state === 'ready');
  if (ready.length === 0 || ready.length !== list.length) return undefined;
  if (ready.length === 1) return ready[0];
  if (!ready.every((d) => DEMO_NAME.test(d.name))) return undefined;
  return [...ready].sort((a, b) => b.counts.events - a.counts.events)[0];
}

const openState = (id: string): ViewState => ({ ...DEFAULT_VIEW, source: { kind: 'server', id } });

/**
 * The home page's list of the server's datasets (nothing without a server, e.g. the app served as
 * static files). When the server holds exactly one ready dataset and this is the first page of the
 * visit, it is opened (see freshServerDataset).
 */
export function HomeServerDatasets({ navigate }: { navigate: Navigate }) {
  const { t } = useTranslation('app');
  const stateLabel = useDatasetStateLabel();
  const list = useDatasetList();
  const only = list.data === undefined ? undefined : freshServerDataset(list.data);
  const settled = list.isError || list.isSuccess;
  useEffect(() => {
    if (!settled || autoOpened) return;
    // Whatever the answer, the first home page of the visit has been decided.
    autoOpened = true;
    if (only !== undefined) navigate(openState(only.id), { replace: true });
  }, [settled, only, navigate]);
  // A failed list only means there is no server here (or it is not reachable): say nothing.
  if (list.data === undefined || list.data.length === 0) return null;
  return (
    <section className="home-datasets" aria-label={t('home.title')}>
      <h3>{t('home.title')}</h3>
      <ul>
        {list.data.slice(0, 50).map((d) => (
          <li key={d.id}>
            <a
              href={`?${serializeViewState(openState(d.id))}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(openState(d.id));
              }}
            >
              {d.name}
            </a>{' '}
            <span className="muted">{describe(d, t, stateLabel)}</span>
          </li>
        ))}
      </ul>
      {list.data.length > 50 && (
        <p className="muted">
          <Trans
            t={t}
            i18nKey="home.more"
            count={list.data.length - 50}
            components={{ strong: <strong /> }}
          />
        </p>
      )}
    </section>
  );
}

function describe(d: DatasetSummary, t: TFunction<'app'>, stateLabel: (state: string) => string): string {
  const range =
    d.timeRange === null
      ? t('home.noEvents')
      : `${d.timeRange.from.slice(0, 10)} – ${d.timeRange.to.slice(0, 10)}`;
  const params = { range, count: d.counts.events };
  return d.state === 'ready'
    ? t('home.summary', params)
    : t('home.summaryState', { ...params, state: stateLabel(d.state) });
}
