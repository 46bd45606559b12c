// LogonEvent → the document Winlogbeat 8 with the Security ingest pipeline would index (ECS),
// including the fields the pipeline *moves* out of winlog.event_data (reference §2). Used to seed
// test clusters and the benchmark from the real sample logs; the loader must read these back to
// the same events.
import { WINDOWS_FIELD_MAP } from '../../core/events/field-map.js';
import { EVENT_DATA_FIELDS, type EventDataField, type LogonEvent } from '../../core/events/logon-event.js';
import { LOGON_TYPE_NAME, TARGET_IS_USER_EVENT_IDS } from './shapes.js';

const WINDOWS_NAME: Partial<Record<EventDataField, string>> = {};
for (const [name, field] of Object.entries(WINDOWS_FIELD_MAP)) WINDOWS_NAME[field] ??= name;

/** The Windows name of a field for an event (4776 says Workstation and PackageName). */
function windowsName(field: EventDataField, eventId: number): string | undefined {
  if (eventId === 4776 && field === 'workstation') return 'Workstation';
  if (eventId === 4776 && field === 'authPackage') return 'PackageName';
  if ((eventId === 4768 || eventId === 4769 || eventId === 4771) && field === 'targetSid') return 'TargetSid';
  return WINDOWS_NAME[field];
}

const IPV4 = /^(?:::ffff:)?(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

export interface EcsOptions {
  /** Apply the Security module's moves (default true); false gives raw Winlogbeat output. */
  securityModule?: boolean;
  /** The shipper's host name (host.name is the shipper, not the logging computer). */
  shipper?: string;
  agentVersion?: string;
}

export function toEcsDocument(ev: LogonEvent, opts: EcsOptions = {}): Record<string, unknown> {
  const moveFields = opts.securityModule ?? true;
  const eventData: Record<string, string> = {};
  for (const f of EVENT_DATA_FIELDS) {
    if (f === 'groupName') continue; // TargetUserName of group events
    const v = ev[f];
    const name = windowsName(f, ev.eventId);
    if (v !== null && name) eventData[name] = v;
  }
  const winlog: Record<string, unknown> = {
    event_id: String(ev.eventId),
    channel: ev.channel ?? 'Security',
    provider_name: ev.provider ?? 'Microsoft-Windows-Security-Auditing',
    computer_name: ev.computer,
    api: 'wineventlog',
  };
  if (ev.recordId !== null) winlog.record_id = String(ev.recordId);
  const doc: Record<string, unknown> = {
    '@timestamp': ev.time,
    event: {
      code: String(ev.eventId),
      provider: ev.provider ?? 'Microsoft-Windows-Security-Auditing',
      kind: 'event',
    },
    host: { name: opts.shipper ?? 'wec01' },
    agent: { type: 'winlogbeat', version: opts.agentVersion ?? '8.12.0' },
    ecs: { version: '8.0.0' },
    winlog,
  };
  if (moveFields) {
    if (ev.eventId === 1102) {
      // 1102 has no EventData: its actor is in UserData.
      winlog.user_data = eventData;
    } else {
      if (TARGET_IS_USER_EVENT_IDS.has(ev.eventId)) {
        const user: Record<string, string> = {};
        move(eventData, 'TargetUserName', user, 'name');
        move(eventData, 'TargetDomainName', user, 'domain');
        move(eventData, windowsName('targetSid', ev.eventId) ?? 'TargetUserSid', user, 'id');
        if (Object.keys(user).length > 0) doc.user = user;
      }
      const source: Record<string, unknown> = {};
      const ip = eventData.IpAddress !== undefined ? IPV4.exec(eventData.IpAddress) : null;
      if (ip?.[1]) {
        // The pipeline sets source.ip (ip type, `::ffff:` stripped) only for real addresses; `-` stays.
        source.ip = ip[1];
        delete eventData.IpAddress;
        if (eventData.IpPort !== undefined && /^\d+$/.test(eventData.IpPort)) {
          source.port = Number(eventData.IpPort);
          delete eventData.IpPort;
        }
      }
      move(eventData, 'WorkstationName', source, 'domain');
      if (Object.keys(source).length > 0) doc.source = source;
      const lt = eventData.LogonType;
      const ltName = lt !== undefined ? LOGON_TYPE_NAME[lt] : undefined;
      if (ltName) {
        winlog.logon = { type: ltName };
        delete eventData.LogonType;
      }
      winlog.event_data = eventData;
    }
    doc.event = {
      ...(doc.event as object),
      outcome: ev.eventId === 4625 || ev.eventId === 4771 ? 'failure' : 'success',
    };
  } else {
    winlog.event_data = eventData;
  }
  return doc;
}

function move(from: Record<string, string>, key: string, to: Record<string, unknown>, as: string): void {
  const v = from[key];
  if (v === undefined || v === '' || v === '-') return;
  to[as] = v;
  delete from[key];
}

/**
 * An index template like Winlogbeat's for a data stream: event data as keyword, source.ip as ip.
 * `dataStream` false gives plain (dated) indices.
 */
export function winlogbeatTemplate(pattern: string, dataStream: boolean): Record<string, unknown> {
  return {
    index_patterns: [pattern],
    priority: 200,
    ...(dataStream ? { data_stream: {} } : {}),
    template: {
      settings: { number_of_shards: 1, number_of_replicas: 0 },
      mappings: {
        dynamic_templates: [
          {
            strings_as_keyword: {
              match_mapping_type: 'string',
              mapping: { type: 'keyword', ignore_above: 1024 },
            },
          },
        ],
        properties: {
          '@timestamp': { type: 'date' },
          source: { properties: { ip: { type: 'ip' }, port: { type: 'long' }, domain: { type: 'keyword' } } },
          winlog: { properties: { event_id: { type: 'keyword' }, record_id: { type: 'keyword' } } },
        },
      },
    },
  };
}
