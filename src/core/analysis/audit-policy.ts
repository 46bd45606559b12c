/**
 * Names for event 4719 (system audit policy changed): CategoryId `%%82xx` and SubcategoryGuid, as
 * auditpol.exe names them. LogonTracer has the same kind of table; its category table lacks `%%8278`
 * (Account Management: it lists `%%8270`), so its 4719 events for that category have no name.
 */

export const AUDIT_CATEGORIES: Readonly<Record<string, string>> = {
  '%%8272': 'System',
  '%%8273': 'Logon/Logoff',
  '%%8274': 'Object Access',
  '%%8275': 'Privilege Use',
  '%%8276': 'Detailed Tracking',
  '%%8277': 'Policy Change',
  '%%8278': 'Account Management',
  '%%8279': 'DS Access',
  '%%8280': 'Account Logon',
};

/** By the 4 hex digits that vary in {0CCE92xx-69AE-11D9-BED3-505054503030}. */
const SUBCATEGORIES: Readonly<Record<string, string>> = {
  '9210': 'Security State Change',
  '9211': 'Security System Extension',
  '9212': 'System Integrity',
  '9213': 'IPsec Driver',
  '9214': 'Other System Events',
  '9215': 'Logon',
  '9216': 'Logoff',
  '9217': 'Account Lockout',
  '9218': 'IPsec Main Mode',
  '9219': 'IPsec Quick Mode',
  '921a': 'IPsec Extended Mode',
  '921b': 'Special Logon',
  '921c': 'Other Logon/Logoff Events',
  '921d': 'File System',
  '921e': 'Registry',
  '921f': 'Kernel Object',
  '9220': 'SAM',
  '9221': 'Certification Services',
  '9222': 'Application Generated',
  '9223': 'Handle Manipulation',
  '9224': 'File Share',
  '9225': 'Filtering Platform Packet Drop',
  '9226': 'Filtering Platform Connection',
  '9227': 'Other Object Access Events',
  '9228': 'Sensitive Privilege Use',
  '9229': 'Non Sensitive Privilege Use',
  '922a': 'Other Privilege Use Events',
  '922b': 'Process Creation',
  '922c': 'Process Termination',
  '922d': 'DPAPI Activity',
  '922e': 'RPC Events',
  '922f': 'Audit Policy Change',
  '9230': 'Authentication Policy Change',
  '9231': 'Authorization Policy Change',
  '9232': 'MPSSVC Rule-Level Policy Change',
  '9233': 'Filtering Platform Policy Change',
  '9234': 'Other Policy Change Events',
  '9235': 'User Account Management',
  '9236': 'Computer Account Management',
  '9237': 'Security Group Management',
  '9238': 'Distribution Group Management',
  '9239': 'Application Group Management',
  '923a': 'Other Account Management Events',
  '923b': 'Directory Service Access',
  '923c': 'Directory Service Changes',
  '923d': 'Directory Service Replication',
  '923e': 'Detailed Directory Service Replication',
  '923f': 'Credential Validation',
  '9240': 'Kerberos Service Ticket Operations',
  '9241': 'Other Account Logon Events',
  '9242': 'Kerberos Authentication Service',
  '9243': 'Network Policy Server',
  '9244': 'Detailed File Share',
  '9245': 'Removable Storage',
  '9246': 'Central Policy Staging',
  '9247': 'User / Device Claims',
  '9248': 'Plug and Play Events',
  '9249': 'Group Membership',
  '924a': 'Token Right Adjusted Events',
};

const GUID_RE = /^\{?0cce([0-9a-f]{4})-69ae-11d9-bed3-505054503030\}?$/;

/** "Logon/Logoff", or the raw value when unknown, or null when absent. */
export function auditCategoryName(raw: string | null): string | null {
  if (raw === null) return null;
  const t = raw.trim();
  return AUDIT_CATEGORIES[t] ?? (t === '' ? null : t);
}

/** "Special Logon", or the raw value when unknown, or null when absent. */
export function auditSubcategoryName(raw: string | null): string | null {
  if (raw === null) return null;
  const t = raw.trim().toLowerCase();
  const m = GUID_RE.exec(t);
  const name = m === null ? undefined : SUBCATEGORIES[m[1]!];
  return name ?? (t === '' ? null : raw.trim());
}
