// One event as one line of NDJSON: the `logonlens events` output format (docs/events.md), fields in
// LOGON_EVENT_FIELDS order, absent fields null. The same text as JSON.stringify of the event's
// fields, built faster: named reads (a keyed read over 34 names is megamorphic in V8) and each
// distinct string escaped once (computer, domain, account, SID, `-`… repeat on most lines). Used
// by the CLI on the main thread and by the EVTX worker threads, which write their chunks' NDJSON
// themselves so that the main thread only writes bytes.
import type { LogonEvent } from './logon-event.js';

/** Strings longer than this are escaped each time (rare; they must not fill the cache). */
const CACHE_MAX_CHARS = 256;
const CACHE_MAX_ENTRIES = 8192;

export class NdjsonFormatter {
  private readonly escaped = new Map<string, string>();

  private text(v: string | null): string {
    if (v === null) return 'null';
    let j = this.escaped.get(v);
    if (j === undefined) {
      j = JSON.stringify(v);
      if (v.length <= CACHE_MAX_CHARS) {
        if (this.escaped.size >= CACHE_MAX_ENTRIES) this.escaped.clear();
        this.escaped.set(v, j);
      }
    }
    return j;
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
      ',"channel":' +
      this.text(e.channel) +
      ',"provider":' +
      this.text(e.provider) +
      ',"computer":' +
      this.text(e.computer) +
      ',"targetUser":' +
      this.text(e.targetUser) +
      ',"targetDomain":' +
      this.text(e.targetDomain) +
      ',"targetSid":' +
      this.text(e.targetSid) +
      ',"subjectUser":' +
      this.text(e.subjectUser) +
      ',"subjectDomain":' +
      this.text(e.subjectDomain) +
      ',"subjectSid":' +
      this.text(e.subjectSid) +
      ',"logonType":' +
      this.text(e.logonType) +
      ',"ipAddress":' +
      this.text(e.ipAddress) +
      ',"ipPort":' +
      this.text(e.ipPort) +
      ',"workstation":' +
      this.text(e.workstation) +
      ',"status":' +
      this.text(e.status) +
      ',"subStatus":' +
      this.text(e.subStatus) +
      ',"failureReason":' +
      this.text(e.failureReason) +
      ',"authPackage":' +
      this.text(e.authPackage) +
      ',"lmPackage":' +
      this.text(e.lmPackage) +
      ',"logonProcess":' +
      this.text(e.logonProcess) +
      ',"processName":' +
      this.text(e.processName) +
      ',"serviceName":' +
      this.text(e.serviceName) +
      ',"ticketEncryption":' +
      this.text(e.ticketEncryption) +
      ',"targetServerName":' +
      this.text(e.targetServerName) +
      ',"memberSid":' +
      this.text(e.memberSid) +
      ',"memberName":' +
      this.text(e.memberName) +
      ',"groupName":' +
      this.text(e.groupName) +
      ',"properties":' +
      this.text(e.properties) +
      ',"objectDn":' +
      this.text(e.objectDn) +
      ',"objectClass":' +
      this.text(e.objectClass) +
      ',"categoryId":' +
      this.text(e.categoryId) +
      ',"subcategoryGuid":' +
      this.text(e.subcategoryGuid) +
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
