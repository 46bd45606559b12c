import { describe, expect, it } from 'vitest';
import { parseDatasetText, validateDataset } from './validate.js';
import { DATASET_FORMAT_V1, type Dataset } from './schema.js';

function minimal(): Dataset {
  return {
    format: DATASET_FORMAT_V1,
    generator: { name: 'logonlens', version: '0.1.0' },
    createdAt: '2026-11-27T00:00:00Z',
    title: null,
    sources: [{ kind: 'file', name: 'Security.evtx', size: 69632, sha256: null, format: 'evtx' }],
    timeRange: { from: '2021-12-03T12:00:00Z', to: '2021-12-03T13:00:00Z' },
    window: null,
    readStats: { recordsRead: 2, eventsUsed: 1, eventsSkipped: { 'filtered-event-id': 1 }, warnings: 0 },
    nodes: [
      {
        id: 'a:alice',
        kind: 'account',
        label: 'alice',
        name: 'alice',
        domain: 'CORP',
        sid: null,
        ips: [],
        names: [],
        hidden: null,
        flags: [],
        notes: [],
      },
      {
        id: 'h:ws1',
        kind: 'host',
        label: 'ws1',
        name: 'ws1',
        domain: null,
        sid: null,
        ips: ['10.0.0.5'],
        names: [],
        hidden: null,
        flags: [],
        notes: [],
      },
    ],
    edges: [
      {
        id: 'e1',
        account: 'a:alice',
        source: 'h:ws1',
        target: null,
        eventId: 4624,
        logonType: '3',
        status: null,
        subStatus: null,
        authPackage: 'NTLM',
        failure: false,
        count: 1,
        first: '2021-12-03T12:06:03.1234567Z',
        last: '2021-12-03T12:06:03.1234567Z',
        hourly: [[456660, 1]],
      },
    ],
    rankings: [{ node: 'a:alice', scores: { pagerank: 1, anomaly: 0, failures: 0, degree: 1 }, reasons: [] }],
    detections: [],
  };
}

describe('dataset validation', () => {
  it('accepts a valid dataset and keeps hostile names as plain strings', () => {
    const d = minimal();
    d.nodes[0]!.label = '<img src=x onerror=alert(1)>';
    d.nodes[0]!.name = '=HYPERLINK("http://x")\u0000\u001b[31m';
    const r = validateDataset(JSON.parse(JSON.stringify(d)));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.dataset.nodes[0]!.label).toBe('<img src=x onerror=alert(1)>');
  });

  it('rejects non-JSON, non-objects and other formats with a clear message', () => {
    expect(parseDatasetText('{not json')).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^not JSON/)],
    });
    expect(parseDatasetText('[]')).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/expected a JSON object/)],
    });
    expect(parseDatasetText('{"format":"logonlens.dataset/9"}')).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/newer/)],
    });
    expect(parseDatasetText('{"nodes":[]}')).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/not a LogonLens dataset/)],
    });
  });

  it('names the first few problems with their paths', () => {
    const d = minimal() as unknown as Record<string, unknown>;
    (d.edges as Array<Record<string, unknown>>)[0]!.count = -3;
    (d.edges as Array<Record<string, unknown>>)[0]!.first = 'yesterday';
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.join('\n')).toContain('edges.0.count');
      expect(r.problems.join('\n')).toContain('edges.0.first');
    }
  });

  it('bounds the number of problems reported', () => {
    const d = minimal();
    const bad = Array.from({ length: 50 }, (_, i) => ({ ...d.edges[0]!, id: `e${i}`, count: -1 }));
    const r = validateDataset({ ...d, edges: bad });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.length).toBeLessThanOrEqual(6);
      expect(r.problems.at(-1)).toMatch(/more problems/);
    }
  });

  it('rejects edges that point at missing nodes and duplicate node ids', () => {
    const d = minimal();
    d.edges[0]!.source = 'h:nowhere';
    d.nodes.push({ ...d.nodes[0]! });
    const r = validateDataset(d);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.join('\n')).toMatch(/duplicate node id/);
      expect(r.problems.join('\n')).toMatch(/unknown node "h:nowhere"/);
    }
  });

  it('refuses megabyte-plus strings and absurd values without throwing', () => {
    const d = minimal();
    d.nodes[0]!.label = 'x'.repeat(1_100_000);
    expect(validateDataset(d).ok).toBe(false);
    expect(validateDataset({ ...minimal(), edges: 'nope' }).ok).toBe(false);
    expect(validateDataset(null).ok).toBe(false);
  });
});

