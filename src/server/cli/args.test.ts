import { describe, expect, it } from 'vitest';
import { intOption, parseArgs, rangeOptions, timeOption } from './args.js';
import { UsageError } from './command.js';

const spec = {
  values: ['--output', '--from', '--to', '--workers'],
  flags: ['--demo'],
  aliases: { '-o': '--output' },
};

describe('parseArgs', () => {
  it('takes --name value, --name=value, aliases, flags and positionals (a lone - included)', () => {
    const p = parseArgs(['a.evtx', '-o', 'out.json', '--from=2021-12-03', '--demo', '-', 'b.xml'], spec);
    expect(p.positional).toEqual(['a.evtx', '-', 'b.xml']);
    expect(p.values.get('--output')).toBe('out.json');
    expect(p.values.get('--from')).toBe('2021-12-03');
    expect(p.flags.has('--demo')).toBe(true);
  });

  it('accepts - as a value (stdout) but not another option', () => {
    expect(parseArgs(['-o', '-'], spec).values.get('--output')).toBe('-');
    expect(() => parseArgs(['-o', '--from', 'x'], spec)).toThrow(/-o needs a value/);
    expect(() => parseArgs(['--output'], spec)).toThrow(UsageError);
  });

  it('reads everything after -- as positional (a file named like an option)', () => {
    expect(parseArgs(['a.evtx', '--', '-o', '--demo'], spec)).toMatchObject({
      positional: ['a.evtx', '-o', '--demo'],
      flags: new Set(),
    });
  });

  it('refuses unknown options and values on flags, escaping control characters', () => {
    expect(() => parseArgs(['--bogus\u001b[31m'], spec)).toThrow(/unknown option --bogus\\x1b\[31m/);
    expect(() => parseArgs(['--demo=yes'], spec)).toThrow(/takes no value/);
  });
});

describe('typed options', () => {
  it('reads times as UTC and checks the range order', () => {
    const p = parseArgs(['--from', '2021-12-03', '--to', '2021-12-03T12:00:00+02:00'], spec);
    expect(timeOption(p, '--from')).toBe('2021-12-03T00:00:00Z');
    expect(rangeOptions(p)).toEqual({ from: '2021-12-03T00:00:00Z', to: '2021-12-03T10:00:00Z' });
    expect(() => rangeOptions(parseArgs(['--from', '2021-12-04', '--to', '2021-12-03'], spec))).toThrow(
      /before/,
    );
    expect(() => timeOption(parseArgs(['--from', 'yesterday'], spec), '--from')).toThrow(/ISO 8601/);
  });

  it('reads bounded whole numbers', () => {
    expect(intOption(parseArgs(['--workers', '4'], spec), '--workers', 1, 64)).toBe(4);
    expect(intOption(parseArgs([], spec), '--workers', 1, 64)).toBeNull();
    for (const bad of ['0', '65', '-1', '2.5', 'x']) {
      expect(() => intOption(parseArgs([`--workers=${bad}`], spec), '--workers', 1, 64)).toThrow(UsageError);
    }
  });
});
