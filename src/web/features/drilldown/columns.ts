import { LOGON_EVENT_FIELDS, type LogonEvent } from '../../../core/events';

export type EventField = (typeof LOGON_EVENT_FIELDS)[number];

/** Column headings: the model's names spelled out; the Windows names are in docs/events.md. */
export const FIELD_LABELS: Record<EventField, string> = {
  time: 'Time (UTC)',
  recordId: 'Record ID',
  eventId: 'Event ID',
  channel: 'Channel',
  provider: 'Provider',
  computer: 'Computer',
  targetUser: 'Target user',
  targetDomain: 'Target domain',
  targetSid: 'Target SID',
  subjectUser: 'Subject user',
  subjectDomain: 'Subject domain',
  subjectSid: 'Subject SID',
  logonType: 'Logon type',
  ipAddress: 'IP address',
  ipPort: 'IP port',
  workstation: 'Workstation',
  status: 'Status',
  subStatus: 'Sub-status',
  failureReason: 'Failure reason',
  authPackage: 'Auth package',
  lmPackage: 'LM package',
  logonProcess: 'Logon process',
  processName: 'Process',
  serviceName: 'Service',
  ticketEncryption: 'Ticket encryption',
  targetServerName: 'Target server',
  memberSid: 'Member SID',
  memberName: 'Member name',
  groupName: 'Group',
  properties: 'Properties',
  objectDn: 'Object DN',
  objectClass: 'Object class',
  categoryId: 'Category',
  subcategoryGuid: 'Subcategory GUID',
  servicePrincipalNames: 'Service principal names',
  oldTargetUser: 'Old account name',
  newTargetUser: 'New account name',
  attributeName: 'Attribute',
  attributeValue: 'Attribute value',
  operationType: 'Operation',
  passwordLastSet: 'Password last set',
  targetInfo: 'Target info',
};

/** The fields that carry a value in at least one event (always time, record and event ID). */
export function usedFields(events: readonly LogonEvent[]): EventField[] {
  return LOGON_EVENT_FIELDS.filter(
    (f) =>
      f === 'time' || f === 'recordId' || f === 'eventId' || events.some((e) => e[f] !== null && e[f] !== ''),
  );
}
