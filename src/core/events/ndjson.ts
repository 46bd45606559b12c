// One event as one line of NDJSON: the `logonlens events` output format (docs/events.md), fields in
// LOGON_EVENT_FIELDS order, absent fields null. The same text as JSON.stringify of the event's
// fields, built faster: named reads (a keyed read over 42 names is megamorphic in V8; a field added to the model must be added here too: ndjson.test.ts checks it), and each
// field's `,"name":"value"` segment built once per distinct value (computer, domain, account, SID,
// `-`… repeat on most lines), so that a line is a few dozen concatenations of ready segments. Used
// by the CLI on the main thread and by the EVTX worker threads, which write their chunks' NDJSON
// themselves so that the main thread only writes bytes.
import type { LogonEvent } from './logon-event.js';

/** Values longer than this are escaped each time (rare; they must not fill the cache). */
const CACHE_MAX_CHARS = 256;
const CACHE_MAX_ENTRIES = 8192;
const STRING_FIELDS = 39;

export class NdjsonFormatter {
  /** Per string field (in line order): value → its `,"name":"value"` segment. */
  private readonly segments: Map<string, string>[] = Array.from(
    { length: STRING_FIELDS },
    () => new Map<string, string>(),
  );
  private cached = 0;

  private segment(field: number, key: string, v: string): string {
    const m = this.segments[field]!;
    let s = m.get(v);
    if (s === undefined) {
      s = key + JSON.stringify(v);
      if (v.length <= CACHE_MAX_CHARS) {
        if (this.cached >= CACHE_MAX_ENTRIES) {
          for (const x of this.segments) x.clear();
          this.cached = 0;
        }
        m.set(v, s);
        this.cached++;
      }
    }
    return s;
  }

  /** The event as one JSON line, newline included. */
  line(e: LogonEvent): string {
    return (
      '{"time":' +
      JSON.stringify(e.time) +
      ',"recordId":' +
      (e.recordId === null ? 'null' : JSON.stringify(e.recordId)) +
      ',"eventId":' +
      JSON.stringify(e.eventId) +
      (e.channel === null ? ',"channel":null' : this.segment(0, ',"channel":', e.channel)) +
      (e.provider === null ? ',"provider":null' : this.segment(1, ',"provider":', e.provider)) +
      (e.computer === null ? ',"computer":null' : this.segment(2, ',"computer":', e.computer)) +
      (e.targetUser === null ? ',"targetUser":null' : this.segment(3, ',"targetUser":', e.targetUser)) +
      (e.targetDomain === null
        ? ',"targetDomain":null'
        : this.segment(4, ',"targetDomain":', e.targetDomain)) +
      (e.targetSid === null ? ',"targetSid":null' : this.segment(5, ',"targetSid":', e.targetSid)) +
      (e.subjectUser === null ? ',"subjectUser":null' : this.segment(6, ',"subjectUser":', e.subjectUser)) +
      (e.subjectDomain === null
        ? ',"subjectDomain":null'
        : this.segment(7, ',"subjectDomain":', e.subjectDomain)) +
      (e.subjectSid === null ? ',"subjectSid":null' : this.segment(8, ',"subjectSid":', e.subjectSid)) +
      (e.logonType === null ? ',"logonType":null' : this.segment(9, ',"logonType":', e.logonType)) +
      (e.ipAddress === null ? ',"ipAddress":null' : this.segment(10, ',"ipAddress":', e.ipAddress)) +
      (e.ipPort === null ? ',"ipPort":null' : this.segment(11, ',"ipPort":', e.ipPort)) +
      (e.workstation === null ? ',"workstation":null' : this.segment(12, ',"workstation":', e.workstation)) +
      (e.status === null ? ',"status":null' : this.segment(13, ',"status":', e.status)) +
      (e.subStatus === null ? ',"subStatus":null' : this.segment(14, ',"subStatus":', e.subStatus)) +
      (e.failureReason === null
        ? ',"failureReason":null'
        : this.segment(15, ',"failureReason":', e.failureReason)) +
      (e.authPackage === null ? ',"authPackage":null' : this.segment(16, ',"authPackage":', e.authPackage)) +
      (e.lmPackage === null ? ',"lmPackage":null' : this.segment(17, ',"lmPackage":', e.lmPackage)) +
      (e.logonProcess === null
        ? ',"logonProcess":null'
        : this.segment(18, ',"logonProcess":', e.logonProcess)) +
      (e.processName === null ? ',"processName":null' : this.segment(19, ',"processName":', e.processName)) +
      (e.serviceName === null ? ',"serviceName":null' : this.segment(20, ',"serviceName":', e.serviceName)) +
      (e.ticketEncryption === null
        ? ',"ticketEncryption":null'
        : this.segment(21, ',"ticketEncryption":', e.ticketEncryption)) +
      (e.targetServerName === null
        ? ',"targetServerName":null'
        : this.segment(22, ',"targetServerName":', e.targetServerName)) +
      (e.memberSid === null ? ',"memberSid":null' : this.segment(23, ',"memberSid":', e.memberSid)) +
      (e.memberName === null ? ',"memberName":null' : this.segment(24, ',"memberName":', e.memberName)) +
      (e.groupName === null ? ',"groupName":null' : this.segment(25, ',"groupName":', e.groupName)) +
      (e.properties === null ? ',"properties":null' : this.segment(26, ',"properties":', e.properties)) +
      (e.objectDn === null ? ',"objectDn":null' : this.segment(27, ',"objectDn":', e.objectDn)) +
      (e.objectClass === null ? ',"objectClass":null' : this.segment(28, ',"objectClass":', e.objectClass)) +
      (e.categoryId === null ? ',"categoryId":null' : this.segment(29, ',"categoryId":', e.categoryId)) +
      (e.subcategoryGuid === null
        ? ',"subcategoryGuid":null'
        : this.segment(30, ',"subcategoryGuid":', e.subcategoryGuid)) +
      (e.servicePrincipalNames === null
        ? ',"servicePrincipalNames":null'
        : this.segment(31, ',"servicePrincipalNames":', e.servicePrincipalNames)) +
      (e.oldTargetUser === null
        ? ',"oldTargetUser":null'
        : this.segment(32, ',"oldTargetUser":', e.oldTargetUser)) +
      (e.newTargetUser === null
        ? ',"newTargetUser":null'
        : this.segment(33, ',"newTargetUser":', e.newTargetUser)) +
      (e.attributeName === null
        ? ',"attributeName":null'
        : this.segment(34, ',"attributeName":', e.attributeName)) +
      (e.attributeValue === null
        ? ',"attributeValue":null'
        : this.segment(35, ',"attributeValue":', e.attributeValue)) +
      (e.operationType === null
        ? ',"operationType":null'
        : this.segment(36, ',"operationType":', e.operationType)) +
      (e.passwordLastSet === null
        ? ',"passwordLastSet":null'
        : this.segment(37, ',"passwordLastSet":', e.passwordLastSet)) +
      (e.targetInfo === null ? ',"targetInfo":null' : this.segment(38, ',"targetInfo":', e.targetInfo)) +
      '}\n'
    );
  }

  /** The events as NDJSON text. */
  lines(events: readonly LogonEvent[]): string {
    let s = '';
    for (let i = 0; i < events.length; i++) s += this.line(events[i]!);
    return s;
  }
}
