/**
 * Detections: findings an analyst wants listed, each naming the events it rests on, with
 * thresholds as exported parameters (docs/analysis.md, "Detections").
 *
 * Two families:
 * - from flags and event evidence (DCSync, DCShadow, log cleared, audit policy, accounts created or
 *   deleted, group changes, explicit credentials, Kerberoasting): fixed once the events are read; a
 *   window keeps those that overlap it;
 * - from edges (password guessing, password spraying): recomputed for any window, since they are
 *   counts over the window.
 */
import type { DatasetEdge, DatasetNode, Detection, Flag, FlagKind, Message } from '../dataset/schema.js';
import type { Rc4TicketEvidence } from './graph-builder.js';
import { failurePhrase, failurePhraseMessage } from './event-names.js';
import { message, verbatim } from './message.js';
import { hash64 } from './ids.js';
import { joinKey, PART_SEPARATOR } from './keys.js';
import { compareIso } from './time.js';

export const DETECTION_PARAMETERS = {
  /** Password guessing: at least this many failed events for one account within one hour… */
  guessingMinFailuresPerHour: 5,
  /** …or at least this many in the whole window. */
  guessingMinFailures: 20,
  /** …of which this many make it high severity. */
  guessingHighFailures: 50,
  /** Password spraying: one source with failures for at least this many distinct accounts. */
  sprayingMinAccounts: 5,
  /** Kerberoasting: RC4 service tickets for at least this many distinct services make it high. */
  kerberoastingHighServices: 3,
  /** DCSync: replication requests (4662 with a replication GUID) by a non-DC account. */
  dcsyncMinEvents: 1,
  /** Groups whose new members deserve a high-severity detection (lower-case names). */
  privilegedGroups: [
    'administrators',
    'domain admins',
    'enterprise admins',
    'schema admins',
    'account operators',
    'backup operators',
    'server operators',
    'print operators',
    'dnsadmins',
    'group policy creator owners',
    'enterprise key admins',
    'key admins',
    'organization management',
    'exchange trusted subsystem',
    'exchange windows permissions',
  ] as readonly string[],
  /**
   * Explicit-credential spray: one account using explicit credentials (4648) for more than this
   * many distinct accounts within one hour (DeepBlueCLI: passsprayuniqusermax = 6).
   */
  explicitSprayMaxAccounts: 6,
  /** Evidence record IDs kept per detection. */
  maxRecordIds: 200,
} as const;

/** Detection kinds recomputed from edges for each window. */
export const EDGE_DETECTION_KINDS: ReadonlySet<string> = new Set([
  'password-guessing',
  'password-spraying',
  'explicit-credential-spray',
]);

function detectionId(kind: string, parts: string[]): string {
  return `${kind}:${hash64(joinKey(parts, PART_SEPARATOR))}`;
}

function span(times: string[]): { first: string; last: string } {
  let first = times[0]!;
  let last = times[0]!;
  for (const t of times) {
    if (compareIso(t, first) < 0) first = t;
    if (compareIso(t, last) > 0) last = t;
  }
  return { first, last };
}

interface FlagGroup {
  node: DatasetNode;
  flags: Flag[];
}

function flagsOfKind(nodes: readonly DatasetNode[], kinds: FlagKind[]): FlagGroup[] {
  const out: FlagGroup[] = [];
  for (const n of nodes) {
    const flags = n.flags.filter((f) => kinds.includes(f.kind));
    if (flags.length > 0) out.push({ node: n, flags });
  }
  return out;
}

function evidenceOf(flags: Flag[]): Detection['evidence'] {
  const eventIds = [...new Set(flags.map((f) => f.eventId))].sort((a, b) => a - b);
  const recordIds: number[] = [];
  for (const f of flags)
    for (const r of f.recordIds) if (recordIds.length < DETECTION_PARAMETERS.maxRecordIds) recordIds.push(r);
  const computers = [...new Set(flags.map((f) => f.computer).filter((c): c is string => c !== null))].slice(
    0,
    100,
  );
  return { eventIds, recordIds, computers };
}

