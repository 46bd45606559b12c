/**
 * Sigma field names → values of a normalized event. Rules for Windows Security events name the
 * EventData fields as Windows writes them (`TargetUserName`, `LogonType`, …); rules written for
 * Winlogbeat/Elastic name ECS fields (`winlog.event_data.TargetUserName`, `source.ip`, …). Both map
 * onto the one LogonEvent, so a rule matches the same event whether it was read from EVTX, XML or
 * Winlogbeat JSON. Names are matched case-insensitively (rule authors differ on `IPAddress`).
 */
import { WINDOWS_FIELD_MAP } from '../events/field-map.js';
import type { LogonEvent } from '../events/logon-event.js';

export type FieldGetter = (e: LogonEvent) => string | null;

const fromModel =
  (field: keyof LogonEvent): FieldGetter =>
  (e) => {
    const v = e[field];
    return v === null ? null : String(v);
  };

const GETTERS = new Map<string, FieldGetter>();
for (const [windowsName, field] of Object.entries(WINDOWS_FIELD_MAP))
  GETTERS.set(windowsName.toLowerCase(), fromModel(field));

const SYSTEM: Record<string, keyof LogonEvent> = {
  EventID: 'eventId',
  EventRecordID: 'recordId',
  Computer: 'computer',
  Channel: 'channel',
  Provider_Name: 'provider',
};
for (const [name, field] of Object.entries(SYSTEM)) GETTERS.set(name.toLowerCase(), fromModel(field));

/** ECS / Winlogbeat names of the same values (the Security module's moved fields). */
const ECS_ALIASES: Record<string, string> = {
  'event.code': 'EventID',
  'winlog.event_id': 'EventID',
  'winlog.record_id': 'EventRecordID',
  'winlog.computer_name': 'Computer',
  'winlog.channel': 'Channel',
  'winlog.provider_name': 'Provider_Name',
  'event.provider': 'Provider_Name',
  'source.ip': 'IpAddress',
  'source.port': 'IpPort',
  'source.domain': 'WorkstationName',
  'winlog.logon.type': 'LogonType',
  'winlog.logon.failure.status': 'Status',
  'winlog.logon.failure.sub_status': 'SubStatus',
  'winlog.logon.failure.reason': 'FailureReason',
  'process.executable': 'ProcessName',
};
for (const [ecs, name] of Object.entries(ECS_ALIASES)) GETTERS.set(ecs, GETTERS.get(name.toLowerCase())!);

/** The getter of a Sigma field name, or null when LogonLens does not read that field. */
export function fieldGetter(name: string): FieldGetter | null {
  let n = name.trim().toLowerCase();
  for (const prefix of ['winlog.event_data.', 'winlog.user_data.', 'event_data.', 'eventdata.'])
    if (n.startsWith(prefix)) n = n.slice(prefix.length);
  return GETTERS.get(n) ?? null;
}

/** Every string value of an event, for keyword (field-less) search. */
export function allValues(e: LogonEvent): string[] {
  const out: string[] = [];
  for (const v of Object.values(e)) if (typeof v === 'string' && v !== '') out.push(v);
  return out;
}
