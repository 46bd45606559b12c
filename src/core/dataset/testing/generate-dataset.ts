import { DATASET_FORMAT_V1, type Dataset, type DatasetEdge, type DatasetNode, type Flag } from '../schema.js';
import { seededRandom } from '../../testing/prng.js';

/**
 * A deterministic generator of valid datasets for tests and measurements (not real analysis: the
 * rankings are placeholders; the app recomputes them for its window). Pure: runs in Node and jsdom.
 */
export interface GenerateOptions {
  accounts?: number;
  hosts?: number;
  /** Bare IP sources (no host name). */
  ips?: number;
  /** Days covered, starting at `start` (UTC midnight). */
  days?: number;
  start?: string;
  /** Logon edges per account (distinct source/target/event combinations). */
  edgesPerAccount?: number;
  seed?: number;
  /** Extra account names used verbatim (hostile strings for escaping tests). */
  extraAccountNames?: string[];
  title?: string | null;
}

const HOUR_MS = 3_600_000;
const EVENT_IDS = [4624, 4624, 4624, 4625, 4768, 4769, 4776] as const;
const LOGON_TYPES = ['3', '3', '10', '2', '5'] as const;
const PACKAGES = ['NTLM', 'Kerberos', 'Negotiate'] as const;

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

function node(
  partial: Partial<DatasetNode> & Pick<DatasetNode, 'id' | 'kind' | 'label' | 'name'>,
): DatasetNode {
  return { domain: null, sid: null, ips: [], names: [], hidden: null, flags: [], notes: [], ...partial };
}