/** The flags' details with their counts, as text and as the `items` of a message. */
function summarize(flags: Flag[], max = 5): { text: string; items: Message[] } {
  const counts = new Map<string, { count: number; message: Message }>();
  for (const f of flags) {
    const known = counts.get(f.detail);
    if (known !== undefined) known.count += f.count;
    // Flags of datasets written before messages show their text as it is.
    else counts.set(f.detail, { count: f.count, message: f.detailMessage ?? verbatim(f.detail) });
  }
  const listed = [...counts.entries()].slice(0, max);
  const parts = listed.map(([d, { count: c }]) => (c > 1 ? `${d} ×${c}` : d));
  const items = listed.map(([, { count: c, message: m }]) =>
    c > 1 ? message('detail.flagTimes', { detail: m, count: c }) : m,
  );
  if (counts.size > max) {
    parts.push(`and ${counts.size - max} more`);
    items.push(message('detail.andMore', { count: counts.size - max }));
  }
  return { text: parts.join('; '), items };
}

/** Detections resting on flags (one per node and kind). */
export function detectFromFlags(nodes: readonly DatasetNode[]): Detection[] {
  const out: Detection[] = [];
  /** `extra` explains a detection after its flags: its English text and the message id of it. */
  const add = (
    kind: string,
    title: { text: string; key: string },
    severity: Detection['severity'],
    g: FlagGroup,
    flags: Flag[] = g.flags,
    extra: { text: string; key: string } | null = null,
  ): void => {
    const { first, last } = span(flags.map((f) => f.time));
    const count = flags.reduce((s, f) => s + f.count, 0);
    const summary = summarize(flags);
    out.push({
      id: detectionId(kind, [g.node.id, first]),
      kind,
      title: title.text,
      severity,
      nodes: [g.node.id],
      first,
      last,
      count,
      detail: `${g.node.label}: ${summary.text}${extra === null ? '' : extra.text}`,
      titleMessage: message(title.key, { node: g.node.label }),
      detailMessages: [message(extra?.key ?? 'detail.flags', { node: g.node.label, items: summary.items })],
      evidence: evidenceOf(flags),
    });
  };
  for (const g of flagsOfKind(nodes, ['dcsync'])) {
    const count = g.flags.reduce((s, f) => s + f.count, 0);
    if (count >= DETECTION_PARAMETERS.dcsyncMinEvents)
      add(
        'dcsync',
        { text: `DCSync: ${g.node.label} requested directory replication`, key: 'detection.dcsync' },
        'high',
        g,
        g.flags,
        {
          text: ' (4662 with replication rights, by an account that is not a domain controller)',
          key: 'detail.flagsDcsync',
        },
      );
  }
  for (const g of flagsOfKind(nodes, ['dcshadow']))
    add(
      'dcshadow',
      { text: `DCShadow: ${g.node.label} registered a domain controller object`, key: 'detection.dcshadow' },
      'high',
      g,
      g.flags,
      {
        text: ' (5137/5141 on nTDSDSA or server objects under Sites, by a non-DC)',
        key: 'detail.flagsDcshadow',
      },
    );
  for (const g of flagsOfKind(nodes, ['log-cleared']))
    add(
      'log-cleared',
      { text: `Security log cleared on ${g.node.label}`, key: 'detection.logCleared' },
      'high',
      g,
    );
  for (const g of flagsOfKind(nodes, ['policy-changed']))
    add(
      'audit-policy-changed',
      { text: `Audit policy changed on ${g.node.label}`, key: 'detection.auditPolicyChanged' },
      'medium',
      g,
    );
  for (const g of flagsOfKind(nodes, ['created', 'deleted'])) {
    const created = g.flags.filter((f) => f.kind === 'created');
    const deleted = g.flags.filter((f) => f.kind === 'deleted');
    const both = created.length > 0 && deleted.length > 0;
    const suspicious = both || (g.node.name.endsWith('$') && created.length > 0);
    const title = both
      ? { text: `Account ${g.node.label} created and deleted`, key: 'detection.accountCreatedDeleted' }
      : created.length > 0
        ? { text: `Account ${g.node.label} created`, key: 'detection.accountCreated' }
        : { text: `Account ${g.node.label} deleted`, key: 'detection.accountDeleted' };
    add(
      both ? 'account-created-deleted' : created.length > 0 ? 'account-created' : 'account-deleted',
      title,
      suspicious ? 'high' : 'medium',
      g,
    );
  }
  for (const g of flagsOfKind(nodes, ['group-added', 'group-removed'])) {
    const privileged = g.flags.some(
      (f) =>
        f.kind === 'group-added' &&
        DETECTION_PARAMETERS.privilegedGroups.some((p) => groupOf(f.detail) === p),
    );
    add(
      'group-membership-changed',
      { text: `Group membership of ${g.node.label} changed`, key: 'detection.groupMembershipChanged' },
      privileged ? 'high' : 'medium',
      g,
    );
  }
  for (const g of flagsOfKind(nodes, ['explicit-credentials'])) {
    if (g.node.hidden !== null) continue; // SYSTEM and computer accounts do this all day
    add(
      'explicit-credentials',
      { text: `${g.node.label} logged on with explicit credentials`, key: 'detection.explicitCredentials' },
      'low',
      g,
    );
  }
  return out;
}

