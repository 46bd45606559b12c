import { describe, expect, it } from 'vitest';
import { computeView, DEFAULT_FILTERS } from './view.js';
import { makeDataset, makeFlag, makeNode } from './testing.js';
import { logonTracerDamping } from './scores.js';

const H = 455_000;

describe('PageRank through computeView', () => {
  // a (privileged) – h1 – b – h2 – c: LogonTracer's own loop, run in Python on this graph, gives
  // a 0.17636041994041007, b 0.22368808109604454, c 0.1273276611556345,
  // h1 0.24081214224959557, h2 0.2432003293588561.
  const d = makeDataset(
    [
      { account: 'account:corp\\a', source: 'ip:10.0.0.1', target: 'host:dc', hourly: [[H, 1]] },
      { account: 'account:corp\\b', source: 'ip:10.0.0.1', target: 'host:dc', hourly: [[H, 1]] },
      { account: 'account:corp\\b', source: 'ip:10.0.0.2', target: 'host:dc', hourly: [[H, 1]] },
      { account: 'account:corp\\c', source: 'ip:10.0.0.2', target: 'host:dc', hourly: [[H, 1]] },
    ],
    [makeNode('account:corp\\a', { flags: [makeFlag('privileged', H, 3)] })],
  );

  it('offers LogonTracer’s PageRank as a score of the standard rankings too (the overlay)', () => {
    const std = computeView(d, null, DEFAULT_FILTERS).rankings;
    const lt = computeView(d, null, DEFAULT_FILTERS, { pagerank: 'logontracer' }).rankings;
    for (const id of ['account:corp\\a', 'account:corp\\b', 'ip:10.0.0.1', 'ip:10.0.0.2'])
      expect(std.get(id)!.scores.pagerankLogontracer).toBeCloseTo(lt.get(id)!.scores.pagerank!, 12);
    // The computer that logged the events is not in LogonTracer's graph.
    expect(std.get('host:dc')!.scores.pagerankLogontracer).toBe(0);
  });

  it('LogonTracer mode matches LogonTracer’s loop', () => {
    const r = computeView(d, null, DEFAULT_FILTERS, { pagerank: 'logontracer' }).rankings;
    const raw = (id: string) => r.get(id)!.scores.pagerankRaw!;
    expect(raw('account:corp\\a')).toBeCloseTo(0.17636041994041007, 14);
    expect(raw('account:corp\\b')).toBeCloseTo(0.22368808109604454, 14);
    expect(raw('account:corp\\c')).toBeCloseTo(0.1273276611556345, 14);
    expect(raw('ip:10.0.0.1')).toBeCloseTo(0.24081214224959557, 14);
    expect(raw('ip:10.0.0.2')).toBeCloseTo(0.2432003293588561, 14);
    expect(r.get('account:corp\\a')!.scores.pagerank).toBeCloseTo(0.423160694796293, 12);
    expect(r.get('ip:10.0.0.2')!.scores.pagerank).toBe(1);
    expect(r.get('host:dc')!.scores.pagerank).toBe(0);
  });

  it('standard mode reaches the fixed point and sums to 1', () => {
    const r = computeView(d, null, DEFAULT_FILTERS).rankings;
    const total = [...r.values()].reduce((s, x) => s + x.scores.pagerankRaw!, 0);
    expect(total).toBeCloseTo(1, 9);
    // Every account is linked to the DC too: the DC is the most central node.
    expect(r.get('host:dc')!.scores.pagerank).toBe(1);
  });
});

describe('logonTracerDamping', () => {
  it('uses 0.6 / 0.85 / 0.8, minus anomaly/200 for accounts, clamped', () => {
    expect(logonTracerDamping('account', true, 0)).toBe(0.6);
    expect(logonTracerDamping('account', false, 0)).toBe(0.85);
    expect(logonTracerDamping('host', false, 50)).toBe(0.8);
    expect(logonTracerDamping('account', false, 20)).toBeCloseTo(0.75, 12);
    expect(logonTracerDamping('account', false, 500)).toBe(0);
  });
});

