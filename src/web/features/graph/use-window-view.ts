import { useEffect, useMemo, useState } from 'react';
import { hourlyHistogram, type WindowDiff, type WindowView } from '../../../core/analysis/index.js';
import type { Dataset } from '../../../core/dataset/index.js';
import { datasetFacets, type Facets } from '../../lib/facets';
import type { GraphElements } from './elements';
import { datasetParts } from './dataset-parts';
import type { DatasetSummary, ViewRequest, WindowGraphWire } from './view-worker-handler';
import { decodeViewInTasks } from './view-wire';
import { WindowGraphs, type WindowGraph, type WindowParams } from './window-graph';
import { LatestOnlyClient, workerPort, type Outcome } from './worker-protocol';

export interface WindowViewState {
  /** The latest computed view (the previous one while a new one is computed); null before the first. */
  view: WindowView | null;
  graph: GraphElements | null;
  /** The comparison with the previous window, when asked for (WindowParams.compare) and possible. */
  diff: WindowDiff | null;
  /** A newer window, filter or cap is being computed. */
  pending: boolean;
  /** Why the latest view could not be computed (the previous view, if any, stays shown). */
  error: string | null;
  /** The request the shown view answers (changes with every new view, even one with the same counts). */
  viewKey: string | null;
}

/** What the page draws of the whole dataset: the timeline's hours and the filters' choices. */
export interface DatasetOverview {
  hourly: Array<[number, number]>;
  facets: Facets;
}

/** Workers exist in browsers; jsdom (component tests) has none and computes inline. */
const HAS_WORKER = typeof Worker !== 'undefined';

const versions = new WeakMap<Dataset, number>();
let lastVersion = 0;
function versionOf(dataset: Dataset): number {
  let v = versions.get(dataset);
  if (v === undefined) versions.set(dataset, (v = ++lastVersion));
  return v;
}

type SendResult = 'sent' | 'superseded' | 'failed';

/**
 * The page's side of the view worker: starts it on the first request (and again after close, as
 * StrictMode's second mount does), sends each dataset once, then only parameters.
 */
class ViewEngine {
  private client: LatestOnlyClient | null = null;
  /** The dataset being sent (or sent) to the worker, and whether that went through. */
  private sending: { version: number; done: Promise<SendResult> } | null = null;
  /** Used only when no worker can start (a strict CSP): the same computation, on this thread. */
  private inline: { dataset: Dataset; graphs: WindowGraphs } | null = null;

  async request(dataset: Dataset, version: number, params: WindowParams): Promise<Outcome<WindowGraph>> {
    const client = this.start();
    if (client === null) {
      try {
        if (this.inline?.dataset !== dataset) this.inline = { dataset, graphs: new WindowGraphs(dataset) };
        return { status: 'done', result: this.inline.graphs.compute(params) };
      } catch (e) {
        return { status: 'error', message: e instanceof Error ? e.message : String(e) };
      }
    }
    if (this.sending?.version !== version)
      this.sending = { version, done: this.send(client, dataset, version) };
    const sent = await this.sending.done;
    if (sent === 'superseded') return { status: 'cancelled' };
    if (sent === 'failed')
      return { status: 'error', message: 'The dataset could not be sent to the graph worker.' };
    const outcome = await client.request<WindowGraphWire>('view', { version, params } satisfies ViewRequest);
    if (outcome.status !== 'done') return outcome;
    // The view's nodes and edges are this page's own dataset objects, by position (view-wire.ts).
    const view = await decodeViewInTasks(outcome.result.view, dataset);
    return { status: 'done', result: { ...outcome.result, view } };
  }

  /** The dataset's timeline and filter choices, computed in the worker (null when it cannot). */
  async overview(dataset: Dataset, version: number): Promise<DatasetOverview | null> {
    const client = this.start();
    if (client === null) return inlineOverview(dataset);
    if (this.sending?.version !== version)
      this.sending = { version, done: this.send(client, dataset, version) };
    const sent = await this.sending.done;
    if (sent === 'superseded') return null;
    // The worker could not take the dataset or failed: the same computation here, once.
    if (sent === 'failed') return inlineOverview(dataset);
    const outcome = await client.request<DatasetSummary>('summary', { version });
    if (outcome.status === 'cancelled') return null;
    return outcome.status === 'done' ? outcome.result : inlineOverview(dataset);
  }