/** The group name (lower-case, without domain) in a group flag's detail. */
function groupOf(detail: string): string {
  const m = /group (.+?)(?: by | on |$)/.exec(detail);
  if (m === null) return '';
  const g = m[1]!.toLowerCase();
  const slash = g.lastIndexOf('\\');
  return slash >= 0 ? g.slice(slash + 1) : g;
}

/** Kerberoasting: RC4 (0x17) service tickets for user-account services, per requesting account. */
export function detectKerberoasting(
  tickets: readonly Rc4TicketEvidence[],
  nodes: ReadonlyMap<string, DatasetNode>,
): Detection[] {
  const byAccount = new Map<string, Rc4TicketEvidence[]>();
  for (const t of tickets) {
    const list = byAccount.get(t.account);
    if (list === undefined) byAccount.set(t.account, [t]);
    else list.push(t);
  }
  const out: Detection[] = [];
  for (const [acc, list] of byAccount) {
    const services = [...new Set(list.map((t) => t.service))].sort();
    const { first, last } = span(list.flatMap((t) => [t.first, t.last]));
    const label = nodes.get(acc)?.label ?? acc;
    const recordIds = list.flatMap((t) => t.recordIds).slice(0, DETECTION_PARAMETERS.maxRecordIds);
    const sources = [
      ...new Set(
        list
          .map((t) => (t.source === null ? null : (nodes.get(t.source)?.label ?? t.source)))
          .filter((s) => s !== null),
      ),
    ];
    out.push({
      id: detectionId('kerberoasting', [acc, first]),
      kind: 'kerberoasting',
      title: `Kerberoasting: ${label} requested RC4 service tickets`,
      severity: services.length >= DETECTION_PARAMETERS.kerberoastingHighServices ? 'high' : 'medium',
      nodes: [acc, ...list.map((t) => t.source).filter((s): s is string => s !== null)].filter(
        (v, i, a) => a.indexOf(v) === i,
      ),
      first,
      last,
      count: list.reduce((s, t) => s + t.count, 0),
      detail: `4769 with ticket encryption 0x17 (RC4) for ${services.length} service${services.length === 1 ? '' : 's'}: ${services.slice(0, 10).join(', ')}${services.length > 10 ? ', …' : ''}${sources.length > 0 ? `; from ${sources.slice(0, 5).join(', ')}` : ''}`,
      titleMessage: message('detection.kerberoasting', { account: label }),
      detailMessages: [
        message(sources.length > 0 ? 'detail.kerberoastingFrom' : 'detail.kerberoasting', {
          count: services.length,
          services: withEllipsis(services, 10),
          sources: sources.slice(0, 5),
        }),
      ],
      evidence: {
        eventIds: [4769],
        recordIds,
        computers: [...new Set(list.flatMap((t) => t.computers))].slice(0, 100),
      },
    });
  }
  return out;
}

/** The first `max` items of a list, and `…` after them when there are more (as the English text). */
function withEllipsis(items: readonly string[], max: number): string[] {
  return items.length > max ? [...items.slice(0, max), '…'] : items.slice(0, max);
}

