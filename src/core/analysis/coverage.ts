/**
 * Coverage: which event IDs the sources held, and which detections could not fire because the
 * events they rest on are absent, so that silence is not read as "clean" (docs/analysis.md,
 * "Coverage"). One table, used by the dataset, the CLI summary and the app.
 */
import type { Coverage } from '../dataset/schema.js';
import type { SigmaProblem } from '../sigma/rule.js';
import { message } from './message.js';

export interface DetectionRequirement {
  /** Detection kind (as in Detection.kind). */
  kind: string;
  /** What it finds, for the note. */
  what: string;
  /** Every group must be present; within a group any one event ID is enough. */
  needs: number[][];
  /** Which audit setting produces the events (what an analyst turns on). */
  audit: string;
}

export const DETECTION_REQUIREMENTS: readonly DetectionRequirement[] = [
  {
    kind: 'dcsync',
    what: 'DCSync',
    needs: [[4662]],
    audit: 'Audit Directory Service Access on domain controllers',
  },
  {
    kind: 'dcshadow',
    what: 'DCShadow (DC object registered)',
    needs: [[5137, 5141]],
    audit: 'Audit Directory Service Changes',
  },
  {
    kind: 'dcshadow-spn',
    what: 'DCShadow by SPN',
    needs: [[4742]],
    audit: 'Audit Computer Account Management',
  },
  {
    kind: 'dcsync-rights-granted',
    what: 'DCSync rights granted',
    needs: [[5136]],
    audit: 'Audit Directory Service Changes (with a SACL on the domain root)',
  },
  { kind: 'zerologon', what: 'Zerologon', needs: [[4742]], audit: 'Audit Computer Account Management' },
  {
    kind: 'samaccountname-spoofing',
    what: 'samAccountName spoofing (noPac)',
    needs: [[4781, 4768]],
    audit: 'Audit User/Computer Account Management, Kerberos Authentication Service',
  },
  {
    kind: 'golden-ticket',
    what: 'golden tickets (service tickets without a TGT)',
    needs: [[4768], [4769]],
    audit: 'Audit Kerberos Authentication Service and Service Ticket Operations',
  },
  {
    kind: 'kerberoasting',
    what: 'Kerberoasting',
    needs: [[4769]],
    audit: 'Audit Kerberos Service Ticket Operations',
  },
  { kind: 'pass-the-hash', what: 'pass-the-hash', needs: [[4624]], audit: 'Audit Logon' },
  { kind: 'rdp-tunnel', what: 'RDP through a tunnel', needs: [[4624]], audit: 'Audit Logon' },
  {
    kind: 'password-guessing',
    what: 'password guessing and spraying',
    needs: [[4625, 4771, 4776]],
    audit: 'Audit Logon, Kerberos Authentication Service, Credential Validation',
  },
  {
    kind: 'explicit-credential-spray',
    what: 'password spray through explicit credentials',
    needs: [[4648]],
    audit: 'Audit Logon',
  },
  { kind: 'log-cleared', what: 'log clearing', needs: [[1102]], audit: 'always logged in the Security log' },
  {
    kind: 'audit-policy-changed',
    what: 'audit policy changes',
    needs: [[4719]],
    audit: 'Audit Audit Policy Change',
  },
  {
    kind: 'account-created',
    what: 'account creation and deletion',
    needs: [[4720, 4726]],
    audit: 'Audit User Account Management',
  },
  {
    kind: 'group-membership-changed',
    what: 'group membership changes',
    needs: [[4728, 4729, 4732, 4733, 4756, 4757]],
    audit: 'Audit Security Group Management',
  },
];

/** The coverage of a dataset from the event counts of its sources. */
export function coverageOf(
  eventCounts: Readonly<Record<string, number>>,
  sigma: { rules: number; problems: readonly SigmaProblem[] } | null,
): Coverage {
  const has = (id: number): boolean => (eventCounts[String(id)] ?? 0) > 0;
  const blind: Coverage['blind'] = [];
  for (const r of DETECTION_REQUIREMENTS) {
    const missing = r.needs.filter((group) => !group.some(has));
    if (missing.length === 0) continue;
    const ids = missing.flat();
    blind.push({
      detection: r.kind,
      missing: ids,
      note: `no ${ids.join('/')} events: ${r.what} cannot be seen (${r.audit})`,
      noteMessage: message('coverage.blind', {
        ids: ids.join('/'),
        what: message(`coverage.what.${r.kind}`),
        audit: message(`coverage.audit.${r.kind}`),
      }),
    });
  }
  return {
    eventIds: { ...eventCounts },
    blind,
    sigma:
      sigma === null
        ? null
        : {
            rules: sigma.rules,
            problems: sigma.problems.slice(0, 10_000).map((p) => ({
              file: p.file.slice(0, 4096),
              rule: p.rule === null ? null : p.rule.slice(0, 4096),
              kind: p.kind,
              reason: p.reason.slice(0, 4096),
            })),
          },
  };
}
