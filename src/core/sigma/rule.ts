/**
 * Reads one Sigma rule (YAML, with the `yaml` package) into a compiled rule, or a problem that
 * names the file and the reason: `invalid` for a malformed rule, `unsupported` for one LogonLens
 * cannot evaluate (another log source, an aggregation, a field it does not read).
 */
import { parseAllDocuments } from 'yaml';
import type { LogonEvent } from '../events/logon-event.js';
import { compileCondition, conditionEventIds, parseCondition, type ConditionNode } from './condition.js';
import { compileItem, compileKeywords, RuleProblem, type EventPredicate } from './values.js';
import { hash64 } from '../analysis/ids.js';

export type SigmaLevel = 'informational' | 'low' | 'medium' | 'high' | 'critical';
const LEVELS: readonly SigmaLevel[] = ['informational', 'low', 'medium', 'high', 'critical'];

export interface SigmaRule {
  id: string;
  title: string;
  level: SigmaLevel;
  description: string | null;
  file: string;
  tags: string[];
  /** The event IDs the rule can match; null when it names none (it is tried on every event). */
  eventIds: ReadonlySet<number> | null;
  matches(e: LogonEvent): boolean;
}

export interface SigmaProblem {
  file: string;
  /** The rule's title when it could be read. */
  rule: string | null;
  kind: 'invalid' | 'unsupported';
  reason: string;
}

export type RuleResult = { ok: true; rule: SigmaRule } | { ok: false; problem: SigmaProblem };

/** Largest rule file read (a rule is a few kilobytes; a huge one is a mistake or hostile). */
export const MAX_RULE_TEXT = 256 * 1024;

const EVENT_ID_FIELDS = new Set(['eventid', 'event.code', 'winlog.event_id']);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

interface Selection {
  predicate: EventPredicate;
  eventIds: ReadonlySet<number> | null;
}

function mapEventIds(map: Record<string, unknown>): ReadonlySet<number> | null {
  for (const [key, value] of Object.entries(map)) {
    if (key.includes('|') || !EVENT_ID_FIELDS.has(key.trim().toLowerCase())) continue;
    const list = Array.isArray(value) ? (value as unknown[]) : [value];
    const ids = list.map((v) => Number(v));
    if (ids.every((n) => Number.isInteger(n))) return new Set(ids);
  }
  return null;
}

function compileMap(map: Record<string, unknown>, where: string): EventPredicate {
  const entries = Object.entries(map);
  if (entries.length === 0) throw new RuleProblem('invalid', `${where} is empty`);
  const preds = entries.map(([k, v]) => compileItem(k, v));
  return (e) => preds.every((p) => p(e));
}

function compileSelection(name: string, value: unknown): Selection {
  const where = `selection "${name}"`;
  if (isRecord(value)) return { predicate: compileMap(value, where), eventIds: mapEventIds(value) };
  if (Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
    const maps = value as Record<string, unknown>[];
    const preds = maps.map((m, i) => compileMap(m, `${where} item ${i + 1}`));
    const ids = maps.map(mapEventIds);
    return {
      predicate: (e) => preds.some((p) => p(e)),
      eventIds: ids.some((s) => s === null) ? null : new Set(ids.flatMap((s) => [...s!])),
    };
  }
  if (Array.isArray(value) && value.some(isRecord))
    throw new RuleProblem('invalid', `${where} mixes maps and plain values`);
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0))
    throw new RuleProblem('invalid', `${where} is empty`);
  return { predicate: compileKeywords(value, where), eventIds: null };
}

/** Compiles the text of one rule file. Never throws. */
export function parseSigmaRule(text: string, file: string): RuleResult {
  let title: string | null = null;
  const fail = (kind: SigmaProblem['kind'], reason: string): RuleResult => ({
    ok: false,
    problem: { file, rule: title, kind, reason },
  });
  if (text.length > MAX_RULE_TEXT) return fail('invalid', `larger than ${MAX_RULE_TEXT} bytes`);
  let doc: unknown;
  try {
    const docs = parseAllDocuments(text, { uniqueKeys: true });
    if (!Array.isArray(docs) || docs.length === 0) return fail('invalid', 'empty file');
    if (docs.length > 1)
      return fail('unsupported', 'rule collections (several YAML documents) are not supported');
    const d = docs[0]!;
    if (d.errors.length > 0) return fail('invalid', `YAML: ${d.errors[0]!.message.split('\n')[0]}`);
    doc = d.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return fail('invalid', `YAML: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
  }
  if (!isRecord(doc)) return fail('invalid', 'not a Sigma rule (expected a YAML map)');
  if (typeof doc['title'] !== 'string' || doc['title'].trim() === '') return fail('invalid', 'no title');
  title = doc['title'].slice(0, 512);
  const logsource = doc['logsource'];
  if (!isRecord(logsource)) return fail('invalid', 'no logsource');
  const product = String(logsource['product'] ?? '').toLowerCase();
  const service = String(logsource['service'] ?? '').toLowerCase();
  if (product !== 'windows' || service !== 'security')
    return fail(
      'unsupported',
      `logsource ${product || '?'}/${service || String(logsource['category'] ?? '?')} is not Windows Security`,
    );
  const levelText = String(doc['level'] ?? 'medium').toLowerCase();
  const level = LEVELS.find((l) => l === levelText);
  if (level === undefined) return fail('invalid', `level "${levelText}" is not one of ${LEVELS.join(', ')}`);
  const detection = doc['detection'];
  if (!isRecord(detection)) return fail('invalid', 'no detection');
  if ('timeframe' in detection) return fail('unsupported', 'timeframe (an aggregation) is not supported');
  const condition = detection['condition'];
  const conditions = Array.isArray(condition) ? condition : [condition];
  if (conditions.length === 0 || !conditions.every((c): c is string => typeof c === 'string'))
    return fail('invalid', 'detection.condition must be a string');
  try {
    const selections = new Map<string, Selection>();
    for (const [name, value] of Object.entries(detection))
      if (name !== 'condition') selections.set(name, compileSelection(name, value));
    const names = [...selections.keys()];
    const parsed: ConditionNode[] = conditions.map((c) => parseCondition(c, names));
    const root: ConditionNode = parsed.length === 1 ? parsed[0]! : { op: 'or', args: parsed };
    const eventIds = conditionEventIds(root, (n) => selections.get(n)?.eventIds ?? null);
    const rawId = doc['id'];
    const tags = Array.isArray(doc['tags'])
      ? doc['tags'].filter((t): t is string => typeof t === 'string')
      : [];
    const description = typeof doc['description'] === 'string' ? doc['description'].slice(0, 4096) : null;
    return {
      ok: true,
      rule: {
        id:
          typeof rawId === 'string' && rawId.trim() !== ''
            ? rawId.trim().slice(0, 200)
            : `file-${hash64(file + title)}`,
        title,
        level,
        description,
        file,
        tags: tags.slice(0, 50),
        eventIds,
        matches: compileCondition<LogonEvent>(root, (n) => selections.get(n)!.predicate),
      },
    };
  } catch (e) {
    if (e instanceof RuleProblem) return fail(e.kind, e.message);
    return fail('invalid', e instanceof Error ? e.message : String(e));
  }
}