/** Password guessing and spraying from the failed-logon edges (of a window). */
export function detectFromEdges(
  edges: readonly DatasetEdge[],
  nodes: ReadonlyMap<string, DatasetNode>,
): Detection[] {
  const label = (id: string | null): string =>
    id === null ? 'an unknown source' : (nodes.get(id)?.label ?? id);
  const labelParam = (id: string | null): string | Message =>
    id === null ? message('source.unknown') : label(id);
  interface Agg {
    count: number;
    hours: Map<number, number>;
    first: string;
    last: string;
    eventIds: Map<number, number>;
    others: Map<string, number>;
    computers: Set<string>;
  }
  const agg = (): Agg => ({
    hours: new Map(),
    count: 0,
    first: '',
    last: '',
    eventIds: new Map(),
    others: new Map(),
    computers: new Set(),
  });
  const addTo = (a: Agg, e: DatasetEdge, other: string): void => {
    a.count += e.count;
    for (const [h, c] of e.hourly) a.hours.set(h, (a.hours.get(h) ?? 0) + c);
    if (a.first === '' || compareIso(e.first, a.first) < 0) a.first = e.first;
    if (a.last === '' || compareIso(e.last, a.last) > 0) a.last = e.last;
    a.eventIds.set(e.eventId, (a.eventIds.get(e.eventId) ?? 0) + e.count);
    a.others.set(other, (a.others.get(other) ?? 0) + e.count);
    if (e.target !== null && a.computers.size < 100) a.computers.add(label(e.target));
  };
  const perAccount = new Map<string, Agg>();
  const perSource = new Map<string, Agg>();
  for (const e of edges) {
    if (!e.failure) continue;
    let a = perAccount.get(e.account);
    if (a === undefined) perAccount.set(e.account, (a = agg()));
    addTo(a, e, e.source ?? '');
    if (e.source !== null) {
      let s = perSource.get(e.source);
      if (s === undefined) perSource.set(e.source, (s = agg()));
      addTo(s, e, e.account);
    }
  }
  const phrases = (a: Agg): string =>
    [...a.eventIds.entries()]
      .sort((x, y) => y[1] - x[1])
      .map(([id, c]) => `${c} ${failurePhrase(id)}`)
      .join(', ');
  const phraseMessages = (a: Agg): Message[] =>
    [...a.eventIds.entries()]
      .sort((x, y) => y[1] - x[1])
      .map(([id, c]) => message('detail.countedEvents', { count: c, events: failurePhraseMessage(id) }));
  const out: Detection[] = [];
  for (const [acc, a] of perAccount) {
    const peak = Math.max(...a.hours.values());
    if (
      a.count < DETECTION_PARAMETERS.guessingMinFailures &&
      peak < DETECTION_PARAMETERS.guessingMinFailuresPerHour
    )
      continue;
    const sources = [...a.others.entries()].sort((x, y) => y[1] - x[1]);
    out.push({
      id: detectionId('password-guessing', [acc, a.first]),
      kind: 'password-guessing',
      title: `Password guessing against ${label(acc)}`,
      severity: a.count >= DETECTION_PARAMETERS.guessingHighFailures ? 'high' : 'medium',
      nodes: [acc, ...sources.map(([s]) => s).filter((s) => s !== '')].slice(0, 1000),
      first: a.first,
      last: a.last,
      count: a.count,
      detail: `${phrases(a)} for ${label(acc)} from ${sources
        .slice(0, 5)
        .map(([s, c]) => `${label(s === '' ? null : s)} (${c})`)
        .join(
          ', ',
        )}${sources.length > 5 ? ', …' : ''} (up to ${peak} in one hour; thresholds ${DETECTION_PARAMETERS.guessingMinFailuresPerHour} in an hour or ${DETECTION_PARAMETERS.guessingMinFailures} in all)`,
      titleMessage: message('detection.passwordGuessing', { account: label(acc) }),
      detailMessages: [
        message('detail.passwordGuessing', {
          failures: phraseMessages(a),
          account: label(acc),
          sources: [
            ...sources
              .slice(0, 5)
              .map(([s, c]) =>
                message('detail.sourceCount', { source: labelParam(s === '' ? null : s), count: c }),
              ),
            ...(sources.length > 5 ? [message('list.ellipsis')] : []),
          ],
          peak,
          perHour: DETECTION_PARAMETERS.guessingMinFailuresPerHour,
          total: DETECTION_PARAMETERS.guessingMinFailures,
        }),
      ],
      evidence: {
        eventIds: [...a.eventIds.keys()].sort((x, y) => x - y),
        recordIds: [],
        computers: [...a.computers],
      },
    });
  }
  for (const [src, a] of perSource) {
    if (a.others.size < DETECTION_PARAMETERS.sprayingMinAccounts) continue;
    const accounts = [...a.others.keys()];
    out.push({
      id: detectionId('password-spraying', [src, a.first]),
      kind: 'password-spraying',
      title: `Password spraying from ${label(src)}: ${accounts.length} accounts`,
      severity: 'high',
      nodes: [src, ...accounts].slice(0, 1000),
      first: a.first,
      last: a.last,
      count: a.count,
      detail: `${phrases(a)} from ${label(src)} for ${accounts.length} accounts: ${accounts
        .slice(0, 8)
        .map((id) => label(id))
        .join(
          ', ',
        )}${accounts.length > 8 ? ', …' : ''} (threshold ${DETECTION_PARAMETERS.sprayingMinAccounts} accounts)`,
      titleMessage: message('detection.passwordSpraying', { source: label(src), count: accounts.length }),
      detailMessages: [
        message('detail.passwordSpraying', {
          failures: phraseMessages(a),
          source: label(src),
          count: accounts.length,
          accounts: withEllipsis(
            accounts.map((id) => label(id)),
            8,
          ),
          threshold: DETECTION_PARAMETERS.sprayingMinAccounts,
        }),
      ],
      evidence: {
        eventIds: [...a.eventIds.keys()].sort((x, y) => x - y),
        recordIds: [],
        computers: [...a.computers],
      },
    });
  }
  return out;
}

