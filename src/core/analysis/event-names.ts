/** Words for event IDs in reasons and detections ("failed Kerberos pre-auth (4771)"). */
import type { Message } from '../dataset/schema.js';
import { message } from './message.js';

const EVENT_PHRASES: Record<number, string> = {
  4624: 'successful logons',
  4625: 'failed logons',
  4648: 'logons with explicit credentials',
  4672: 'privileged logons',
  4768: 'Kerberos TGT requests',
  4769: 'Kerberos service tickets',
  4771: 'failed Kerberos pre-auth',
  4776: 'NTLM authentications',
};

const FAILURE_PHRASES: Record<number, string> = {
  4625: 'failed logons',
  4768: 'failed Kerberos TGT requests',
  4769: 'failed Kerberos service ticket requests',
  4771: 'failed Kerberos pre-auth',
  4776: 'failed NTLM authentications',
};

/** "successful logons (4624)" */
export function eventPhrase(eventId: number): string {
  return `${EVENT_PHRASES[eventId] ?? 'events'} (${eventId})`;
}

/** "failed Kerberos pre-auth (4771)" */
export function failurePhrase(eventId: number): string {
  return `${FAILURE_PHRASES[eventId] ?? 'failed events'} (${eventId})`;
}

/** eventPhrase as a message: `event.4624`, or `event.other` for an ID without a name. */
export function eventPhraseMessage(eventId: number): Message {
  return eventId in EVENT_PHRASES ? message(`event.${eventId}`) : message('event.other', { eventId });
}

/** failurePhrase as a message: `failed.4771`, or `failed.other`. */
export function failurePhraseMessage(eventId: number): Message {
  return eventId in FAILURE_PHRASES ? message(`failed.${eventId}`) : message('failed.other', { eventId });
}
