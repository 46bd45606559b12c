// One option parser for every `logonlens` command, so they all accept the same spellings
// (`--name value`, `--name=value`, short aliases such as `-o`) and fail the same way. Tokens come
// from node:util parseArgs; the rules on them are ours.
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';
import { parseTime } from '../../core/readers/xml/time.js';
import { UsageError } from './command.js';

export interface OptionSpec {
  /** Options that take a value. */
  values?: readonly string[];
  /** Options that stand alone (`--demo`). */
  flags?: readonly string[];
  /** Short spellings: `{ '-o': '--output' }`. */
  aliases?: Readonly<Record<string, string>>;
}

export interface ParsedArgs {
  /** The last value given for each option. */
  values: Map<string, string>;
  flags: Set<string>;
  /** Everything that is not an option; a lone `-` is positional (stdin/stdout). */
  positional: string[];
}

/** Control characters as escapes: an argument echoed on a terminal must not drive it. */
export function visible(s: string): string {
  return s.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/**
 * Parses with `node:util`'s parseArgs (its tokens, in non-strict mode) and applies our rules on top:
 * an unknown option, a value on a flag or an option without its value is a UsageError, and a value
 * that is itself an option (`-o --from`) is refused rather than swallowed. Node's strict mode is not
 * used because it also refuses `-o -` (stdout) and cannot name the option in our words.
 */
export function parseArgs(args: readonly string[], spec: OptionSpec): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const flags = new Set(spec.flags ?? []);
  const known = (name: string): boolean =>
    values.has(name) || flags.has(name) || name in (spec.aliases ?? {});
  const { tokens } = nodeParseArgs({
    args: [...args],
    options: nodeOptions(spec),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const out: ParsedArgs = { values: new Map(), flags: new Set(), positional: [] };
  for (const token of tokens) {
    if (token.kind === 'positional') out.positional.push(token.value);
    if (token.kind !== 'option') continue;
    const given = token.rawName;
    const name = `--${token.name}`;
    if (flags.has(name)) {
      if (token.value !== undefined) throw new UsageError(`${name} takes no value`);
      out.flags.add(name);
      continue;
    }
    if (!values.has(name)) throw new UsageError(`unknown option ${visible(given.slice(0, 50))}`);
    const value = token.value;
    // The next word is another option, not this one's value (`-o --from ...`); a lone `-` is stdout.
    const isOption =
      !token.inlineValue &&
      value !== undefined &&
      value !== '-' &&
      value.startsWith('-') &&
      (value.startsWith('--') || known(value));
    if (value === undefined || isOption) throw new UsageError(`${given} needs a value`);
    out.values.set(name, value);
  }
  return out;
}

/** Our spec in node's terms: `--output` with alias `-o` is `{ output: { type: 'string', short: 'o' } }`. */
function nodeOptions(spec: OptionSpec): ParseArgsConfig['options'] {
  const shortOf = new Map<string, string>();
  for (const [alias, long] of Object.entries(spec.aliases ?? {})) {
    // node knows one-letter short spellings only; every alias we declare is one.
    if (!/^-[A-Za-z]$/.test(alias)) throw new Error(`alias ${alias} must be one letter, like -o`);
    shortOf.set(long, alias.slice(1));
  }
  const options: NonNullable<ParseArgsConfig['options']> = {};
  const declare = (long: string, type: 'string' | 'boolean'): void => {
    const short = shortOf.get(long);
    options[long.replace(/^--/, '')] = short === undefined ? { type } : { type, short };
  };
  for (const long of spec.values ?? []) declare(long, 'string');
  for (const long of spec.flags ?? []) declare(long, 'boolean');
  return options;
}

/** An ISO 8601 time option as UTC ISO (a date alone is its midnight, no zone means UTC); null when absent. */
export function timeOption(p: ParsedArgs, name: string): string | null {
  const v = p.values.get(name);
  if (v === undefined) return null;
  const t = parseTime(v);
  if (t === null) throw new UsageError(`${name} must be an ISO 8601 date or time, e.g. 2021-12-03T10:00:00Z`);
  return t.iso;
}

/** A whole number option within bounds; null when absent. */
export function intOption(p: ParsedArgs, name: string, min: number, max: number): number | null {
  const v = p.values.get(name);
  if (v === undefined) return null;
  if (!/^\d{1,9}$/.test(v) || Number(v) < min || Number(v) > max)
    throw new UsageError(`${name} must be a number from ${min} to ${max}`);
  return Number(v);
}

/** `--from`/`--to` as a pair, checked to be in order. */
export function rangeOptions(
  p: ParsedArgs,
  fromName = '--from',
  toName = '--to',
): { from: string | null; to: string | null } {
  const from = timeOption(p, fromName);
  const to = timeOption(p, toName);
  if (from !== null && to !== null && Date.parse(from) >= Date.parse(to))
    throw new UsageError(`${fromName} must be before ${toName}`);
  return { from, to };
}
