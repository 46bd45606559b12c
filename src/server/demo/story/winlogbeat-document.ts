/**
 * A Windows event dressed as the document Winlogbeat 8 ships (before Elasticsearch's Security
 * ingest pipeline moves fields out of `winlog.event_data`): `winlog.*` as Winlogbeat writes it,
 * `@timestamp` with Windows' 7 fractional digits, the record's computer in
 * `winlog.computer_name` (docs: reference "Winlogbeat and Elastic Agent documents").
 */
import { fqdnOf } from './cast.js';
import type { WinEvent } from './windows-events.js';

const PROVIDER = 'Microsoft-Windows-Security-Auditing';
const PROVIDER_GUID = '{54849625-5478-4994-a5ba-3e3b0328c30d}';
const WINLOGBEAT_VERSION = '8.17.0';

const TASKS: Record<number, string> = {
  4624: 'Logon',
  4625: 'Logon',
  4648: 'Logon',
  4662: 'Directory Service Access',
  4672: 'Special Logon',
  4768: 'Kerberos Authentication Service',
  4769: 'Kerberos Service Ticket Operations',
  4771: 'Kerberos Authentication Service',
  4776: 'Credential Validation',
};

/** `2026-03-09T08:12:03.1234567Z`: the millisecond time plus 4 digits below it. */
export function windowsTime(ms: number, subMs: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}${String(subMs).padStart(4, '0')}Z`;
}

export interface DocumentContext {
  recordId: number;
  /** 0–9999: the time's digits below the millisecond. */
  subMs: number;
  processId: number;
  threadId: number;
}

export function winlogbeatDocument(e: WinEvent, ctx: DocumentContext): Record<string, unknown> {
  const time = windowsTime(e.ms, ctx.subMs);
  const task = TASKS[e.eventId] ?? 'Other';
  const computer = fqdnOf(e.computer);
  return {
    '@timestamp': time,
    agent: { type: 'winlogbeat', version: WINLOGBEAT_VERSION, name: e.computer.name },
    ecs: { version: '8.0.0' },
    event: {
      code: String(e.eventId),
      kind: 'event',
      provider: PROVIDER,
      action: task,
      outcome: e.success ? 'success' : 'failure',
    },
    host: { name: computer.toLowerCase() },
    log: { level: 'information' },
    winlog: {
      api: 'wineventlog',
      channel: 'Security',
      computer_name: computer,
      event_id: String(e.eventId),
      record_id: ctx.recordId,
      provider_name: PROVIDER,
      provider_guid: PROVIDER_GUID,
      task,
      opcode: 'Info',
      keywords: [e.success ? 'Audit Success' : 'Audit Failure'],
      process: { pid: ctx.processId, thread: { id: ctx.threadId } },
      time_created: time,
      event_data: e.data,
    },
  };
}