describe('issue 15 additions stay optional and are checked when present', () => {
  const coverage = {
    eventIds: { '4624': 12 },
    blind: [{ detection: 'dcsync', missing: [4662], note: 'no 4662 events: DCSync cannot be seen' }],
    sigma: { rules: 3, problems: [{ file: 'x.yml', rule: null, kind: 'invalid', reason: 'YAML: bad' }] },
  };
  const detection = {
    id: 'sigma:1',
    kind: 'sigma',
    title: 'Rule',
    severity: 'high',
    nodes: ['a:alice'],
    first: '2021-12-03T12:00:00Z',
    last: '2021-12-03T12:00:00Z',
    count: 1,
    detail: '',
    evidence: { eventIds: [4624], recordIds: [1], computers: [] },
    sigma: { id: 'r-1', level: 'critical', file: 'r.yml', tags: ['attack.t1550'] },
  };

  it('accepts a dataset without them (older datasets) and with them', () => {
    expect(validateDataset(minimal()).ok).toBe(true);
    const d = { ...minimal(), coverage, detections: [detection] };
    d.edges = [
      { ...d.edges[0]!, id: 'e2', eventId: 4648, logonType: null, authPackage: null, subject: 'a:alice' },
    ];
    const r = validateDataset(JSON.parse(JSON.stringify(d)));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.dataset.coverage?.blind[0]?.detection).toBe('dcsync');
      expect(r.dataset.edges[0]!.subject).toBe('a:alice');
      expect(r.dataset.detections[0]!.sigma?.level).toBe('critical');
    }
  });

  it('refuses a malformed coverage; a 4648 subject outside a window cut is accepted', () => {
    const bad = validateDataset({ ...minimal(), coverage: { ...coverage, eventIds: { '4624': -1 } } });
    expect(bad.ok).toBe(false);
    const kind = validateDataset({
      ...minimal(),
      coverage: {
        ...coverage,
        sigma: { rules: 1, problems: [{ file: 'x', rule: null, kind: 'oops', reason: '' }] },
      },
    });
    expect(kind.ok).toBe(false);
    const d = minimal();
    d.edges[0]!.subject = 'a:nobody';
    expect(validateDataset(JSON.parse(JSON.stringify(d))).ok).toBe(true);
  });
});

describe('message ids beside the analysis texts', () => {
  const withReason = (message: unknown): unknown => {
    const d = minimal();
    return {
      ...d,
      rankings: [
        { node: 'a:alice', scores: { pagerank: 1 }, reasons: [{ score: 'failures', text: 't', message }] },
      ],
    };
  };

  it('are optional: a dataset written before them stays valid', () => {
    expect(validateDataset(minimal()).ok).toBe(true);
  });

  it('accept ids with numbers, strings, lists and nested messages', () => {
    const message = {
      key: 'reason.failuresFrom',
      params: { count: 12, events: { key: 'failed.4771' }, source: 'ws1', list: ['a', 2] },
    };
    const r = validateDataset(withReason(message));
    expect(r.ok && r.dataset.rankings[0]!.reasons[0]!.message).toEqual(message);
  });

  it('refuse ids and parameter names that are not identifiers', () => {
    expect(validateDataset(withReason({ key: 'analysis:reason' })).ok).toBe(false);
    expect(validateDataset(withReason({ key: 'reason..x' })).ok).toBe(false);
    expect(validateDataset(withReason({ key: 'reason.x', params: { __proto__x: 1 } })).ok).toBe(false);
    expect(validateDataset(withReason({ key: 'reason.x', params: { n: Infinity } })).ok).toBe(false);
  });

  it('refuse nesting deeper than the bound, without recursing on hostile input', () => {
    let deep: unknown = { key: 'leaf' };
    for (let i = 0; i < 10_000; i++) deep = { key: 'x', params: { inner: deep } };
    const r = validateDataset(withReason(deep));
    expect(r.ok).toBe(false);
    let fine: unknown = { key: 'leaf' };
    for (let i = 0; i < 3; i++) fine = { key: 'x', params: { inner: fine } };
    expect(validateDataset(withReason(fine)).ok).toBe(true);
  });
});

describe('issue 13: the optional annotations field', () => {
  const annotation = {
    target: { kind: 'node', id: 'a:alice' },
    note: '<img src=x onerror=alert(1)>',
    tags: ['Compromised'],
    updated: '2026-12-06T07:00:00Z',
  };

  it('a dataset without annotations stays valid and gains no field (migration of older files)', () => {
    const r = validateDataset(minimal());
    expect(r.ok && r.dataset.annotations).toBe(undefined);
    expect(r.ok && r.notices).toBe(undefined);
  });

  it('reads valid annotations, normalised, and keeps the note exact', () => {
    const r = validateDataset({ ...minimal(), annotations: [annotation] });
    if (!r.ok) throw new Error(r.problems.join('; '));
    expect(r.dataset.annotations).toEqual([{ ...annotation, tags: ['compromised'] }]);
  });

  it('leaves unreadable entries out with a notice; the dataset stays valid', () => {
    const input = { ...minimal(), annotations: [annotation, { target: { kind: 'node' } }, 'junk'] };
    const r = validateDataset(input);
    if (!r.ok) throw new Error(r.problems.join('; '));
    expect(r.dataset.annotations).toHaveLength(1);
    expect(r.notices).toEqual(['annotations: 2 entries could not be read and were left out']);
    expect(input.annotations).toHaveLength(3); // the input is not changed
    const notList = validateDataset({ ...minimal(), annotations: 'x' });
    expect(notList.ok && notList.dataset.annotations).toEqual([]);
  });
});