describe('reasons', () => {
  it('explain failures per source, ratio, degree and first-seen paths', () => {
    const d = makeDataset([
      {
        account: 'account:corp\\eve',
        source: 'ip:10.0.0.5',
        eventId: 4771,
        failure: true,
        hourly: [[H + 1, 41]],
      },
      {
        account: 'account:corp\\eve',
        source: 'ip:10.0.0.6',
        eventId: 4768,
        hourly: [
          [H, 1],
          [H + 1, 1],
        ],
      },
    ]);
    const r = computeView(
      d,
      { from: '2021-11-27T08:00:00Z', to: '2021-11-27T10:00:00Z' },
      DEFAULT_FILTERS,
    ).rankings;
    const texts = r.get('account:corp\\eve')!.reasons.map((x) => x.text);
    expect(texts).toContain('41 failed Kerberos pre-auth (4771) from 10.0.0.5');
    expect(texts).toContain('95% of its events failed');
    expect(texts).toContain('logged on from 2 sources');
    expect(texts).toContain('2 logon paths first seen in this window');
    expect(r.get('ip:10.0.0.5')!.reasons[0]!.text).toBe('41 failed Kerberos pre-auth (4771) for 1 account');
  });
});

describe('anomalyScores', () => {
  it('equals ChangeFinder run over each account’s whole series, warmed up on the mean', async () => {
    const { anomalyScores, SCORE_PARAMETERS } = await import('./scores.js');
    const { changeFinderScores } = await import('./changefinder.js');
    // Three accounts with activity starting at different hours over 60 hours.
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const rows = [0, 10, 30].map((startAt, k) => ({
      account: `account:corp\\u${k}`,
      source: 'ip:10.0.0.1',
      hourly: Array.from(
        { length: 60 - startAt },
        (_, j) => [H + startAt + j, 1 + Math.floor(rnd() * 6)] as [number, number],
      ).filter(([, c]) => c !== 3),
    }));
    const d = makeDataset(rows);
    const got = anomalyScores(d.edges, null, new Int32Array([0, 1, 2]), 3);
    const series = rows.map((r) => {
      const s = new Float64Array(60);
      for (const [h, c] of r.hourly) s[h - H] = c;
      return s;
    });
    const mean = series[0]!.map((_, j) => (series[0]![j]! + series[1]![j]! + series[2]![j]!) / 3);
    rows.forEach((r, k) => {
      const all = changeFinderScores(mean, series[k]!, SCORE_PARAMETERS.changefinder);
      const lo = r.hourly[0]![0] - H;
      const hi = Math.min(
        60,
        r.hourly[r.hourly.length - 1]![0] - H + SCORE_PARAMETERS.anomalyTrailingHours + 1,
      );
      const best = Math.max(0, ...all.slice(lo, hi));
      expect(got.score[k]).toBeCloseTo(best, 12);
      expect(best).toBeGreaterThan(0);
    });
  });
});

describe('rankings are plain data', () => {
  it('their reasons (built on first read) survive JSON, structuredClone and validation', async () => {
    const { validateDataset } = await import('../dataset/validate.js');
    const d = makeDataset([
      { account: 'account:corp\\eve', source: 'ip:10.0.0.5', eventId: 4771, failure: true, hourly: [[H, 7]] },
    ]);
    const r = computeView(d, null, DEFAULT_FILTERS).rankings.get('account:corp\\eve')!;
    const expected = ['7 failed Kerberos pre-auth (4771) from 10.0.0.5'];
    expect(structuredClone(r).reasons.map((x) => x.text)).toEqual(expected);
    expect((JSON.parse(JSON.stringify(r)) as typeof r).reasons.map((x) => x.text)).toEqual(expected);
    const fresh = computeView(d, null, DEFAULT_FILTERS);
    expect(validateDataset({ ...d, rankings: [...fresh.rankings.values()] }).ok).toBe(true);
    r.reasons = [];
    expect(r.reasons).toEqual([]);
  });
});
