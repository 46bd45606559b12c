import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../../core/analysis/view-filters.js';
import { UsageError } from '../command.js';
import { parseReportArgs } from './report.js';

describe('parseReportArgs', () => {
  it('defaults to the app’s default filters, standard PageRank and no window', () => {
    expect(parseReportArgs(['case.json', '-o', 'r.html'])).toEqual({
      dataset: 'case.json',
      output: 'r.html',
      from: null,
      to: null,
      filters: DEFAULT_FILTERS,
      pagerank: 'standard',
      timeZone: null,
    });
  });
  it('takes a time zone for the times it writes (UTC is the default)', () => {
    expect(parseReportArgs(['case.json', '-o', 'r.html', '--tz', 'Asia/Tokyo']).timeZone).toBe('Asia/Tokyo');
    expect(parseReportArgs(['case.json', '-o', 'r.html', '--tz', '+09:00']).timeZone).toBe('+09:00');
    expect(parseReportArgs(['case.json', '-o', 'r.html', '--tz', 'UTC']).timeZone).toBeNull();
  });
  it('maps every filter option to the shared ViewFilters', () => {
    const a = parseReportArgs([
      'case.json',
      '--output=-',
      '--from',
      '2021-12-03',
      '--to',
      '2021-12-04T00:00:00Z',
      '--ids',
      '4624, 4625',
      '--logon-types',
      '3,10',
      '--outcome',
      'failure',
      '--min-count',
      '5',
      '--search',
      'admin',
      '--show-hidden',
      '--pagerank',
      'logontracer',
    ]);
    expect(a.output).toBe('-');
    expect(a.from).toBe('2021-12-03T00:00:00Z');
    expect(a.to).toBe('2021-12-04T00:00:00Z');
    expect(a.pagerank).toBe('logontracer');
    expect(a.filters).toEqual({
      eventIds: [4624, 4625],
      logonTypes: ['3', '10'],
      outcome: 'failure',
      minCount: 5,
      search: 'admin',
      showHidden: true,
    });
  });
  it('refuses what it cannot use, with a message that names the option', () => {
    const bad: Array<[string[], RegExp]> = [
      [['case.json'], /-o report\.html/],
      [['a.json', 'b.json', '-o', 'r.html'], /one dataset file/],
      [['case.json', '-o', 'r.html', '--outcome', 'maybe'], /--outcome/],
      [['case.json', '-o', 'r.html', '--ids', '46x'], /--ids/],
      [['case.json', '-o', 'r.html', '--logon-types', ''], /--logon-types/],
      [['case.json', '-o', 'r.html', '--min-count', '0'], /--min-count/],
      [['case.json', '-o', 'r.html', '--pagerank', 'x'], /--pagerank/],
      [['case.json', '-o', 'r.html', '--from', '2021-12-04', '--to', '2021-12-03'], /--from must be before/],
      [['case.json', '-o', 'r.html', '--colour'], /unknown option/],
      [['case.json', '-o', 'r.html', '--tz', 'Mars/Base'], /--tz/],
    ];
    for (const [args, message] of bad) {
      expect(() => parseReportArgs(args), args.join(' ')).toThrow(UsageError);
      expect(() => parseReportArgs(args)).toThrow(message);
    }
  });
});
