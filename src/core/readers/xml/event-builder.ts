import { emptyEvent } from '../../events/logon-event.js';
import { setWindowsField, WINDOWS_FIELD_MAP } from '../../events/field-map.js';
import type { ReadCollector } from './collector.js';
import { parseTime } from './time.js';
import type { XmlAttribute, XmlHandler } from './tokenizer.js';

/** Bounds on one record: deeper elements or longer values mark the record malformed. */
export interface EventLimits {
  maxDepth: number;
  maxValue: number;
}

export const DEFAULT_EVENT_LIMITS: EventLimits = { maxDepth: 64, maxValue: 1 << 20 };

/** Mapped EventData/UserData values kept per record (Windows writes at most a few dozen). */
const MAX_FIELDS = 256;

type Target = 'eventId' | 'recordId' | 'channel' | 'computer' | 'field';

interface Pending {
  eventId: string | null;
  systemTime: string | null;
  recordId: string | null;
  channel: string | null;
  computer: string | null;
  provider: string | null;
  /** EventData/UserData values by Windows name, in document order; applied once the EventID is known. */
  fields: Array<[string, string]>;
  /** First problem found in the record; a broken record is counted and skipped. */
  broken: { code: string; message: string } | null;
  /** Line of the input the record starts on. */
  line: number;
}

/**
 * Turns tokenizer callbacks into LogonEvents. Understands every dialect we meet because it looks
 * only at element local names and paths: `Event/System/*`, `Event/EventData/Data[@Name]`, and
 * `Event/UserData/<wrapper>/<Field>` (1102 LogFileCleared and other UserData events). `<Events>`
 * roots, tool banners before the first element, RenderingInfo and namespaces are ignored.
 */
export class EventBuilder implements XmlHandler {
  /** Local name of the first element in the input (null until one is seen). */
  rootName: string | null = null;
  eventElementsSeen = 0;
  /** Where the tokenizer is (line), for warnings; set by the reader. */
  lineOf: () => number = () => 0;
  private stack: string[] = [];
  /** Elements below the depth bound are only counted, so closing tags still match up. */
  private overflow = 0;
  private cur: Pending | null = null;
  private target: Target | null = null;
  private targetDepth = 0;
  private targetName = '';
  private textBuf = '';

  constructor(
    private readonly out: ReadCollector,
    private readonly limits: EventLimits = DEFAULT_EVENT_LIMITS,
  ) {}

  open(name: string, attrs: XmlAttribute[], selfClosing: boolean): void {
    if (this.rootName === null) this.rootName = name;
    if (name === 'Event' && (this.cur === null || this.stack.length <= 1 || this.isEventBoundary())) {
      if (this.cur !== null)
        this.abandon('xml-truncated-record', 'an <Event> starts before the previous one ended');
      this.startEvent();
      if (selfClosing) this.endEvent();
      return;
    }
    const cur = this.cur;
    if (cur === null) return;
    if (this.overflow > 0 || this.stack.length >= this.limits.maxDepth) {
      this.markBroken('xml-too-deep', `elements nested deeper than ${this.limits.maxDepth}`);
      if (!selfClosing) this.overflow++;
      return;
    }
    this.stack.push(name);
    const depth = this.stack.length;
    const section = this.stack[1];
    if (section === 'System' && depth === 3) {
      switch (name) {
        case 'Provider':
          cur.provider = attr(attrs, 'Name') ?? cur.provider;
          break;
        case 'TimeCreated':
          cur.systemTime = attr(attrs, 'SystemTime') ?? cur.systemTime;
          break;
        case 'EventID':
          this.beginText('eventId', '');
          break;
        case 'EventRecordID':
          this.beginText('recordId', '');
          break;
        case 'Channel':
          this.beginText('channel', '');
          break;
        case 'Computer':
          this.beginText('computer', '');
          break;
      }
    } else if (section === 'EventData' && depth === 3 && name === 'Data') {
      const fieldName = attr(attrs, 'Name');
      if (fieldName !== null) this.beginText('field', fieldName);
    } else if (section === 'UserData' && depth === 4) {
      this.beginText('field', name);
    }
    if (selfClosing) this.close(name);
  }

  close(name: string): void {
    if (this.cur === null) return;
    if (this.overflow > 0) {
      this.overflow--;
      return;
    }
    const top = this.stack[this.stack.length - 1];
    if (top !== name) {
      const at = this.stack.lastIndexOf(name);
      this.markBroken('xml-mismatched-tag', `</${name}> closes <${top ?? ''}>`);
      if (at === -1) return;
      while (this.stack.length > at + 1) this.popElement();
    }
    this.popElement();
  }

  text(t: string): void {
    if (this.target === null) return;
    if (this.textBuf.length + t.length > this.limits.maxValue) {
      this.markBroken('xml-oversize-value', `a value longer than ${this.limits.maxValue} characters`);
      this.target = null;
      this.textBuf = '';
      return;
    }
    this.textBuf += t;
  }

  error(code: string, message: string): void {
    if (this.cur !== null) this.markBroken(code, message);
    else this.out.warn({ code, message });
  }

