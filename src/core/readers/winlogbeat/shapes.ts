import { emptyEvent, GROUP_EVENT_IDS, type LogonEvent } from '../../events/logon-event.js';
import { setWindowsField, WINDOWS_FIELD_MAP } from '../../events/field-map.js';
import { parseTime } from '../xml/time.js';

/**
 * The document shapes we recognize, decided per document:
 * - `ecs`: Winlogbeat 7/8 and Elastic Agent (`winlog.*`, ECS fields added by the Security module);
 * - `winlogbeat6`: Winlogbeat 6 before ECS (`event_id`, `computer_name`, `event_data.*`);
 * - `nxlog`: NXLog im_msvistalog flat documents (`EventID`, `Hostname`, `EventTime` in local time);
 * - `flat`: flat EVTX-to-JSON (`EventID`, `TimeCreated` in UTC, fields at the top level).
 */
export type DocumentShape = 'ecs' | 'winlogbeat6' | 'nxlog' | 'flat';

export type JsonObject = Record<string, unknown>;

/** A document that is recognized but cannot be used; reported with its code and skipped. */
export class DocumentError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Longest single value mapped into the model; a longer one makes the document suspect. */
export const MAX_VALUE_CHARS = 65_536;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function detectShape(doc: JsonObject): DocumentShape | null {
  if ('winlog' in doc || 'winlog.event_id' in doc) return 'ecs';
  if ('event_id' in doc && ('event_data' in doc || 'computer_name' in doc || 'log_name' in doc))
    return 'winlogbeat6';
  if ('EventID' in doc) {
    if ('TimeCreated' in doc) return 'flat';
    if ('EventTime' in doc) return 'nxlog';
    return 'flat';
  }
  return null;
}

/**
 * Reads `a.b.c` from nested objects, from dotted keys (`"winlog.event_id"`, as some exports flatten
 * documents), or a mix of both.
 */
export function getPath(o: unknown, path: readonly string[]): unknown {
  if (path.length === 0) return o;
  if (!isObject(o)) return undefined;
  for (let i = 1; i <= path.length; i++) {
    const key = i === 1 ? (path[0] ?? '') : path.slice(0, i).join('.');
    if (Object.prototype.hasOwnProperty.call(o, key)) {
      const r = getPath(o[key], path.slice(i));
      if (r !== undefined) return r;
    }
  }
  return undefined;
}

const p = (dotted: string): readonly string[] => dotted.split('.');

/** A value as the model keeps it: strings as they are, numbers and booleans spelled out. */
function scalar(v: unknown, what: string): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    if (v.length > MAX_VALUE_CHARS)
      throw new DocumentError('json-oversize-value', `${what} is longer than ${MAX_VALUE_CHARS} characters`);
    return v;
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new DocumentError('json-bad-type', `${what} is not a finite number`);
    return String(v);
  }
  if (typeof v === 'boolean') return String(v);
  throw new DocumentError(
    'json-bad-type',
    `${what} is ${Array.isArray(v) ? 'an array' : 'an object'}, expected a string`,
  );
}

/** An EventData value: like scalar(), and arrays of scalars (made by the ingest pipeline) joined by spaces. */
function dataValue(v: unknown, what: string): string | null {
  if (Array.isArray(v)) {
    if (v.length > 1000)
      throw new DocumentError('json-bad-type', `${what} is an array of ${v.length} values`);
    const parts = v.map((x, i) => scalar(x, `${what}[${i}]`) ?? '');
    return parts.join(' ');
  }
  return scalar(v, what);
}

function eventIdOf(v: unknown, what: string): number {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : null;
  if (s === null)
    throw new DocumentError(
      v === undefined ? 'json-missing-field' : 'json-bad-type',
      `${what} is ${describe(v)}`,
    );
  if (!/^\d{1,5}$/.test(s) || Number(s) > 65535)
    throw new DocumentError('json-bad-type', `${what} ${JSON.stringify(s.slice(0, 20))} is not an event ID`);
  return Number(s);
}

function recordIdOf(v: unknown, what: string): number | null {
  if (v === undefined || v === null) return null;
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : null;
  if (s === null || !/^\d{1,15}$/.test(s))
    throw new DocumentError('json-bad-type', `${what} is ${describe(v)}, expected a record number`);
  return Number(s);
}

function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 20 ? v.slice(0, 20) + '…' : v);
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

