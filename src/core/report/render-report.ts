/**
 * The offline report (issue 13): one self-contained HTML file of a window of a dataset, for a case
 * file. Pure: the CLI (`logonlens report`) and the app's "download report" call the same function.
 * Everything from the logs is escaped (escape.ts); the page carries a Content-Security-Policy that
 * forbids every network access and allows only its own inline style and script, by hash.
 */
import { computeView, type WindowView } from '../analysis/view.js';
import { DEFAULT_FILTERS, type ViewFilters } from '../analysis/view-filters.js';
import type { PageRankMode } from '../analysis/scores.js';
import { zonedTimeText } from '../analysis/time-zone.js';
import type { Dataset, DatasetNode, DatasetSource, Detection, TimeRange } from '../dataset/schema.js';
import { GENERATOR } from '../version.js';
import { edgeTargetEnds } from '../dataset/annotations.js';
import { readAnnotations, type ReportAnnotation } from './annotations.js';
import { displaySafe, escapeHtml, jsonForScript, logText } from './escape.js';
import { graphLinks, renderGraphSvg, styleKind } from './graph-svg.js';
import { REPORT_SCRIPT } from './report-script.js';
import { REPORT_STYLE } from './report-style.js';
import { cspHash } from './sha256.js';

export interface ReportOptions {
  /** The window shown; null = the dataset's own window, or its whole time range. */
  window: TimeRange | null;
  filters?: ViewFilters;
  pagerank?: PageRankMode;
  /** When the report was made (UTC ISO): given by the caller so that rendering stays pure. */
  generatedAt: string;
  /** What the reader calls the dataset (file name, server name); shown in the header. */
  datasetName?: string | null;
  /** The analyst's notes; when absent, the dataset's own optional `annotations` field is read. */
  annotations?: unknown;
  /** Nodes drawn in the graph at most (the highest-ranked); the tables list them all up to their cap. */
  maxGraphNodes?: number;
  /** Rows of each table at most. */
  maxRows?: number;
  /** IANA zone (or `±HH:MM`) the times are written in; UTC ISO times when left out (issue 13). */
  timeZone?: string | null;
}

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2, info: 3 } as const;

/** The scores shown as columns, in this order. */
const SCORE_COLUMNS = ['pagerank', 'anomaly', 'failures', 'degree'] as const;

export function formatScore(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '–';
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3);
}

