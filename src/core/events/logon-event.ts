/**
 * The one normalized event every reader produces (EVTX, XML exports, Winlogbeat/ECS JSON, ...).
 *
 * Values are kept exactly as the log holds them, as strings: `-` stays `-`, `0xc000006d` keeps its
 * spelling, `::ffff:10.0.0.5` keeps its prefix. Cleaning (case, UPN suffixes, `::ffff:`, machine
 * accounts) belongs to the analysis, so that what the analyst drills down to is the evidence itself.
 * A field the record does not carry is `null`. See docs/events.md.
 */
export interface LogonEvent {
  /** Event time, UTC, ISO 8601 with a `Z` and all the fractional digits the source had (up to 7). */
  time: string;
  /** EventRecordID; null when the source has none (some JSON shapes). */
  recordId: number | null;
  eventId: number;
  channel: string | null;
  provider: string | null;
  /** The machine that logged the event (the record's Computer), not the log shipper. */
  computer: string | null;

  targetUser: string | null;
  targetDomain: string | null;
  targetSid: string | null;
  subjectUser: string | null;
  subjectDomain: string | null;
  subjectSid: string | null;
  logonType: string | null;
  ipAddress: string | null;
  ipPort: string | null;
  workstation: string | null;
  status: string | null;
  subStatus: string | null;
  failureReason: string | null;
  authPackage: string | null;
  lmPackage: string | null;
  logonProcess: string | null;
  processName: string | null;
  serviceName: string | null;
  ticketEncryption: string | null;
  targetServerName: string | null;
  memberSid: string | null;
  memberName: string | null;
  /** The group of 4728/4729/4732/4733/4756/4757 (Windows puts it in TargetUserName). */
  groupName: string | null;
  /** 4662 Properties: the access rights / property-set GUIDs touched. */
  properties: string | null;
  objectDn: string | null;
  objectClass: string | null;
  categoryId: string | null;
  subcategoryGuid: string | null;
  /** 4742/4741 ServicePrincipalNames (one per line as Windows writes them). */
  servicePrincipalNames: string | null;
  /** 4781 OldTargetUserName / NewTargetUserName: an account rename. */
  oldTargetUser: string | null;
  newTargetUser: string | null;
  /** 5136 AttributeLDAPDisplayName, AttributeValue and OperationType (%%14674 value added). */
  attributeName: string | null;
  attributeValue: string | null;
  operationType: string | null;
  /** 4742/4738 PasswordLastSet (`-` when the change did not touch it). */
  passwordLastSet: string | null;
  /** 4648 TargetInfo (the SPN the credentials were used for, e.g. `cifs/fs01.corp.local`). */
  targetInfo: string | null;
}

/** The EventData-derived fields, i.e. everything except the System part. */
export const EVENT_DATA_FIELDS = [
  'targetUser',
  'targetDomain',
  'targetSid',
  'subjectUser',
  'subjectDomain',
  'subjectSid',
  'logonType',
  'ipAddress',
  'ipPort',
  'workstation',
  'status',
  'subStatus',
  'failureReason',
  'authPackage',
  'lmPackage',
  'logonProcess',
  'processName',
  'serviceName',
  'ticketEncryption',
  'targetServerName',
  'memberSid',
  'memberName',
  'groupName',
  'properties',
  'objectDn',
  'objectClass',
  'categoryId',
  'subcategoryGuid',
  'servicePrincipalNames',
  'oldTargetUser',
  'newTargetUser',
  'attributeName',
  'attributeValue',
  'operationType',
  'passwordLastSet',
  'targetInfo',
] as const satisfies readonly (keyof LogonEvent)[];

export type EventDataField = (typeof EVENT_DATA_FIELDS)[number];

/** Every field of the model in a fixed order (used for NDJSON/CSV output and tests). */
export const LOGON_EVENT_FIELDS = [
  'time',
  'recordId',
  'eventId',
  'channel',
  'provider',
  'computer',
  ...EVENT_DATA_FIELDS,
] as const satisfies readonly (keyof LogonEvent)[];

/** An event with every field null, to be filled in by a reader. */
export function emptyEvent(eventId: number, time: string): LogonEvent {
  return {
    time,
    recordId: null,
    eventId,
    channel: null,
    provider: null,
    computer: null,
    targetUser: null,
    targetDomain: null,
    targetSid: null,
    subjectUser: null,
    subjectDomain: null,
    subjectSid: null,
    logonType: null,
    ipAddress: null,
    ipPort: null,
    workstation: null,
    status: null,
    subStatus: null,
    failureReason: null,
    authPackage: null,
    lmPackage: null,
    logonProcess: null,
    processName: null,
    serviceName: null,
    ticketEncryption: null,
    targetServerName: null,
    memberSid: null,
    memberName: null,
    groupName: null,
    properties: null,
    objectDn: null,
    objectClass: null,
    categoryId: null,
    subcategoryGuid: null,
    servicePrincipalNames: null,
    oldTargetUser: null,
    newTargetUser: null,
    attributeName: null,
    attributeValue: null,
    operationType: null,
    passwordLastSet: null,
    targetInfo: null,
  };
}