function timeOf(v: unknown, what: string): { iso: string; hadZone: boolean } {
  if (v === undefined || v === null) throw new DocumentError('json-missing-field', `${what} is missing`);
  if (isObject(v) && typeof v.SystemTime === 'string') v = v.SystemTime; // {"TimeCreated": {"SystemTime": ...}}
  if (typeof v !== 'string')
    throw new DocumentError('json-bad-type', `${what} is ${describe(v)}, expected a time`);
  const t = parseTime(v);
  if (t === null) throw new DocumentError('json-bad-time', `${what} ${describe(v)} is not a time`);
  return t;
}

function setAll(event: LogonEvent, data: unknown, what: string): void {
  if (data === undefined || data === null) return;
  if (!isObject(data))
    throw new DocumentError('json-bad-type', `${what} is ${describe(data)}, expected an object`);
  for (const key of Object.keys(data)) {
    if (!Object.hasOwn(WINDOWS_FIELD_MAP, key)) continue;
    const value = dataValue(data[key], `${what}.${key}`);
    setWindowsField(event, key, value);
  }
}

/** Sets a Windows field from a moved ECS field, only where the event data did not have it. */
function fallback(
  event: LogonEvent,
  doc: JsonObject,
  dotted: string,
  windowsName: string,
  map?: (s: string) => string,
): void {
  const v = getPath(doc, p(dotted));
  if (v === undefined || v === null) return;
  const s = scalar(Array.isArray(v) && v.length > 0 ? v[0] : v, dotted);
  if (s === null || s === '') return;
  setWindowsField(event, windowsName, map === undefined ? s : map(s));
}

/** Winlogbeat's `winlog.logon.type` names → the LogonType numbers Windows writes. */
export const LOGON_TYPE_NUMBERS: Readonly<Record<string, string>> = {
  System: '0',
  Interactive: '2',
  Network: '3',
  Batch: '4',
  Service: '5',
  Proxy: '6',
  Unlock: '7',
  NetworkCleartext: '8',
  NewCredentials: '9',
  RemoteInteractive: '10',
  CachedInteractive: '11',
  CachedRemoteInteractive: '12',
  CachedUnlock: '13',
};

/** Events whose ECS `user.*` is the *target* (logon, Kerberos, NTLM); elsewhere it is the actor. */
const USER_IS_TARGET = new Set([4624, 4625, 4634, 4647, 4768, 4769, 4770, 4771, 4772, 4776, 4778, 4779]);

function mapEcs(doc: JsonObject): LogonEvent {
  const winlog = getPath(doc, ['winlog']);
  if (winlog !== undefined && !isObject(winlog))
    throw new DocumentError('json-bad-type', `winlog is ${describe(winlog)}`);
  const idValue = getPath(doc, p('winlog.event_id')) ?? getPath(doc, p('event.code'));
  const eventId = eventIdOf(idValue, 'winlog.event_id');
  // winlog.time_created keeps full precision where @timestamp was cut to milliseconds (Elastic Agent).
  const created = getPath(doc, p('winlog.time_created'));
  const time = timeOf(
    typeof created === 'string' && parseTime(created) !== null ? created : doc['@timestamp'],
    '@timestamp',
  );
  const event = emptyEvent(eventId, time.iso);
  event.recordId = recordIdOf(getPath(doc, p('winlog.record_id')), 'winlog.record_id');
  event.channel = scalar(getPath(doc, p('winlog.channel')), 'winlog.channel');
  event.provider = scalar(
    getPath(doc, p('winlog.provider_name')) ?? getPath(doc, p('event.provider')),
    'winlog.provider_name',
  );
  event.computer = scalar(getPath(doc, p('winlog.computer_name')), 'winlog.computer_name');
  setAll(event, getPath(doc, p('winlog.event_data')), 'winlog.event_data');
  setAll(event, getPath(doc, p('winlog.user_data')), 'winlog.user_data');
  // Fields the Security module moves out of event_data (used only where event_data lacks them).
  fallback(event, doc, 'source.ip', 'IpAddress');
  fallback(event, doc, 'source.port', 'IpPort');
  fallback(event, doc, 'source.domain', 'WorkstationName');
  fallback(event, doc, 'process.executable', 'ProcessName');
  fallback(event, doc, 'process.name', 'ProcessName');
  fallback(event, doc, 'winlog.logon.type', 'LogonType', (s) => LOGON_TYPE_NUMBERS[s] ?? s);
  fallback(event, doc, 'winlog.logon.failure.status', 'Status');
  fallback(event, doc, 'winlog.logon.failure.sub_status', 'SubStatus');
  fallback(event, doc, 'winlog.logon.failure.reason', 'FailureReason');
  if (USER_IS_TARGET.has(eventId)) {
    fallback(event, doc, 'user.name', 'TargetUserName');
    fallback(event, doc, 'user.domain', 'TargetDomainName');
    fallback(event, doc, 'user.id', 'TargetUserSid');
  } else {
    fallback(event, doc, 'user.name', 'SubjectUserName');
    fallback(event, doc, 'user.domain', 'SubjectDomainName');
    fallback(event, doc, 'user.id', 'SubjectUserSid');
    if (GROUP_EVENT_IDS.has(eventId)) {
      // The group is TargetUserName; the pipeline's user.target.* is derived from the member DN (unreliable).
      fallback(event, doc, 'group.name', 'TargetUserName');
      fallback(event, doc, 'group.domain', 'TargetDomainName');
      fallback(event, doc, 'group.id', 'TargetSid');
    } else {
      fallback(event, doc, 'user.target.name', 'TargetUserName');
      fallback(event, doc, 'user.target.domain', 'TargetDomainName');
      fallback(event, doc, 'user.target.id', 'TargetUserSid');
    }
  }
  return event;
}

