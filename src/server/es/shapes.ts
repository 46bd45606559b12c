// Where each LogonEvent field lives in the document shapes found in the wild (reference §2):
// ECS (Winlogbeat 7/8, Elastic Agent), Winlogbeat 6 (`event_data.*`) and NXLog flat documents.
// One table drives the aggregation keys, the raw-document reader and the detection of shapes.
import { WINDOWS_FIELD_MAP } from '../../core/events/field-map.js';
import type { LogonEvent } from '../../core/events/logon-event.js';
import { LOGON_TYPE_NUMBERS } from '../../core/readers/winlogbeat/index.js';

export type DocShape = 'ecs' | 'winlogbeat6' | 'nxlog';

/** Model fields read from documents besides time (always `@timestamp`). */
export type PlanField = Exclude<keyof LogonEvent, 'time'>;

/** Logon and Kerberos events: the Security module's `user.*` is the *target* here (reference §2). */
export const TARGET_IS_USER_EVENT_IDS: ReadonlySet<number> = new Set([
  4624, 4625, 4634, 4647, 4648, 4768, 4769, 4771, 4776,
]);

/**
 * A candidate document field for a model field. `onlyFor` limits it to some event IDs (the
 * Security module reuses `user.name` for the actor of account-management events); `logonTypeName`
 * marks `winlog.logon.type`, which holds a name ("Network") instead of the number.
 */
export interface Candidate {
  path: string;
  shape: DocShape;
  onlyFor?: ReadonlySet<number>;
  logonTypeName?: boolean;
}

const SYSTEM: Record<'recordId' | 'eventId' | 'channel' | 'provider' | 'computer', Candidate[]> = {
  eventId: [
    { path: 'winlog.event_id', shape: 'ecs' },
    { path: 'event.code', shape: 'ecs' },
    { path: 'event_id', shape: 'winlogbeat6' },
    { path: 'EventID', shape: 'nxlog' },
  ],
  recordId: [
    { path: 'winlog.record_id', shape: 'ecs' },
    { path: 'record_number', shape: 'winlogbeat6' },
    { path: 'RecordNumber', shape: 'nxlog' },
  ],
  channel: [
    { path: 'winlog.channel', shape: 'ecs' },
    { path: 'log_name', shape: 'winlogbeat6' },
    { path: 'Channel', shape: 'nxlog' },
  ],
  provider: [
    { path: 'winlog.provider_name', shape: 'ecs' },
    { path: 'source_name', shape: 'winlogbeat6' },
    { path: 'SourceName', shape: 'nxlog' },
  ],
  computer: [
    { path: 'winlog.computer_name', shape: 'ecs' },
    { path: 'computer_name', shape: 'winlogbeat6' },
    { path: 'Hostname', shape: 'nxlog' },
  ],
};

/** ECS fields the Security module moves event data into, tried after `winlog.event_data.*`. */
const ECS_MOVED: Partial<Record<PlanField, Candidate[]>> = {
  targetUser: [{ path: 'user.name', shape: 'ecs', onlyFor: TARGET_IS_USER_EVENT_IDS }],
  targetDomain: [{ path: 'user.domain', shape: 'ecs', onlyFor: TARGET_IS_USER_EVENT_IDS }],
  targetSid: [{ path: 'user.id', shape: 'ecs', onlyFor: TARGET_IS_USER_EVENT_IDS }],
  ipAddress: [{ path: 'source.ip', shape: 'ecs' }],
  ipPort: [{ path: 'source.port', shape: 'ecs' }],
  workstation: [{ path: 'source.domain', shape: 'ecs' }],
  logonType: [{ path: 'winlog.logon.type', shape: 'ecs', logonTypeName: true }],
  processName: [{ path: 'process.executable', shape: 'ecs' }],
};

function eventDataCandidates(field: PlanField): Candidate[] {
  const names = Object.entries(WINDOWS_FIELD_MAP)
    .filter(([, f]) => f === field)
    .map(([name]) => name);
  const out: Candidate[] = [];
  for (const n of names) out.push({ path: `winlog.event_data.${n}`, shape: 'ecs' });
  if (field === 'subjectUser' || field === 'subjectDomain' || field === 'subjectSid') {
    // 1102 has no EventData: its actor is in UserData.
    for (const n of names) out.push({ path: `winlog.user_data.${n}`, shape: 'ecs' });
  }
  out.push(...(ECS_MOVED[field] ?? []));
  for (const n of names) out.push({ path: `event_data.${n}`, shape: 'winlogbeat6' });
  for (const n of names) out.push({ path: `user_data.${n}`, shape: 'winlogbeat6' });
  for (const n of names) out.push({ path: n, shape: 'nxlog' });
  return out;
}

/** Every model field → its candidates in priority order (first non-empty value wins). */
export function fieldPlan(): Record<PlanField, Candidate[]> {
  const plan = {} as Record<PlanField, Candidate[]>;
  for (const f of Object.keys(SYSTEM) as Array<keyof typeof SYSTEM>) plan[f] = SYSTEM[f];
  const dataFields = new Set(Object.values(WINDOWS_FIELD_MAP));
  dataFields.add('groupName');
  for (const f of dataFields) plan[f] = f === 'groupName' ? [] : eventDataCandidates(f);
  return plan;
}

export const FIELD_PLAN: Readonly<Record<PlanField, Candidate[]>> = fieldPlan();

/** The document time field: `@timestamp` is the event time for Winlogbeat and Agent documents. */
export const TIME_FIELD = '@timestamp';

/** Which shapes a set of mapped field paths shows. */
export function detectShapes(paths: ReadonlySet<string>): DocShape[] {
  const shapes: DocShape[] = [];
  if (paths.has('winlog.event_id') || paths.has('winlog.computer_name')) shapes.push('ecs');
  if (
    paths.has('event_id') &&
    (paths.has('computer_name') || [...paths].some((p) => p.startsWith('event_data.')))
  ) {
    shapes.push('winlogbeat6');
  }
  if (paths.has('EventID') && paths.has('Hostname')) shapes.push('nxlog');
  return shapes;
}

/** winlog.logon.type names (Security module) → Windows LogonType numbers: the JSON reader's table. */
export const LOGON_TYPE_BY_NAME = LOGON_TYPE_NUMBERS;
export const LOGON_TYPE_NAME: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LOGON_TYPE_BY_NAME).map(([name, n]) => [n, name]),
);