/**
 * Password spray through explicit credentials: one account (a 4648 edge's subject) using the
 * credentials of more than `explicitSprayMaxAccounts` distinct accounts within one hour. An
 * ordinary RunAs names one or two accounts and stays silent.
 */
export function detectExplicitCredentialSpray(
  edges: readonly DatasetEdge[],
  nodes: ReadonlyMap<string, DatasetNode>,
): Detection[] {
  const label = (id: string): string => nodes.get(id)?.label ?? id;
  const bySubject = new Map<string, DatasetEdge[]>();
  for (const e of edges) {
    if (e.eventId !== 4648 || e.subject === undefined) continue;
    const list = bySubject.get(e.subject);
    if (list === undefined) bySubject.set(e.subject, [e]);
    else list.push(e);
  }
  const out: Detection[] = [];
  for (const [subject, list] of bySubject) {
    const perHour = new Map<number, Set<string>>();
    for (const e of list)
      for (const [h] of e.hourly) {
        let set = perHour.get(h);
        if (set === undefined) perHour.set(h, (set = new Set()));
        set.add(e.account);
      }
    const peak = Math.max(0, ...[...perHour.values()].map((s) => s.size));
    if (peak <= DETECTION_PARAMETERS.explicitSprayMaxAccounts) continue;
    const accounts = [...new Set(list.map((e) => e.account))];
    const targets = [...new Set(list.map((e) => e.target).filter((t): t is string => t !== null))];
    const { first, last } = span(list.flatMap((e) => [e.first, e.last]));
    out.push({
      id: detectionId('explicit-credential-spray', [subject, first]),
      kind: 'explicit-credential-spray',
      title: `Password spray through explicit credentials: ${label(subject)} used ${accounts.length} accounts`,
      severity: 'high',
      nodes: [subject, ...accounts, ...targets].slice(0, 1000),
      first,
      last,
      count: list.reduce((s, e) => s + e.count, 0),
      detail: `4648 by ${label(subject)} with the credentials of ${accounts
        .slice(0, 8)
        .map(label)
        .join(
          ', ',
        )}${accounts.length > 8 ? ', …' : ''} (up to ${peak} distinct accounts in one hour; threshold more than ${DETECTION_PARAMETERS.explicitSprayMaxAccounts}, as DeepBlueCLI's "Distributed Account Explicit Credential Use")`,
      titleMessage: message('detection.explicitCredentialSpray', {
        subject: label(subject),
        count: accounts.length,
      }),
      detailMessages: [
        message('detail.explicitCredentialSpray', {
          subject: label(subject),
          accounts: withEllipsis(accounts.map(label), 8),
          peak,
          threshold: DETECTION_PARAMETERS.explicitSprayMaxAccounts,
        }),
      ],
      evidence: {
        eventIds: [4648],
        recordIds: [],
        computers: targets.slice(0, 100).map(label),
      },
    });
  }
  return out;
}

const SEVERITY_ORDER: Record<Detection['severity'], number> = { high: 0, medium: 1, low: 2, info: 3 };

/** Most severe first, then earliest. */
export function sortDetections(list: Detection[]): Detection[] {
  return list.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareIso(a.first, b.first) ||
      (a.id < b.id ? -1 : 1),
  );
}
