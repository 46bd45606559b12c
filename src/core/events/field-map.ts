import { EVENT_DATA_FIELDS, GROUP_EVENT_IDS, type EventDataField, type LogonEvent } from './logon-event.js';

/**
 * Windows EventData (and 1102's UserData) names → model fields. Shared by every reader so that the
 * EVTX, XML and JSON paths cannot disagree on a name. Where Windows uses two names for one thing
 * (TargetUserSid/TargetSid, WorkstationName/Workstation, AuthenticationPackageName/PackageName) both
 * map to the same field; the first non-empty value seen wins.
 */
export const WINDOWS_FIELD_MAP: Readonly<Record<string, EventDataField>> = {
  TargetUserName: 'targetUser',
  TargetDomainName: 'targetDomain',
  TargetUserSid: 'targetSid',
  TargetSid: 'targetSid',
  SubjectUserName: 'subjectUser',
  SubjectDomainName: 'subjectDomain',
  SubjectUserSid: 'subjectSid',
  LogonType: 'logonType',
  IpAddress: 'ipAddress',
  IpPort: 'ipPort',
  WorkstationName: 'workstation',
  Workstation: 'workstation',
  Status: 'status',
  SubStatus: 'subStatus',
  FailureReason: 'failureReason',
  AuthenticationPackageName: 'authPackage',
  PackageName: 'authPackage',
  LmPackageName: 'lmPackage',
  LogonProcessName: 'logonProcess',
  ProcessName: 'processName',
  ServiceName: 'serviceName',
  TicketEncryptionType: 'ticketEncryption',
  TargetServerName: 'targetServerName',
  MemberSid: 'memberSid',
  MemberName: 'memberName',
  Properties: 'properties',
  ObjectDN: 'objectDn',
  ObjectClass: 'objectClass',
  CategoryId: 'categoryId',
  SubcategoryGuid: 'subcategoryGuid',
  ServicePrincipalNames: 'servicePrincipalNames',
  OldTargetUserName: 'oldTargetUser',
  NewTargetUserName: 'newTargetUser',
  AttributeLDAPDisplayName: 'attributeName',
  AttributeValue: 'attributeValue',
  OperationType: 'operationType',
  PasswordLastSet: 'passwordLastSet',
  TargetInfo: 'targetInfo',
};

/**
 * Sets one EventData value on an event by its Windows name. Unknown names are ignored (the model
 * keeps only what the analysis and drill-down need). Returns true when the name was mapped.
 */
export function setWindowsField(event: LogonEvent, windowsName: string, value: string | null): boolean {
  const field = WINDOWS_FIELD_MAP[windowsName];
  if (field === undefined) return false;
  if (value === null) return true;
  if (event[field] === null || event[field] === '') event[field] = value;
  if (windowsName === 'TargetUserName' && GROUP_EVENT_IDS.has(event.eventId) && event.groupName === null) {
    event.groupName = value;
  }
  return true;
}

/** Windows names → position of their model field in EVENT_DATA_FIELDS (WINDOWS_FIELD_MAP's mapping). */
export const WINDOWS_FIELD_INDEX: ReadonlyMap<string, number> = new Map(
  Object.entries(WINDOWS_FIELD_MAP).map(([name, field]) => [name, EVENT_DATA_FIELDS.indexOf(field)]),
);
const TARGET_USER = EVENT_DATA_FIELDS.indexOf('targetUser');
/** Position of groupName in EVENT_DATA_FIELDS (a group event's TargetUserName also sets it). */
export const GROUP_NAME_INDEX = EVENT_DATA_FIELDS.indexOf('groupName');

/** dataFieldTargets: the value goes to its own field. */
export const SETS_FIELD = 1;
/** dataFieldTargets: the value also goes to groupName. */
export const SETS_GROUP = 2;

/**
 * Where a value for the data field at `index` goes, by setWindowsField's rule on an array in
 * EVENT_DATA_FIELDS order: SETS_FIELD when the field is still null or empty (the first non-empty
 * value wins), SETS_GROUP when it is a group event's TargetUserName and groupName is still null.
 * The EVTX reader asks this for values it writes straight from the record's bytes (never empty).
 */
export function dataFieldTargets(values: readonly (string | null)[], index: number, eventId: number): number {
  return dataFieldTargetsOf(values, index, index === TARGET_USER && GROUP_EVENT_IDS.has(eventId));
}

/**
 * dataFieldTargets for an event known to be a group event or not (`groupEvent`: its event ID is in
 * GROUP_EVENT_IDS). The EVTX reader's line programs are made once for all the records of a
 * template whose values are null, empty or not alike, and of group events or not.
 */
export function dataFieldTargetsOf(
  values: readonly (string | null)[],
  index: number,
  groupEvent: boolean,
): number {
  const old = values[index];
  let targets = old === null || old === '' ? SETS_FIELD : 0;
  if (groupEvent && index === TARGET_USER && values[GROUP_NAME_INDEX] === null) targets |= SETS_GROUP;
  return targets;
}

/**
 * setWindowsField's rule for data fields held in an array in EVENT_DATA_FIELDS order, by the
 * position WINDOWS_FIELD_INDEX gives (the EVTX reader collects a record's fields so and builds its
 * event at the end: a keyed store into the event, with 36 different keys, was megamorphic in V8
 * and the largest part of building an event). Same rule: the first non-empty value wins, and a
 * group event's TargetUserName also gives its groupName.
 */
export function setDataField(
  values: (string | null)[],
  index: number,
  eventId: number,
  value: string | null,
): void {
  if (value === null) return;
  const targets = dataFieldTargets(values, index, eventId);
  if (targets & SETS_FIELD) values[index] = value;
  if (targets & SETS_GROUP) values[GROUP_NAME_INDEX] = value;
}