  close(): void {
    this.client?.close();
    this.client = null;
    this.sending = null;
  }

  /** Posts the dataset in parts, one task each, so that cloning it never blocks the page long. */
  private async send(client: LatestOnlyClient, dataset: Dataset, version: number): Promise<SendResult> {
    let first = true;
    for (const part of datasetParts(version, dataset)) {
      if (!first) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        // A newer dataset took over (its own parts follow), or the worker was closed.
        if (this.sending?.version !== version || this.client !== client) return 'superseded';
      }
      first = false;
      if (!client.post('dataset-part', part)) return 'failed';
    }
    return 'sent';
  }

  private start(): LatestOnlyClient | null {
    if (this.client !== null) return this.client;
    try {
      const worker = new Worker(new URL('./view-worker.ts', import.meta.url), { type: 'module' });
      this.client = new LatestOnlyClient(workerPort(worker));
    } catch {
      this.client = null;
    }
    return this.client;
  }
}

function inlineOverview(dataset: Dataset): DatasetOverview {
  return { hourly: hourlyHistogram(dataset), facets: datasetFacets(dataset) };
}

/**
 * The window view and its graph elements for a dataset, computed in a Web Worker: the dataset is
 * sent to it once, then only these parameters. A change while a computation runs replaces it (the
 * page ends on the latest parameters); the previous view stays until the new one arrives.
 */
export function useWindowView(
  dataset: Dataset,
  params: WindowParams,
): WindowViewState & { overview: DatasetOverview | null } {
  const [engine] = useState(() => (HAS_WORKER ? new ViewEngine() : null));
  const [overview, setOverview] = useState<{ dataset: Dataset; value: DatasetOverview } | null>(null);
  const [result, setResult] = useState<{ key: string; value: WindowGraph } | null>(null);
  const [error, setError] = useState<{ key: string; message: string } | null>(null);

  // The selection only matters when the view is capped (it is kept): elsewhere it must not
  // recompute anything.
  const capped = result !== null && result.value.view.nodes.length > params.maxNodes;
  const request: WindowParams = { ...params, selected: capped ? params.selected : null };
  const version = versionOf(dataset);
  const key = JSON.stringify([version, request]);

  useEffect(() => () => engine?.close(), [engine]);

  useEffect(() => {
    if (engine === null) return;
    let live = true;
    const parsed = JSON.parse(key) as [number, WindowParams];
    void engine.request(dataset, parsed[0], parsed[1]).then((outcome) => {
      if (!live || outcome.status === 'cancelled') return;
      if (outcome.status === 'done') {
        setResult({ key, value: outcome.result });
        setError(null);
      } else setError({ key, message: outcome.message });
    });
    return () => {
      live = false;
    };
  }, [engine, dataset, key]);

  // The timeline and filter choices of the whole dataset: a pass over every edge, in the worker.
  useEffect(() => {
    if (engine === null) return;
    let live = true;
    void engine.overview(dataset, versionOf(dataset)).then((value) => {
      if (live && value !== null) setOverview({ dataset, value });
    });
    return () => {
      live = false;
    };
  }, [engine, dataset]);
  const inlineSummary = useMemo(() => (engine === null ? inlineOverview(dataset) : null), [engine, dataset]);
  const shownOverview = inlineSummary ?? (overview?.dataset === dataset ? overview.value : null);

  // Without workers (jsdom in component tests) the view is computed inline, synchronously.
  const graphs = useMemo(() => (engine === null ? new WindowGraphs(dataset) : null), [engine, dataset]);
  const inline = useMemo(
    () => (graphs === null ? null : graphs.compute((JSON.parse(key) as [number, WindowParams])[1])),
    [graphs, key],
  );

  if (inline !== null)
    return {
      view: inline.view,
      graph: inline.graph,
      diff: inline.diff,
      pending: false,
      error: null,
      viewKey: key,
      overview: shownOverview,
    };
  return {
    view: result?.value.view ?? null,
    graph: result?.value.graph ?? null,
    diff: result?.value.diff ?? null,
    pending: result?.key !== key && error?.key !== key,
    error: error?.key === key ? error.message : null,
    viewKey: result?.key ?? null,
    overview: shownOverview,
  };
}
