import { LOGON_EVENT_FIELDS, type LogonEvent } from '../../../core/events';

/** A column of the events table; its heading is `drilldown:field.<name>` (a missing one does not compile). */
export type EventField = (typeof LOGON_EVENT_FIELDS)[number];

/** The fields that carry a value in at least one event (always time, record and event ID). */
export function usedFields(events: readonly LogonEvent[]): EventField[] {
  return LOGON_EVENT_FIELDS.filter(
    (f) =>
      f === 'time' || f === 'recordId' || f === 'eventId' || events.some((e) => e[f] !== null && e[f] !== ''),
  );
}