function mapWinlogbeat6(doc: JsonObject): LogonEvent {
  const eventId = eventIdOf(doc.event_id, 'event_id');
  const time = timeOf(doc['@timestamp'], '@timestamp');
  const event = emptyEvent(eventId, time.iso);
  event.recordId = recordIdOf(doc.record_number, 'record_number');
  event.channel = scalar(doc.log_name, 'log_name');
  event.provider = scalar(doc.source_name, 'source_name');
  event.computer = scalar(doc.computer_name, 'computer_name');
  setAll(event, doc.event_data, 'event_data');
  setAll(event, doc.user_data, 'user_data');
  return event;
}

/** NXLog writes EventTime in the collector's local time; see localTimeOffset. */
export interface FlatContext {
  /** Called once per document whose time had no zone: returns the offset used (minutes east of UTC) or null for "assumed UTC". */
  localOffset(doc: JsonObject): number | null;
}

function mapFlat(doc: JsonObject, shape: 'nxlog' | 'flat', ctx: FlatContext): LogonEvent {
  const eventId = eventIdOf(doc.EventID, 'EventID');
  const timeField = shape === 'flat' ? 'TimeCreated' : 'EventTime';
  const t = timeOf(doc[timeField], timeField);
  let iso = t.iso;
  if (!t.hadZone) {
    const offset = ctx.localOffset(doc);
    if (offset !== null && offset !== 0) {
      const ms = Date.parse(iso.replace(/\.\d+Z$/, 'Z')) - offset * 60_000;
      const frac = /\.(\d+)Z$/.exec(iso)?.[1];
      iso = new Date(ms).toISOString().slice(0, 19) + (frac === undefined ? '' : '.' + frac) + 'Z';
    }
  }
  const event = emptyEvent(eventId, iso);
  event.recordId = recordIdOf(doc.RecordNumber ?? doc.EventRecordID, 'RecordNumber');
  event.channel = scalar(doc.Channel, 'Channel');
  event.provider = scalar(doc.SourceName ?? doc.ProviderName ?? doc.Provider, 'SourceName');
  event.computer = scalar(doc.Hostname ?? doc.Computer, 'Hostname');
  for (const key of Object.keys(doc)) {
    if (!Object.hasOwn(WINDOWS_FIELD_MAP, key)) continue;
    const value = dataValue(doc[key], key);
    setWindowsField(event, key, value);
  }
  setAll(event, doc.EventData, 'EventData');
  return event;
}

export function mapDocument(doc: JsonObject, shape: DocumentShape, ctx: FlatContext): LogonEvent {
  switch (shape) {
    case 'ecs':
      return mapEcs(doc);
    case 'winlogbeat6':
      return mapWinlogbeat6(doc);
    case 'nxlog':
    case 'flat':
      return mapFlat(doc, shape, ctx);
  }
}
