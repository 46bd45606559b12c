// Turns a document (or the key of an aggregation bucket, which holds the same fields) into the
// LogonEvent our readers would produce, with the FIELD_PLAN priorities: Windows' own event data
// first, then the fields the Security module moved it to.
import { emptyEvent, GROUP_EVENT_IDS, type LogonEvent } from '../../core/events/logon-event.js';
import { FIELD_PLAN, LOGON_TYPE_BY_NAME, type PlanField } from './shapes.js';

/** Reads a value at a document path, by nested objects or by a literal dotted key. */
export function getPath(doc: unknown, path: string): unknown {
  if (typeof doc !== 'object' || doc === null) return undefined;
  const obj = doc as Record<string, unknown>;
  if (path in obj) return obj[path];
  const dot = path.indexOf('.');
  if (dot < 0) return undefined;
  // Try every split point: `winlog.event_data.X` may be nested or flattened at any level.
  for (let i = dot; i >= 0; i = path.indexOf('.', i + 1)) {
    const head = path.slice(0, i);
    if (head in obj) {
      const v = getPath(obj[head], path.slice(i + 1));
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

/** A scalar as the string our readers keep; arrays take their first element; '' counts as absent. */
export function asString(v: unknown): string | null {
  if (Array.isArray(v)) return v.length > 0 ? asString(v[0]) : null;
  if (typeof v === 'string') return v.length > 0 ? v : null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return null;
}

function asInt(v: unknown): number | null {
  const s = asString(v);
  if (s === null || !/^\d{1,15}$/.test(s)) return null;
  return Number(s);
}

/**
 * Builds an event from a value getter (document path → value). Returns null without an event ID.
 * `time` is the already-normalised UTC time.
 */
export function eventFromGetter(
  get: (path: string) => unknown,
  time: string,
  only?: ReadonlySet<PlanField>,
): LogonEvent | null {
  let eventId: number | null = null;
  for (const c of FIELD_PLAN.eventId) {
    eventId = asInt(get(c.path));
    if (eventId !== null) break;
  }
  if (eventId === null) return null;
  const ev = emptyEvent(eventId, time);
  for (const [field, candidates] of Object.entries(FIELD_PLAN) as Array<
    [PlanField, (typeof FIELD_PLAN)[PlanField]]
  >) {
    if (field === 'eventId' || candidates.length === 0) continue;
    if (only && !only.has(field)) continue;
    // First non-empty value wins; an empty string is kept only when nothing else has a value
    // (the readers' setWindowsField rule).
    let value: string | null = null;
    for (const c of candidates) {
      if (c.onlyFor && !c.onlyFor.has(eventId)) continue;
      const raw = get(c.path);
      if (raw === '' && value === null) value = '';
      let s = asString(raw);
      if (s === null) continue;
      if (c.logonTypeName) s = LOGON_TYPE_BY_NAME[s] ?? s;
      value = s;
      break;
    }
    if (value === null) continue;
    if (field === 'recordId') ev.recordId = asInt(value);
    else (ev[field] as string | null) = value;
  }
  if (GROUP_EVENT_IDS.has(eventId) && ev.groupName === null) ev.groupName = ev.targetUser;
  return ev;
}

/** Elasticsearch dates → our UTC ISO form (`Z`, milliseconds as given). */
export function normalizeTime(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return new Date(v).toISOString();
  if (typeof v !== 'string') return null;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/.test(v)) return v;
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** A raw `_source` → event (drill-down and the flag events fetched whole). */
export function eventFromSource(source: unknown): LogonEvent | null {
  const time = normalizeTime(getPath(source, '@timestamp'));
  if (time === null) return null;
  return eventFromGetter((p) => getPath(source, p), time);
}

/** Every document path the plan may read (for `_source.includes`). */
export function allPlanPaths(): string[] {
  const paths = new Set<string>(['@timestamp']);
  for (const cands of Object.values(FIELD_PLAN)) for (const c of cands) paths.add(c.path);
  return [...paths];
}