  /** End of input: a record still open was cut off. */
  finish(): void {
    if (this.cur !== null) this.abandon('xml-truncated-record', 'input ends inside an <Event>');
  }

  /** A nested <Event> directly under EventData/UserData would be data; anywhere else it starts a record. */
  private isEventBoundary(): boolean {
    const section = this.stack[1];
    return section !== 'UserData' && section !== 'EventData';
  }

  private startEvent(): void {
    this.eventElementsSeen++;
    this.cur = {
      eventId: null,
      systemTime: null,
      recordId: null,
      channel: null,
      computer: null,
      provider: null,
      fields: [],
      broken: null,
      line: this.lineOf(),
    };
    this.stack = ['Event'];
    this.overflow = 0;
    this.target = null;
    this.textBuf = '';
  }

  private beginText(target: Target, name: string): void {
    this.target = target;
    this.targetDepth = this.stack.length;
    this.targetName = name;
    this.textBuf = '';
  }

  private popElement(): void {
    const cur = this.cur;
    if (cur === null) return;
    if (this.target !== null && this.stack.length === this.targetDepth) {
      const value = this.textBuf;
      switch (this.target) {
        case 'eventId':
          cur.eventId = value.trim();
          break;
        case 'recordId':
          cur.recordId = value.trim();
          break;
        case 'channel':
          cur.channel = value.trim();
          break;
        case 'computer':
          cur.computer = value.trim();
          break;
        case 'field':
          // Only names the model maps are kept, and only so many: a record with a flood of
          // elements cannot grow memory.
          if (Object.hasOwn(WINDOWS_FIELD_MAP, this.targetName)) {
            if (cur.fields.length >= MAX_FIELDS)
              this.markBroken('xml-too-many-fields', `more than ${MAX_FIELDS} mapped values`);
            else cur.fields.push([this.targetName, value]);
          }
          break;
      }
      this.target = null;
      this.textBuf = '';
    }
    this.stack.pop();
    if (this.stack.length === 0) this.endEvent();
  }

  private markBroken(code: string, message: string): void {
    if (this.cur !== null && this.cur.broken === null) this.cur.broken = { code, message };
  }

  private abandon(code: string, message: string): void {
    this.markBroken(code, message);
    this.endEvent();
  }

  private endEvent(): void {
    const cur = this.cur;
    this.cur = null;
    this.stack = [];
    this.target = null;
    this.textBuf = '';
    if (cur === null) return;
    const out = this.out;
    out.recordsRead++;
    const n = out.recordsRead;
    const rid = cur.recordId !== null && /^\d{1,15}$/.test(cur.recordId) ? Number(cur.recordId) : null;
    const where =
      rid === null
        ? { message: `event #${n}`, line: cur.line }
        : { message: `event #${n} (record ${rid})`, record: rid, line: cur.line };
    if (cur.broken !== null) {
      out.warn({
        code: cur.broken.code,
        message: `${where.message}: ${cur.broken.message}; record skipped`,
        ...rec(where),
      });
      out.skip(cur.broken.code === 'xml-truncated-record' ? 'truncated-record' : 'malformed-record');
      return;
    }
    const eventId = cur.eventId !== null && /^\d{1,5}$/.test(cur.eventId) ? Number(cur.eventId) : NaN;
    if (!(eventId <= 65535)) {
      out.warn({
        code: 'xml-bad-event-id',
        message: `${where.message}: EventID ${show(cur.eventId)} is not a number 0-65535; record skipped`,
        ...rec(where),
      });
      out.skip('malformed-record');
      return;
    }
    const time = cur.systemTime === null ? null : parseTime(cur.systemTime);
    if (time === null) {
      out.warn({
        code: 'xml-bad-time',
        message: `${where.message}: TimeCreated ${show(cur.systemTime)} is not a time; record skipped`,
        ...rec(where),
      });
      out.skip('malformed-record');
      return;
    }
    if (cur.recordId !== null && rid === null) {
      out.warn({
        ...rec({ line: cur.line }),
        code: 'xml-bad-record-id',
        message: `${where.message}: EventRecordID ${show(cur.recordId)} is not a number; kept without it`,
      });
    }
    const event = emptyEvent(eventId, time.iso);
    event.recordId = rid;
    event.channel = emptyToNull(cur.channel);
    event.computer = emptyToNull(cur.computer);
    event.provider = emptyToNull(cur.provider);
    for (const [name, value] of cur.fields) setWindowsField(event, name, value);
    out.accept(event);
  }
}

function rec(where: { record?: number; line: number }): { record?: number; line?: number } {
  const out: { record?: number; line?: number } = {};
  if (where.record !== undefined) out.record = where.record;
  if (where.line > 0) out.line = where.line;
  return out;
}

function attr(attrs: XmlAttribute[], name: string): string | null {
  for (const a of attrs) if (a.name === name) return a.value;
  return null;
}

function emptyToNull(s: string | null): string | null {
  return s === null || s === '' ? null : s;
}

function show(s: string | null): string {
  if (s === null) return '(missing)';
  return JSON.stringify(s.length > 40 ? s.slice(0, 40) + '…' : s);
}