export function generateDataset(options: GenerateOptions = {}): Dataset {
  const nAccounts = options.accounts ?? 20;
  const nHosts = options.hosts ?? 10;
  const nIps = options.ips ?? 3;
  const days = Math.max(1, options.days ?? 3);
  const startMs = Date.parse(options.start ?? '2021-12-01T00:00:00Z');
  const perAccount = Math.max(1, options.edgesPerAccount ?? 3);
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  const domain = node({ id: 'domain:corp', kind: 'domain', label: 'CORP', name: 'corp' });
  const hosts: DatasetNode[] = [];
  for (let i = 0; i < nHosts; i++) {
    const name = i === 0 ? 'dc01' : `ws${String(i).padStart(4, '0')}`;
    hosts.push(
      node({
        id: `host:${name}`,
        kind: 'host',
        label: name.toUpperCase(),
        name,
        ips: [`10.0.${i >> 8}.${i & 255}`],
      }),
    );
  }
  const ips: DatasetNode[] = [];
  for (let i = 0; i < nIps; i++) {
    const address = `192.168.${i >> 8}.${(i & 255) + 1}`;
    ips.push(node({ id: `ip:${address}`, kind: 'ip', label: address, name: address }));
  }
  const names = [...(options.extraAccountNames ?? [])];
  for (let i = 0; names.length < nAccounts + (options.extraAccountNames?.length ?? 0); i++)
    names.push(`user${String(i).padStart(4, '0')}`);
  const accounts = names.map((name, i) => {
    const flags: Flag[] = [];
    const flagTime = iso(startMs + Math.floor(random() * days * 24) * HOUR_MS);
    if (i % 7 === 0)
      flags.push({
        kind: 'privileged',
        time: flagTime,
        count: 1,
        detail: 'special privileges assigned (4672)',
        eventId: 4672,
        computer: 'dc01',
        recordIds: [i],
      });
    if (i % 11 === 5)
      flags.push({
        kind: 'created',
        time: flagTime,
        count: 1,
        detail: 'account created by admin',
        eventId: 4720,
        computer: 'dc01',
        recordIds: [i],
      });
    return node({
      id: `account:corp\\${name.toLowerCase()}`,
      kind: 'account',
      label: name,
      name: name.toLowerCase(),
      domain: 'corp',
      sid: `S-1-5-21-1-2-3-${1000 + i}`,
      flags,
    });
  });
  const machine = node({
    id: 'account:corp\\ws0001$',
    kind: 'account',
    label: 'WS0001$',
    name: 'ws0001$',
    domain: 'corp',
    hidden: 'machine-account',
  });

  const edges: DatasetEdge[] = [];
  const seen = new Set<string>();
  const endMs = startMs + days * 24 * HOUR_MS;
  const addEdge = (account: DatasetNode, source: DatasetNode | null, target: DatasetNode | null) => {
    const eventId = pick(EVENT_IDS);
    const logonType = eventId === 4624 || eventId === 4625 ? pick(LOGON_TYPES) : null;
    const authPackage =
      eventId === 4776 ? 'NTLM' : eventId === 4768 || eventId === 4769 ? 'Kerberos' : pick(PACKAGES);
    const failure = eventId === 4625 || random() < 0.03;
    const key = [account.id, source?.id, target?.id, eventId, logonType, authPackage, failure].join('|');
    if (seen.has(key)) return;
    seen.add(key);
    const buckets = new Map<number, number>();
    const nBuckets = 1 + Math.floor(random() * 4);
    for (let b = 0; b < nBuckets; b++) {
      const hour = Math.floor((startMs + random() * (endMs - startMs)) / HOUR_MS);
      buckets.set(hour, (buckets.get(hour) ?? 0) + 1 + Math.floor(random() * 5));
    }
    const hourly = [...buckets.entries()].sort((a, b) => a[0] - b[0]);
    const count = hourly.reduce((s, [, c]) => s + c, 0);
    const firstHour = (hourly[0] as [number, number])[0];
    const lastHour = (hourly[hourly.length - 1] as [number, number])[0];
    edges.push({
      id: `e${edges.length}`,
      account: account.id,
      source: source?.id ?? null,
      target: target?.id ?? null,
      eventId,
      logonType,
      status: failure ? '0xc000006d' : null,
      subStatus: failure ? '0xc000006a' : null,
      authPackage,
      failure,
      count,
      first: iso(firstHour * HOUR_MS + 60_000),
      last: iso(lastHour * HOUR_MS + 120_000),
      hourly,
    });
  };
  const sources = [...hosts, ...ips];
  for (const account of accounts) {
    for (let k = 0; k < perAccount; k++) addEdge(account, pick(sources), pick(hosts));
  }
  if (hosts.length > 1) addEdge(machine, hosts[1] ?? null, hosts[0] ?? null);

  const nodes = [domain, ...hosts, ...ips, ...accounts, machine];
  const degree = new Map<string, number>();
  for (const e of edges)
    for (const end of [e.account, e.source, e.target]) if (end) degree.set(end, (degree.get(end) ?? 0) + 1);
  let maxDegree = 1;
  for (const d of degree.values()) maxDegree = Math.max(maxDegree, d);
  const rankings = nodes
    .filter((n) => n.kind !== 'domain')
    .map((n) => {
      const d = degree.get(n.id) ?? 0;
      return {
        node: n.id,
        scores: { pagerank: d / maxDegree, anomaly: 0, failures: 0, degree: d },
        reasons: [{ score: 'degree', text: `${d} logon edges` }],
      };
    });
  // A loop, not Math.min(...spread): large datasets would overflow the argument limit.
  let minMs = Infinity;
  let maxMs = -Infinity;
  for (const e of edges) {
    minMs = Math.min(minMs, Date.parse(e.first));
    maxMs = Math.max(maxMs, Date.parse(e.last));
  }
  const recordsRead = edges.reduce((s, e) => s + e.count, 0);
  return {
    format: DATASET_FORMAT_V1,
    generator: { name: 'logonlens-test-generator', version: '1' },
    createdAt: '2021-12-10T00:00:00Z',
    title: options.title ?? 'generated test dataset',
    sources: [{ kind: 'file', name: 'generated.evtx', size: 0, sha256: null, format: 'evtx' }],
    timeRange: edges.length > 0 ? { from: iso(minMs), to: iso(maxMs) } : null,
    window: null,
    readStats: { recordsRead, eventsUsed: recordsRead, eventsSkipped: {}, warnings: 0 },
    nodes,
    edges,
    rankings,
    detections: [],
    caps: null,
  };
}