/** The report as one HTML document. */
export function renderReport(dataset: Dataset, options: ReportOptions): string {
  const filters = options.filters ?? DEFAULT_FILTERS;
  const window = options.window ?? dataset.window;
  const view = computeView(dataset, window, filters, { pagerank: options.pagerank ?? 'standard' });
  const maxRows = options.maxRows ?? 5000;
  const maxGraph = options.maxGraphNodes ?? 300;
  const zone = options.timeZone ?? null;
  // The analyst's zone when one is chosen (with its offset on every time); raw UTC ISO otherwise.
  const when = (iso: string) => (zone === null ? iso : zonedTimeText(iso, zone));

  // Nodes by PageRank (ties by label, then id), numbered in that order for the graph, table and script.
  const pr = (n: DatasetNode): number => view.rankings.get(n.id)?.scores.pagerank ?? 0;
  const ranked = [...view.nodes].sort(
    (a, b) => pr(b) - pr(a) || a.label.localeCompare(b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const drawn = pickDrawn(ranked, view, maxGraph);
  const rankOf = new Map(ranked.map((n, i) => [n.id, i]));
  const numbers = drawn.map((n) => rankOf.get(n.id)!);
  const links = graphLinks(view, new Map(drawn.map((n, i) => [n.id, i])));
  // For the script, by a node's number (its rank): its label and its drawn neighbours.
  const neighbours: Record<number, number[]> = {};
  const labels: Record<number, string> = {};
  drawn.forEach((n, i) => {
    neighbours[numbers[i]!] = [];
    labels[numbers[i]!] = displaySafe(n.label.slice(0, 300));
  });
  for (const l of links) {
    neighbours[numbers[l.a]!]!.push(numbers[l.b]!);
    neighbours[numbers[l.b]!]!.push(numbers[l.a]!);
  }
  const labelOf = new Map(dataset.nodes.map((n) => [n.id, n.label]));
  const data = { labels, neighbours };

  const title = dataset.title ?? options.datasetName ?? 'dataset';
  const body = [
    header(dataset, options, title),
    windowSection(dataset, view, filters, options.pagerank ?? 'standard', zone),
    graphSection(drawn, numbers, links, view, ranked.length),
    rankingsSection(ranked, view, maxRows),
    detectionsSection(view.detections, labelOf, rankOf, maxRows, when),
    flagsSection(view, maxRows, when),
    edgesSection(view, labelOf, maxRows, when),
    notesSection(options.annotations ?? dataset.annotations, dataset, labelOf),
    sourcesSection(dataset),
    footer(dataset, options),
  ].join('\n');

  const style = REPORT_STYLE;
  const script = REPORT_SCRIPT;
  const csp = [
    "default-src 'none'",
    `style-src ${cspHash(style)}`,
    `script-src ${cspHash(script)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`${GENERATOR.name} ${GENERATOR.version}`)}">
<title>LogonLens report: ${logText(title, 200)}</title>
<style>${style}</style>
</head>
<body>
${body}
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}

/**
 * The nodes drawn when there are more than `max`: the highest-ranked accounts, each with its
 * sources and targets (highest-ranked first), so that the picture shows who logged on where rather
 * than a cloud of unconnected hosts; then, if room is left, the next nodes by rank. In rank order.
 */
function pickDrawn(ranked: DatasetNode[], view: WindowView, max: number): DatasetNode[] {
  if (ranked.length <= max) return ranked;
  const rank = new Map(ranked.map((n, i) => [n.id, i]));
  const around = new Map<string, Set<string>>();
  const link = (a: string, b: string | null): void => {
    if (b === null) return;
    let s = around.get(a);
    if (s === undefined) around.set(a, (s = new Set()));
    s.add(b);
  };
  for (const e of view.edges) {
    link(e.account, e.source);
    link(e.account, e.target);
  }
  const chosen = new Set<string>();
  for (const n of ranked) {
    if (chosen.size >= max) break;
    if (n.kind !== 'account') continue;
    chosen.add(n.id);
    const ends = [...(around.get(n.id) ?? [])].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    for (const id of ends) if (chosen.size < max) chosen.add(id);
  }
  for (const n of ranked) if (chosen.size < max) chosen.add(n.id);
  return ranked.filter((n) => chosen.has(n.id));
}

function header(d: Dataset, o: ReportOptions, title: string): string {
  return `<header>
<h1>LogonLens report: ${logText(title, 200)}</h1>
<p class="muted">Made ${escapeHtml(o.generatedAt)} by ${escapeHtml(GENERATOR.name)} ${escapeHtml(GENERATOR.version)}${
    o.datasetName ? ` from ${logText(o.datasetName, 300)}` : ''
  }. All times are UTC.</p>
</header>`;
}

function describeFilters(f: ViewFilters): Array<[string, string]> {
  return [
    ['Event IDs', f.eventIds === null ? 'all' : f.eventIds.join(', ')],
    ['Logon types', f.logonTypes === null ? 'all' : f.logonTypes.join(', ')],
    ['Outcome', f.outcome === 'any' ? 'success and failure' : f.outcome],
    ['Minimum events per edge', String(Math.max(1, f.minCount))],
    ['Search', f.search === '' ? 'none' : f.search],
    [
      'Hidden accounts and sources',
      f.showHidden ? 'shown' : 'not shown (machine, anonymous, well-known, local)',
    ],
  ];
}

function windowSection(
  d: Dataset,
  view: WindowView,
  f: ViewFilters,
  pagerank: PageRankMode,
  zone: string | null = null,
): string {
  const when = (iso: string) => (zone === null ? iso : zonedTimeText(iso, zone));
  const range = d.timeRange === null ? 'no events' : `${when(d.timeRange.from)} → ${when(d.timeRange.to)}`;
  const win =
    view.window === null
      ? `the whole dataset (${range})`
      : `${when(view.window.from)} → ${when(view.window.to)}`;
  const rows: Array<[string, string]> = [
    ['Window', win],
    ['Dataset time range', range],
    ['Times shown in', zone ?? 'UTC'],
    ...describeFilters(f),
    ['PageRank', pagerank],
    [
      'Shown',
      `${view.nodes.length} of ${view.totals.nodes} nodes, ${view.edges.length} of ${view.totals.edges} edges, ${view.detections.length} detections`,
    ],
  ];
  const caps =
    d.caps === null || d.caps === undefined
      ? ''
      : `<p class="notice">The dataset was cut by the server: ${d.caps.edgesShown} of ${d.caps.edgesTotal} edges, ${d.caps.nodesShown} of ${d.caps.nodesTotal} nodes.</p>`;
  return `<section id="window"><h2>Window and filters</h2>
<dl class="meta">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${logText(v, 500)}</dd>`).join('')}</dl>${caps}</section>`;
}

function graphSection(
  drawn: DatasetNode[],
  numbers: number[],
  links: ReturnType<typeof graphLinks>,
  view: WindowView,
  total: number,
): string {
  if (drawn.length === 0)
    return '<section id="graph-section"><h2>Graph</h2><p>No nodes in this window with these filters.</p></section>';
  const capped =
    drawn.length < total
      ? `<p class="notice">Showing ${drawn.length} of ${total} nodes: the highest-ranked accounts with their hosts and sources. The tables list them all.</p>`
      : '';
  const legend = [
    ['sw-privileged', 'privileged account'],
    ['sw-account', 'account'],
    ['sw-host', 'host (diamond)'],
    ['sw-ip', 'IP address (triangle)'],
    ['sw-domain', 'domain'],
    ['sw-ok', 'logons'],
    ['sw-mixed', 'some failed'],
    ['sw-failed', 'all failed'],
  ]
    .map(([cls, text]) => `<span><span class="swatch ${cls}"></span>${text}</span>`)
    .join('');
  return `<section id="graph-section"><h2>Graph</h2>${capped}
<div class="graph-box"><div class="graph-tools">
<button type="button" data-graph="zoom-in" aria-label="Zoom in">+</button>
<button type="button" data-graph="zoom-out" aria-label="Zoom out">−</button>
<button type="button" data-graph="reset">Reset view</button>
<span class="legend">${legend}<span class="muted">size: PageRank; octagon: account created, deleted, regrouped or replicating</span></span>
</div>
${renderGraphSvg(drawn, numbers, links, view.rankings)}
</div>
<p>Selected: <span id="selected-node">none (click a node or a ranking row)</span>. Drag to pan, wheel to zoom.</p>
</section>`;
}

function th(label: string, numeric = false): string {
  return `<th scope="col"${numeric ? ' class="num"' : ''}><button type="button">${escapeHtml(label)}</button></th>`;
}

function tableTools(id: string, shown: number, total: number, what: string): string {
  const cut = shown < total ? ` <span class="notice">first ${shown} of ${total} ${what}</span>` : '';
  return `<div class="table-tools"><input type="search" data-filter="${id}" placeholder="Filter ${what}…" aria-label="Filter ${what}"><span data-count="${id}">${shown} row${shown === 1 ? '' : 's'}</span>${cut}</div>`;
}

function num(v: number | undefined): string {
  const sort = v === undefined || !Number.isFinite(v) ? '-1' : String(v);
  return `<td class="num" data-sort="${sort}">${formatScore(v)}</td>`;
}

function rankingsSection(ranked: DatasetNode[], view: WindowView, maxRows: number): string {
  const rows = ranked.slice(0, maxRows).map((n, i) => {
    const r = view.rankings.get(n.id);
    const reasons =
      r === undefined || r.reasons.length === 0
        ? '<span class="muted">–</span>'
        : `<ul>${r.reasons
            .slice(0, 20)
            .map(
              (x) => `<li>${logText(x.text, 1000)} <span class="muted">(${logText(x.score, 40)})</span></li>`,
            )
            .join('')}</ul>`;
    return `<tr data-n="${i}"><td class="num" data-sort="${i + 1}">${i + 1}</td><td>${logText(n.label, 300)}</td><td>${escapeHtml(styleKind(n) === 'privileged' ? 'account (privileged)' : n.kind)}</td>${SCORE_COLUMNS.map((s) => num(r?.scores[s])).join('')}<td>${reasons}</td></tr>`;
  });
  return `<section id="rankings-section"><h2>Rankings with reasons</h2>
<p class="muted">Scores are recomputed for this window and these filters. Click a column to sort, a row to select its node in the graph.</p>
${tableTools('rankings', rows.length, ranked.length, 'nodes')}
<div class="scroll"><table class="data" id="rankings"><thead><tr>${th('#', true)}${th('Name')}${th('Kind')}${th('PageRank', true)}${th('Anomaly', true)}${th('Failures', true)}${th('Degree', true)}${th('Reasons')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div></section>`;
}

function detectionsSection(
  all: Detection[],
  labelOf: Map<string, string>,
  rankOf: Map<string, number>,
  maxRows: number,
  when: (iso: string) => string = (iso) => iso,
): string {
  if (all.length === 0)
    return '<section id="detections"><h2>Detections</h2><p>No detections in this window.</p></section>';
  const sorted = [...all].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.first < b.first ? -1 : a.first > b.first ? 1 : 0),
  );
  const shown = sorted.slice(0, maxRows);
  const items = shown.map((d) => {
    const nodes = d.nodes
      .slice(0, 50)
      .map((id) => {
        const text = logText(labelOf.get(id) ?? id, 200);
        const n = rankOf.get(id);
        // A node of the window: a button that selects it in the graph and the ranking.
        return n === undefined
          ? text
          : `<button type="button" class="link" data-select="${n}">${text}</button>`;
      })
      .join(', ');
    const more = d.nodes.length > 50 ? ` … and ${d.nodes.length - 50} more` : '';
    const ev = d.evidence;
    return `<article class="detection" data-kind="${logText(d.kind, 100)}">
<h3><span class="sev sev-${d.severity}">${d.severity}</span> ${logText(d.title, 500)}</h3>
<dl class="meta">
<dt>Kind</dt><dd>${logText(d.kind, 100)}</dd>
<dt>When</dt><dd>${escapeHtml(when(d.first))} → ${escapeHtml(when(d.last))} (${d.count} events)</dd>
<dt>Accounts and hosts</dt><dd>${nodes === '' ? '–' : nodes}${more}</dd>
<dt>Detail</dt><dd class="pre">${logText(d.detail, 5000)}</dd>
<dt>Evidence event IDs</dt><dd class="evidence">${ev.eventIds.join(', ') || '–'}</dd>
<dt>Evidence record IDs</dt><dd class="evidence">${ev.recordIds.join(', ') || '–'}</dd>
<dt>Logged by</dt><dd class="evidence">${ev.computers.map((c) => logText(c, 300)).join(', ') || '–'}</dd>
</dl></article>`;
  });
  const cut =
    shown.length < all.length
      ? `<p class="notice">First ${shown.length} of ${all.length} detections.</p>`
      : '';
  return `<section id="detections"><h2>Detections (${all.length})</h2>${cut}\n${items.join('\n')}</section>`;
}

/**
 * What the accounts and hosts of the window did or had done to them (created, deleted, group
 * changes, replication, log cleared, policy changed, explicit credentials), with the record IDs to
 * find each event again. Privileged logons (4672) are everywhere: counted, not listed.
 */
function flagsSection(
  view: WindowView,
  maxRows: number,
  when: (iso: string) => string = (iso) => iso,
): string {
  const rows: Array<{ node: DatasetNode; flag: DatasetNode['flags'][number] }> = [];
  let privileged = 0;
  for (const node of view.nodes)
    for (const flag of node.flags) {
      if (flag.kind === 'privileged') privileged += flag.count;
      else rows.push({ node, flag });
    }
  rows.sort((a, b) => (a.flag.time < b.flag.time ? -1 : a.flag.time > b.flag.time ? 1 : 0));
  const privilegedText =
    privileged > 0 ? `<p>${privileged} privileged logons (4672) by the accounts shown, not listed.</p>` : '';
  if (rows.length === 0)
    return `<section id="changes"><h2>Account and host events</h2><p>No account, group, policy or log changes in this window.</p>${privilegedText}</section>`;
  const body = rows
    .slice(0, maxRows)
    .map(
      ({ node, flag }) =>
        `<tr><td class="time">${escapeHtml(when(flag.time))}</td><td>${logText(node.label, 200)}</td><td>${escapeHtml(flag.kind)}</td><td class="num" data-sort="${flag.eventId}">${flag.eventId}</td><td class="num" data-sort="${flag.count}">${flag.count}</td><td class="pre">${logText(flag.detail, 2000)}</td><td>${flag.computer === null ? '–' : logText(flag.computer, 200)}</td><td class="evidence">${flag.recordIds.slice(0, 100).join(', ') || '–'}${flag.recordIds.length > 100 ? ' …' : ''}</td></tr>`,
    );
  return `<section id="changes"><h2>Account and host events</h2>${privilegedText}
${tableTools('changes-table', body.length, rows.length, 'events')}
<div class="scroll"><table class="data" id="changes-table"><thead><tr>${th('Time')}${th('Account or host')}${th('Kind')}${th('Event', true)}${th('Count', true)}${th('Detail')}${th('Logged by')}${th('Record IDs')}</tr></thead>
<tbody>${body.join('\n')}</tbody></table></div></section>`;
}

function edgesSection(
  view: WindowView,
  labelOf: Map<string, string>,
  maxRows: number,
  when: (iso: string) => string = (iso) => iso,
): string {
  const edges = [...view.edges].sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  const name = (id: string | null): string => (id === null ? '–' : logText(labelOf.get(id) ?? id, 200));
  const opt = (v: string | null): string => (v === null ? '–' : logText(v, 100));
  const rows = edges
    .slice(0, maxRows)
    .map(
      (e) =>
        `<tr><td>${name(e.account)}</td><td>${name(e.source)}</td><td>${name(e.target)}</td><td class="num" data-sort="${e.eventId}">${e.eventId}</td><td>${opt(e.logonType)}</td><td>${opt(e.authPackage)}</td><td>${e.failure ? `failure ${opt(e.status)}${e.subStatus === null ? '' : ` / ${opt(e.subStatus)}`}` : 'success'}</td><td class="num" data-sort="${e.count}">${e.count}</td><td class="time">${escapeHtml(when(e.first))}</td><td class="time">${escapeHtml(when(e.last))}</td></tr>`,
    );
  return `<section id="edges-section"><h2>Logons in the window</h2>
${tableTools('edges', rows.length, edges.length, 'logons')}
<div class="scroll"><table class="data" id="edges"><thead><tr>${th('Account')}${th('From')}${th('To (logged by)')}${th('Event', true)}${th('Logon type')}${th('Package')}${th('Result')}${th('Events', true)}${th('First')}${th('Last')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div></section>`;
}

function targetText(a: ReportAnnotation, d: Dataset, labelOf: Map<string, string>): string {
  const id = a.target.id;
  if (a.target.kind === 'dataset' || id === null) return 'the dataset';
  if (a.target.kind === 'node') return `node ${logText(labelOf.get(id) ?? id, 200)}`;
  if (a.target.kind === 'detection') {
    const det = d.detections.find((x) => x.id === id);
    return `detection ${logText(det?.title ?? id, 300)}`;
  }
  const end = (n: string | null): string => (n === null ? '–' : (labelOf.get(n) ?? n));
  const e = d.edges.find((x) => x.id === id);
  if (e === undefined) {
    // The app annotates a drawn link (`link:[account, other, role]`): name its two ends.
    const link = edgeTargetEnds(id);
    if (link === null || link.role === null) return `edge ${logText(id, 200)}`;
    const [a, b] = link.role === 'from' ? [link.other, link.account] : [link.account, link.other];
    return `edge ${logText(`${end(a)} → ${end(b)}`, 400)}`;
  }
  return `edge ${logText(`${end(e.source)} → ${end(e.account)} → ${end(e.target)} (${e.eventId})`, 400)}`;
}

function notesSection(raw: unknown, d: Dataset, labelOf: Map<string, string>): string {
  const { items, skipped } = readAnnotations(raw);
  const skippedText =
    skipped > 0
      ? `<p class="notice">${skipped} annotation entries could not be read and are left out.</p>`
      : '';
  if (items.length === 0)
    return `<section id="notes"><h2>Analyst notes</h2><p>There are no analyst notes in this dataset.</p>${skippedText}</section>`;
  const list = items.map(
    (a) =>
      `<li><strong>${targetText(a, d, labelOf)}</strong>${a.tags.map((t) => ` <span class="tag">${logText(t, 100)}</span>`).join('')}${
        a.updatedAt === null ? '' : ` <span class="muted">${logText(a.updatedAt, 40)}</span>`
      }${a.author === null ? '' : ` <span class="muted">by ${logText(a.author, 100)}</span>`}${
        a.note === '' ? '' : `<div class="pre">${logText(a.note, 20_000)}</div>`
      }</li>`,
  );
  return `<section id="notes"><h2>Analyst notes (${items.length})</h2>${skippedText}<ul>${list.join('\n')}</ul></section>`;
}

function sourceRow(s: DatasetSource): string {
  if (s.kind === 'file')
    return `<tr><td>file</td><td>${logText(s.name, 500)}</td><td>${s.format ?? '–'}</td><td class="num" data-sort="${s.size}">${s.size}</td><td class="hash">${s.sha256 ?? 'not computed'}</td></tr>`;
  const version = [s.distribution, s.version].filter((x) => typeof x === 'string' && x !== '').join(' ');
  return `<tr><td>elasticsearch</td><td>${logText(`${s.cluster} ${s.indexPattern}`, 500)}${version === '' ? '' : ` (${logText(version, 100)})`}</td><td>${escapeHtml(s.from)} → ${escapeHtml(s.to)}</td><td class="num" data-sort="0">–</td><td class="hash">–</td></tr>`;
}

function sourcesSection(d: Dataset): string {
  const s = d.readStats;
  const skipped = Object.entries(s.eventsSkipped)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `<section id="sources"><h2>Sources</h2>
<div class="scroll"><table class="data" id="source-table"><thead><tr>${th('Kind')}${th('Name')}${th('Format or range')}${th('Bytes', true)}${th('SHA-256')}</tr></thead>
<tbody>${d.sources.map(sourceRow).join('\n')}</tbody></table></div>
<p>${s.recordsRead} records read, ${s.eventsUsed} events used${skipped === '' ? '' : `, skipped: ${logText(skipped, 2000)}`}, ${s.warnings} reader warnings.</p></section>`;
}

function footer(d: Dataset, o: ReportOptions): string {
  return `<footer><h2>About this report</h2><dl class="meta">
<dt>Report made</dt><dd>${escapeHtml(o.generatedAt)} by ${escapeHtml(GENERATOR.name)} ${escapeHtml(GENERATOR.version)}</dd>
<dt>Dataset analyzed</dt><dd>${escapeHtml(d.createdAt)} by ${logText(`${d.generator.name} ${d.generator.version}`, 200)} (${escapeHtml(d.format)})</dd>
</dl><p class="muted">This file opens offline: it loads nothing from any network and its Content-Security-Policy forbids it.</p></footer>`;
}