/**
 * An event from its System fields and its data fields given in EVENT_DATA_FIELDS order (the EVTX
 * reader's form: see setDataField). One literal in LOGON_EVENT_FIELDS order, so that every event
 * gets the same hidden class as emptyEvent's.
 */
export function eventWithData(
  time: string,
  recordId: number | null,
  eventId: number,
  channel: string | null,
  provider: string | null,
  computer: string | null,
  data: readonly (string | null)[],
): LogonEvent {
  return {
    time,
    recordId,
    eventId,
    channel,
    provider,
    computer,
    targetUser: data[0] ?? null,
    targetDomain: data[1] ?? null,
    targetSid: data[2] ?? null,
    subjectUser: data[3] ?? null,
    subjectDomain: data[4] ?? null,
    subjectSid: data[5] ?? null,
    logonType: data[6] ?? null,
    ipAddress: data[7] ?? null,
    ipPort: data[8] ?? null,
    workstation: data[9] ?? null,
    status: data[10] ?? null,
    subStatus: data[11] ?? null,
    failureReason: data[12] ?? null,
    authPackage: data[13] ?? null,
    lmPackage: data[14] ?? null,
    logonProcess: data[15] ?? null,
    processName: data[16] ?? null,
    serviceName: data[17] ?? null,
    ticketEncryption: data[18] ?? null,
    targetServerName: data[19] ?? null,
    memberSid: data[20] ?? null,
    memberName: data[21] ?? null,
    groupName: data[22] ?? null,
    properties: data[23] ?? null,
    objectDn: data[24] ?? null,
    objectClass: data[25] ?? null,
    categoryId: data[26] ?? null,
    subcategoryGuid: data[27] ?? null,
    servicePrincipalNames: data[28] ?? null,
    oldTargetUser: data[29] ?? null,
    newTargetUser: data[30] ?? null,
    attributeName: data[31] ?? null,
    attributeValue: data[32] ?? null,
    operationType: data[33] ?? null,
    passwordLastSet: data[34] ?? null,
    targetInfo: data[35] ?? null,
  };
}

/**
 * Values of an event given by reference instead of as strings: the EVTX reader leaves most values
 * in the record's bytes and its sink (NdjsonWriter) has them written as JSON straight from there,
 * never decoded into strings. Line fields are numbered as in an NDJSON line: 0 channel, 1 provider,
 * 2 computer, then 3 + the position in EVENT_DATA_FIELDS.
 */
export interface EventValueRefs {
  /** >= 0 where line field k is given by reference (its string argument is then a placeholder). */
  readonly kind: Int8Array;
  /** Bytes the referenced values (and the time, when referenced) take at most, written as JSON. */
  readonly maxBytes: number;
  /** Writes the time as a JSON string at p (when the time is given by reference); returns the end. */
  writeTime(buf: Uint8Array, p: number): number;
  /** Writes line field k as a JSON string at p; returns the end. */
  writeValue(buf: Uint8Array, p: number, k: number): number;
}

/**
 * Takes events given as their fields (eventWithData's arguments) instead of as objects: the EVTX
 * reader hands each record so to a writer that only outputs it (NDJSON), so that no event object
 * is built. `time` is null when `refs` holds it; `data` and `refs` are only valid during the call.
 */
export interface EventFieldsSink {
  /**
   * True when the sink can write values from `refs` (NdjsonWriter). A sink that needs every value
   * as a string (the workers' event packer) says false, and then gets no `refs` and a `time` always.
   */
  readonly takesValueRefs: boolean;
  /**
   * Set by a sink of NDJSON lines (NdjsonWriter): a reader may then write a record's whole line
   * itself, byte for byte the line `fields` would write (the EVTX reader's line programs).
   */
  readonly lineBytes?: LineBytesSink;
  fields(
    time: string | null,
    recordId: number | null,
    eventId: number,
    channel: string | null,
    provider: string | null,
    computer: string | null,
    data: readonly (string | null)[],
    refs: EventValueRefs | null,
  ): void;
}

/** A buffer of NDJSON lines that a reader writes into directly (EventFieldsSink.lineBytes). */
export interface LineBytesSink {
  /** Bytes written so far: the next line starts there. */
  readonly length: number;
  /** The buffer, with room for `bytes` more bytes from `length` on (valid until the next call). */
  reserve(bytes: number): Uint8Array;
  /** One line was written from `length` to `end` (its newline included). */
  commitLine(end: number): void;
}

/** The event IDs LogonLens analyses (a reader asked for "all" returns every record regardless). */
export const SECURITY_EVENT_IDS = [
  4624, 4625, 4648, 4672, 4768, 4769, 4771, 4776, 4720, 4726, 4728, 4729, 4732, 4733, 4756, 4757, 4719, 4662,
  5137, 5141, 1102, 4742, 4781, 5136,
] as const;

/** Group membership events: TargetUserName holds the group, MemberSid/MemberName the member. */
export const GROUP_EVENT_IDS: ReadonlySet<number> = new Set([4728, 4729, 4732, 4733, 4756, 4757]);

/**
 * The LogonType values Windows writes (0 system, 2 interactive … 13 cached unlock; 1 is unused).
 * A filter on anything else can only ever match nothing, so the API refuses it.
 */
export const KNOWN_LOGON_TYPES: readonly string[] = [
  '0',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
  '13',
];
