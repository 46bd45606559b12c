/**
 * Small hand-made datasets for tests (ours and the app's): write edges as compact rows and get a
 * valid Dataset with nodes filled in.
 */
import {
  DATASET_FORMAT_V1,
  type Dataset,
  type DatasetEdge,
  type DatasetNode,
  type Flag,
} from '../dataset/schema.js';
import { hourToIso } from './time.js';

export interface EdgeRow {
  account: string;
  source?: string | null;
  target?: string | null;
  eventId?: number;
  logonType?: string | null;
  status?: string | null;
  failure?: boolean;
  authPackage?: string | null;
  /** [[unixHour, count], ...] */
  hourly: Array<[number, number]>;
}

/** A node for an id like `account:corp\alice`, `host:ws1`, `ip:10.0.0.5`. */
export function makeNode(id: string, extra: Partial<DatasetNode> = {}): DatasetNode {
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon) as DatasetNode['kind'];
  const rest = id.slice(colon + 1);
  const slash = rest.indexOf('\\');
  const name = kind === 'account' && slash >= 0 ? rest.slice(slash + 1) : rest;
  const domain = kind === 'account' && slash >= 0 ? rest.slice(0, slash) : null;
  return {
    id,
    kind,
    label: kind === 'account' && domain ? `${domain.toUpperCase()}\\${name}` : name,
    name,
    domain,
    sid: null,
    ips: [],
    names: [],
    hidden: null,
    flags: [],
    notes: [],
    ...extra,
  };
}

export function makeFlag(kind: Flag['kind'], hour: number, count = 1, eventId = 4672): Flag {
  return { kind, time: hourToIso(hour), count, detail: '', eventId, computer: null, recordIds: [] };
}

/** A dataset from edge rows; nodes are created for every id mentioned (override with `nodes`). */
export function makeDataset(rows: EdgeRow[], nodes: DatasetNode[] = []): Dataset {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: DatasetEdge[] = rows.map((r, i) => {
    const hourly = [...r.hourly].sort((a, b) => a[0] - b[0]);
    const count = hourly.reduce((s, [, c]) => s + c, 0);
    for (const id of [r.account, r.source ?? null, r.target ?? null]) {
      if (id !== null && !byId.has(id)) byId.set(id, makeNode(id));
    }
    return {
      id: `e${i}`,
      account: r.account,
      source: r.source ?? null,
      target: r.target ?? null,
      eventId: r.eventId ?? 4624,
      logonType: r.logonType === undefined ? '3' : r.logonType,
      status: r.status ?? null,
      subStatus: null,
      authPackage: r.authPackage ?? null,
      failure: r.failure ?? false,
      count,
      first: hourToIso(hourly[0]![0]),
      last: hourToIso(hourly[hourly.length - 1]![0]),
      hourly,
    };
  });
  const allHours = edges.flatMap((e) => e.hourly.map(([h]) => h));
  return {
    format: DATASET_FORMAT_V1,
    generator: { name: 'test', version: '0' },
    createdAt: '2026-01-01T00:00:00Z',
    title: null,
    sources: [],
    timeRange:
      allHours.length === 0
        ? null
        : { from: hourToIso(Math.min(...allHours)), to: hourToIso(Math.max(...allHours) + 1) },
    window: null,
    readStats: { recordsRead: 0, eventsUsed: 0, eventsSkipped: {}, warnings: 0 },
    nodes: [...byId.values()],
    edges,
    rankings: [],
    detections: [],
  };
}
