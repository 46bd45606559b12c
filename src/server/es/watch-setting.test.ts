import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.js';
import { parseWatchSetting, startWatches } from './watch-setting.js';

describe('LOGONLENS_ES_WATCH', () => {
  it('is off when unset or empty', () => {
    expect(parseWatchSetting(undefined)).toEqual([]);
    expect(parseWatchSetting('  ')).toEqual([]);
  });

  it('reads one entry or a list, with defaults (day, 10 minutes grace, cluster default pattern)', () => {
    expect(parseWatchSetting('{"cluster":"prod","start":"2021-12-01T00:00:00Z"}')).toEqual([
      {
        cluster: 'prod',
        indexPattern: null,
        interval: 'day',
        start: '2021-12-01T00:00:00Z',
        until: null,
        graceMs: 600_000,
      },
    ]);
    const two = parseWatchSetting(
      JSON.stringify([
        { cluster: 'a', start: '2021-12-01T00:00:00Z' },
        {
          cluster: 'b',
          indexPattern: 'winlogbeat-*',
          interval: 'hour',
          start: '2021-12-01T00:00:00+01:00',
          until: '2021-12-02T00:00:00Z',
          graceMinutes: 0,
        },
      ]),
    );
    expect(two.map((w) => [w.cluster, w.interval, w.graceMs, w.until])).toEqual([
      ['a', 'day', 600_000, null],
      ['b', 'hour', 0, '2021-12-02T00:00:00Z'],
    ]);
  });

  it('refuses bad JSON, unknown keys, zone-less times and bad intervals with the field named', () => {
    expect(() => parseWatchSetting('{')).toThrow(/not valid JSON/);
    expect(() => parseWatchSetting('{"cluster":"a","start":"2021-12-01T00:00:00"}')).toThrow(/start/);
    expect(() =>
      parseWatchSetting('{"cluster":"a","start":"2021-12-01T00:00:00Z","interval":"week"}'),
    ).toThrow(/interval/);
    expect(() =>
      parseWatchSetting('{"cluster":"a","start":"2021-12-01T00:00:00Z","url":"http://x"}'),
    ).toThrow(/url|Unrecognized/i);
  });

  it('refuses a watch on a cluster or index pattern the configuration does not allow', () => {
    const clusters = [{ name: 'prod', url: 'http://127.0.0.1:1', indexPatterns: ['winlogbeat-*'] }];
    const w = parseWatchSetting('{"cluster":"other","start":"2021-12-01T00:00:00Z"}');
    expect(() => startWatches(w, clusters, silentLogger)).toThrow(/no cluster named "other"/);
    const p = parseWatchSetting(
      '{"cluster":"prod","indexPattern":".kibana*","start":"2021-12-01T00:00:00Z"}',
    );
    expect(() => startWatches(p, clusters, silentLogger)).toThrow(/not allowed/);
  });
});
