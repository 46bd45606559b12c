/**
 * Detections read from single events or short correlations of them, collected while the events
 * stream through the graph builder (docs/analysis.md, "Detections"): pass-the-hash, RDP through a
 * tunnel, DCShadow by SPN, samAccountName spoofing (noPac), Zerologon, golden tickets and DCSync
 * rights granted. Each keeps bounded evidence (record IDs, computers) and is turned into a
 * Detection once the accounts are resolved.
 */
import type { LogonEvent } from '../../events/logon-event.js';
import type { Detection, Message, MessageParam } from '../../dataset/schema.js';
import { message } from '../message.js';
import { clean, hash64, isLocalAddress, normalizeIp, normalizeStatus } from '../ids.js';
import { joinKey, PART_SEPARATOR } from '../keys.js';
import { compareIso, HOUR_MS } from '../time.js';

export const EVENT_DETECTION_PARAMETERS = {
  /** Kerberos ticket lifetime (default domain policy): a TGS needs a TGT issued this long before. */
  ticketLifetimeHours: 10,
  /** Service tickets examined for the golden-ticket check, at most (memory bound). */
  maxTicketCandidates: 200_000,
  /** Evidence record IDs kept per detection. */
  maxRecordIds: 200,
  /** Findings kept at most (hostile input); the rest are counted in the last one's detail. */
  maxFindings: 100_000,
} as const;

/** TGT times kept per DC and account; beyond it the golden-ticket check says nothing. */
const MAX_TGT_TIMES = 10_000;

/** The DRS replication SPN class a domain controller registers (DCShadow registers it too). */
export const DRS_SPN_GUID = 'e3514235-4b06-11d1-ab04-00c04fc2dcd2';

/** Replication extended rights (a 5136 ACE granting them prepares a DCSync). */
const REPLICATION_RIGHTS: Record<string, string> = {
  '1131f6aa-9c07-11d1-f79f-00c04fc2dcd2': 'DS-Replication-Get-Changes',
  '1131f6ad-9c07-11d1-f79f-00c04fc2dcd2': 'DS-Replication-Get-Changes-All',
  '89e95b76-444d-4c62-991a-0facbeda640c': 'DS-Replication-Get-Changes-In-Filtered-Set',
};

/**
 * Trustees that hold replication rights on the domain root by default: Administrators (BA,
 * S-1-5-32-544), Enterprise Domain Controllers (ED, S-1-5-9), Domain Controllers (DD, RID 516),
 * Enterprise Read-only DCs (RO, RID 498) and Read-only DCs (RID 521).
 */
export function isDefaultReplicationTrustee(trustee: string): boolean {
  const t = trustee.trim().toUpperCase();
  if (['BA', 'ED', 'DD', 'RO', 'S-1-5-9', 'S-1-5-32-544'].includes(t)) return true;
  return /^S-1-5-21-\d+-\d+-\d+-(516|498|521)$/.test(t);
}

/** The event IDs these detections read. */
export const EVENT_DETECTION_EVENT_IDS: ReadonlySet<number> = new Set([
  4624, 4672, 4742, 4768, 4769, 4781, 5136, 5805, 5827, 5828, 5829,
]);

/** An account as the event names it; the builder resolves it to a node. */
export interface AccountRef {
  user: string | null;
  domain: string | null;
  sid: string | null;
}

/** Words of a finding: the English text every reader gets, and its message id with parameters. */
interface Words {
  text: string;
  message: Message;
}

const words = (text: string, key: string, params?: Record<string, MessageParam>): Words => ({
  text,
  message: message(key, params),
});

interface Finding {
  kind: string;
  title: Words;
  severity: Detection['severity'];
  accounts: AccountRef[];
  computers: Set<string>;
  first: string;
  last: string;
  count: number;
  eventIds: Set<number>;
  recordIds: number[];
  details: Words[];
}

export interface ResolveContext {
  /** The node id of an account (creating the node), or null when the fields name none. */
  accountNode(ref: AccountRef): string | null;
  /** The node id of the host that logged an event, or null. */
  hostNode(computer: string | null): string | null;
}

export interface EventDetector {
  add(e: LogonEvent, ms: number): void;
  finish(ctx: ResolveContext): Detection[];
}

interface TicketCandidate {
  user: string;
  ip: string;
  ms: number;
  time: string;
  computer: string;
  recordId: number | null;
  ref: AccountRef;
  service: string;
  eventId: number;
}

const firstLabel = (name: string): string => name.split('.')[0]!.trim().toLowerCase();

/** Windows writes NetBIOS domain names in capitals; forged tickets often carry other shapes. */
export function forgedDomainShape(domain: string | null): string | null {
  return forgedDomainWords(domain)?.text ?? null;
}

function forgedDomainWords(domain: string | null): Words | null {
  const d = clean(domain);
  if (d === null) return null;
  if (/kiwi/i.test(d))
    return words(`the domain "${d}" is Mimikatz's default for forged tickets`, 'why.kiwiDomain', {
      domain: d,
    });
  if (/[a-z]/.test(d))
    return words(
      `the domain "${d}" is in lower case where Windows writes the NetBIOS name`,
      'why.lowerCaseDomain',
      {
        domain: d,
      },
    );
  return null;
}

/** A name from the event, or a message saying what it is when the event has none ("an account"). */
const named = (value: string | null, fallback: string): { text: string; param: MessageParam } => {
  const v = clean(value);
  return v === null
    ? { text: FALLBACK_TEXT[fallback] ?? fallback, param: message(`fallback.${fallback}`) }
    : { text: v, param: v };
};

/** The "service" of a golden-ticket candidate that is a Kerberos network logon rather than a 4769. */
const KERBEROS_LOGON_SERVICE = 'a Kerberos network logon';

function serviceParam(service: string): MessageParam {
  if (service === KERBEROS_LOGON_SERVICE) return message('fallback.kerberosLogon');
  return service === '' ? message('fallback.service') : service;
}

const FALLBACK_TEXT: Record<string, string> = {
  account: 'an account',
  host: 'a host',
  computer: 'a computer',
  unknownAccount: 'an unknown account',
  domainController: 'a domain controller',
};

/** What a finding keeps of an event. */
type EvidenceEvent = Pick<LogonEvent, 'time' | 'eventId' | 'recordId' | 'computer'>;

/**
 * `observe` tells the graph builder about an account a finding names, so that it becomes a node
 * (resolved with every other observation of it) when the graph is finished.
 */
export function createEventDetector(observe: (ref: AccountRef) => void = () => {}): EventDetector {
  const findings = new Map<string, Finding>();
  let dropped = 0;
  const tgts = new Map<string, number[]>();
  const tickets: TicketCandidate[] = [];
  const firstSeenByComputer = new Map<string, number>();
  const computersWithTgts = new Set<string>();
  /** Anonymous NTLM network logons per computer (Zerologon's first step), a bounded sample. */
  const anonymousLogons = new Map<string, EvidenceEvent[]>();

  function find(
    key: string,
    kind: string,
    title: Words,
    severity: Detection['severity'],
    e: EvidenceEvent,
    accounts: AccountRef[],
    detail: Words,
  ): Finding | null {
    let f = findings.get(key);
    if (f === undefined) {
      // Hostile input could make every event its own finding: past the bound, new ones are counted.
      if (findings.size >= EVENT_DETECTION_PARAMETERS.maxFindings) {
        dropped++;
        return null;
      }
      f = {
        kind,
        title,
        severity,
        accounts,
        computers: new Set(),
        first: e.time,
        last: e.time,
        count: 0,
        eventIds: new Set(),
        recordIds: [],
        details: [],
      };
      findings.set(key, f);
      for (const a of accounts) observe(a);
    }
    note(f, e, detail);
    return f;
  }

  function note(f: Finding, e: EvidenceEvent, detail: Words): void {
    f.count++;
    if (compareIso(e.time, f.first) < 0) f.first = e.time;
    if (compareIso(e.time, f.last) > 0) f.last = e.time;
    f.eventIds.add(e.eventId);
    if (e.recordId !== null && f.recordIds.length < EVENT_DETECTION_PARAMETERS.maxRecordIds)
      f.recordIds.push(e.recordId);
    const c = clean(e.computer);
    if (c !== null && f.computers.size < 100) f.computers.add(c);
    if (detail.text !== '' && f.details.length < 10 && !f.details.some((d) => d.text === detail.text))
      f.details.push(detail);
  }

  const target = (e: LogonEvent): AccountRef => ({
    user: e.targetUser,
    domain: e.targetDomain,
    sid: e.targetSid,
  });
  const subject = (e: LogonEvent): AccountRef => ({
    user: e.subjectUser,
    domain: e.subjectDomain,
    sid: e.subjectSid,
  });
  const lower = (s: string | null): string => (clean(s) ?? '').toLowerCase();
  let lastComputer: string | null = null;
  let lastComputerLower = lower(null);

  function logon(e: LogonEvent, ms: number): void {
    const type = clean(e.logonType);
    const proc = lower(e.logonProcess);
    const pkg = lower(e.authPackage);
    if (type === '3' && pkg === 'ntlm' && lower(e.targetUser) === 'anonymous logon') {
      const c = lower(e.computer);
      const list = anonymousLogons.get(c);
      const ev: EvidenceEvent = { time: e.time, eventId: 4624, recordId: e.recordId, computer: e.computer };
      if (list === undefined) {
        if (anonymousLogons.size < 10_000) anonymousLogons.set(c, [ev]);
      } else if (list.length < 20) list.push(ev);
    }
    // A Kerberos network logon on a DC is a golden-ticket candidate like a 4769 (checked at finish
    // only where that DC issues TGTs at all).
    const user = (clean(e.targetUser) ?? '').toLowerCase();
    const ip = normalizeIp(e.ipAddress);
    if (
      type === '3' &&
      pkg === 'kerberos' &&
      user !== '' &&
      !user.endsWith('$') &&
      ip !== null &&
      ip !== '-' &&
      !isLocalAddress(ip) &&
      tickets.length < EVENT_DETECTION_PARAMETERS.maxTicketCandidates
    )
      tickets.push({
        user,
        ip,
        ms,
        time: e.time,
        computer: lower(e.computer),
        recordId: e.recordId,
        ref: { user: e.targetUser, domain: e.targetDomain, sid: e.targetSid },
        service: KERBEROS_LOGON_SERVICE,
        eventId: 4624,
      });
    if (type === '9' && proc === 'seclogo' && pkg === 'negotiate') {
      const account = named(e.targetUser, 'account');
      const host = named(e.computer, 'host');
      find(
        joinKey(['pth', lower(e.targetUser), lower(e.computer)]),
        'pass-the-hash',
        words(
          `Pass-the-hash: ${account.text} started a NewCredentials logon on ${host.text}`,
          'detection.passTheHash',
          { account: account.param, host: host.param },
        ),
        'high',
        e,
        [target(e)],
        words(
          '4624 logon type 9 (NewCredentials) with logon process seclogo and package Negotiate: Mimikatz sekurlsa::pth (also runas /netonly)',
          'detail.passTheHash',
        ),
      );
    }
    if (type === '10' && ip !== null && isLocalAddress(ip) && ip !== '-') {
      const account = named(e.targetUser, 'account');
      const host = named(e.computer, 'host');
      find(
        joinKey(['rdp', lower(e.targetUser), lower(e.computer)]),
        'rdp-tunnel',
        words(
          `RDP through a tunnel: ${account.text} logged on to ${host.text} from a loopback address`,
          'detection.rdpTunnel',
          { account: account.param, host: host.param },
        ),
        'high',
        e,
        [target(e)],
        words(
          `4624 logon type 10 (RemoteInteractive) from ${ip}: the RDP session came through a local port forward (plink, chisel, ngrok…)`,
          'detail.rdpTunnel',
          { ip },
        ),
      );
    }
    if (lower(e.authPackage) === 'kerberos' && (clean(e.targetSid) ?? '').startsWith('S-1-5-21-')) {
      const why = forgedDomainWords(e.targetDomain);
      if (why !== null) {
        const account = named(e.targetUser, 'account');
        const domain = clean(e.targetDomain) ?? '';
        find(
          joinKey(['gtd', lower(e.targetUser), lower(e.targetDomain)]),
          'golden-ticket',
          words(
            `Golden ticket suspected: ${account.text} logged on with a Kerberos ticket naming the domain "${domain}"`,
            'detection.goldenTicketLogon',
            { account: account.param, domain },
          ),
          /kiwi/i.test(e.targetDomain ?? '') ? 'high' : 'medium',
          e,
          [target(e)],
          words(`4624 Kerberos logon: ${why.text}`, 'detail.goldenTicketLogon', { why: why.message }),
        );
      }
    }
  }

  function computerChanged(e: LogonEvent): void {
    const spns = (e.servicePrincipalNames ?? '').toLowerCase();
    const gc = /(^|\s)gc\//.test(spns);
    const drs = spns.includes(`${DRS_SPN_GUID}/`);
    const computer = named(e.targetUser, 'computer');
    const name = computer.text;
    if (gc || drs) {
      const actor = named(e.subjectUser, 'unknownAccount');
      const spns = [gc ? 'GC/…' : '', drs ? 'E3514235-4B06-11D1-AB04-00C04FC2DCD2/… (DRS)' : ''].filter(
        (s) => s !== '',
      );
      find(
        joinKey(['dcshadow-spn', lower(e.targetUser)]),
        'dcshadow-spn',
        words(
          `DCShadow: ${name} was given the service principal names of a domain controller`,
          'detection.dcshadowSpn',
          { computer: computer.param },
        ),
        'high',
        e,
        [subject(e), target(e)],
        words(`4742 by ${actor.text} set ${spns.join(' and ')} on ${name}`, 'detail.dcshadowSpn', {
          actor: actor.param,
          spns,
          computer: computer.param,
        }),
      );
    }
    const anonymous = lower(e.subjectUser) === 'anonymous logon' || clean(e.subjectSid) === 'S-1-5-7';
    if (anonymous && name.endsWith('$')) {
      const pwd = clean(e.passwordLastSet);
      find(
        joinKey(['zerologon', lower(e.targetUser)]),
        'zerologon',
        words(
          `Zerologon: the computer account ${name} was changed by ANONYMOUS LOGON`,
          'detection.zerologon',
          {
            computer: computer.param,
          },
        ),
        'high',
        e,
        [target(e)],
        words(
          `4742 by ANONYMOUS LOGON${pwd === null ? '' : `, password last set ${pwd}`} (CVE-2020-1472 resets a domain controller's machine password this way)`,
          'detail.zerologon',
          { passwordSet: pwd === null ? '' : message('detail.passwordLastSet', { time: pwd }) },
        ),
      );
    }
  }

  function renamed(e: LogonEvent): void {
    const oldName = clean(e.oldTargetUser);
    const newName = clean(e.newTargetUser);
    if (oldName === null || newName === null) return;
    const key = joinKey(['nopac', clean(e.targetSid) ?? oldName.toLowerCase()]);
    const known = findings.get(key);
    if (oldName.endsWith('$') && !newName.endsWith('$')) {
      const dc = clean(e.computer);
      const sameAsDc = dc !== null && firstLabel(dc) === newName.toLowerCase();
      const actor = named(e.subjectUser, 'unknownAccount');
      find(
        key,
        'samaccountname-spoofing',
        words(
          `samAccountName spoofing (noPac): machine account ${oldName} renamed to ${newName}`,
          'detection.noPacRename',
          { oldName, newName },
        ),
        'high',
        e,
        [subject(e), { user: newName, domain: e.targetDomain, sid: e.targetSid }],
        words(
          `4781 by ${actor.text}: ${oldName} → ${newName}${sameAsDc ? `, the name of the domain controller ${dc} without its $ (CVE-2021-42278/42287)` : ' (a computer account without its trailing $)'}`,
          sameAsDc ? 'detail.noPacRenameDc' : 'detail.noPacRename',
          { actor: actor.param, oldName, newName, dc: dc ?? '' },
        ),
      );
    } else if (known !== undefined) {
      note(
        known,
        e,
        words(`4781: renamed back ${oldName} → ${newName}`, 'detail.noPacRenamedBack', { oldName, newName }),
      );
    }
  }

  function kerberos(e: LogonEvent, ms: number): void {
    const computer = lower(e.computer);
    const status = normalizeStatus(e.status);
    const user = (clean(e.targetUser) ?? '').replace(/@.*$/, '').toLowerCase();
    if (user === '' || (status !== null && status !== '0x0')) return;
    // noPac: a ticket for the DC's own name without its $ (the renamed machine account).
    if (computer !== '' && user === firstLabel(computer)) {
      find(
        joinKey(['nopac-ticket', computer]),
        'samaccountname-spoofing',
        words(
          `samAccountName spoofing (noPac): Kerberos tickets for ${user}, the name of the domain controller without $`,
          'detection.noPacTicket',
          { account: user },
        ),
        'high',
        e,
        [target(e)],
        words(
          `${e.eventId} for the account ${clean(e.targetUser)} on ${clean(e.computer)}: a domain controller's name without its trailing $ (CVE-2021-42278/42287)`,
          'detail.noPacTicket',
          { eventId: e.eventId, account: clean(e.targetUser) ?? '', computer: clean(e.computer) ?? '' },
        ),
      );
    }
    if (e.eventId === 4769) {
      const why = forgedDomainWords(e.targetDomain);
      if (why !== null) {
        const account = named(e.targetUser, 'account');
        const domain = clean(e.targetDomain) ?? '';
        find(
          joinKey(['gtd', user, lower(e.targetDomain)]),
          'golden-ticket',
          words(
            `Golden ticket suspected: ${account.text} used a Kerberos ticket naming the domain "${domain}"`,
            'detection.goldenTicketTicket',
            { account: account.param, domain },
          ),
          /kiwi/i.test(e.targetDomain ?? '') ? 'high' : 'medium',
          e,
          [target(e)],
          words(`4769: ${why.text}`, 'detail.goldenTicketTicket', { why: why.message }),
        );
      }
    }
    const ip = normalizeIp(e.ipAddress) ?? '';
    if (e.eventId === 4768) {
      computersWithTgts.add(computer);
      const k = joinKey([computer, user]);
      const list = tgts.get(k);
      if (list === undefined) tgts.set(k, [ms]);
      else if (list.length < MAX_TGT_TIMES) list.push(ms);
      return;
    }
    const service = lower(e.serviceName);
    if (
      user.endsWith('$') ||
      service.startsWith('krbtgt') ||
      tickets.length >= EVENT_DETECTION_PARAMETERS.maxTicketCandidates
    )
      return;
    tickets.push({
      user,
      ip,
      ms,
      time: e.time,
      computer,
      recordId: e.recordId,
      ref: { user: e.targetUser, domain: e.targetDomain, sid: e.targetSid },
      service,
      eventId: 4769,
    });
  }

  function dsChange(e: LogonEvent): void {
    if (lower(e.attributeName) !== 'ntsecuritydescriptor') return;
    const dn = clean(e.objectDn) ?? '';
    if (!/^\s*DC=[^,]+(\s*,\s*DC=[^,]+)*\s*$/i.test(dn)) return; // only the domain root
    const op = lower(e.operationType);
    if (op !== '' && op !== '%%14674' && !op.includes('added')) return;
    const granted = new Map<string, Set<string>>();
    for (const ace of (e.attributeValue ?? '').slice(0, 1_000_000).matchAll(/\(([^()]{0,2000})\)/g)) {
      const parts = ace[1]!.split(';');
      if (parts.length < 6 || !/^O?A$/i.test(parts[0]!.trim())) continue;
      const right = REPLICATION_RIGHTS[parts[3]!.trim().toLowerCase()];
      const trustee = parts[5]!.trim();
      if (right === undefined || trustee === '' || isDefaultReplicationTrustee(trustee)) continue;
      let set = granted.get(trustee);
      if (set === undefined) granted.set(trustee, (set = new Set()));
      set.add(right);
    }
    for (const [trustee, rights] of granted) {
      const refs: AccountRef[] = [subject(e)];
      if (trustee.startsWith('S-1-')) refs.push({ user: null, domain: null, sid: trustee });
      const actor = named(e.subjectUser, 'unknownAccount');
      const sorted = [...rights].sort();
      find(
        joinKey(['dcsync-rights', trustee.toUpperCase(), dn.toLowerCase()]),
        'dcsync-rights-granted',
        words(`DCSync rights granted to ${trustee} on ${dn}`, 'detection.dcsyncRights', { trustee, dn }),
        'high',
        e,
        refs,
        words(
          `5136 by ${actor.text}: the security descriptor of ${dn} now grants ${sorted.join(', ')} to ${trustee}, which is not a domain controller`,
          'detail.dcsyncRights',
          { actor: actor.param, dn, rights: sorted, trustee },
        ),
      );
    }
  }

  function netlogon(e: LogonEvent): void {
    if (!lower(e.provider).includes('netlogon')) return;
    const dc = named(e.computer, 'domainController');
    find(
      joinKey(['zerologon-netlogon', lower(e.computer)]),
      'zerologon',
      words(
        `Zerologon: Netlogon reported a vulnerable or failed secure channel on ${dc.text}`,
        'detection.zerologonNetlogon',
        { computer: dc.param },
      ),
      e.eventId === 5805 ? 'medium' : 'high',
      e,
      [],
      words(
        `Netlogon ${e.eventId}${e.eventId === 5805 ? ' (a machine account failed to authenticate)' : ' (a vulnerable Netlogon secure channel connection was denied or allowed)'}`,
        e.eventId === 5805 ? 'detail.netlogon5805' : 'detail.netlogonVulnerable',
        { eventId: e.eventId },
      ),
    );
  }

  return {
    add(e: LogonEvent, ms: number): void {
      // Events come in runs from one computer: its lower-cased name is kept from the event before.
      if (e.computer !== lastComputer) {
        lastComputer = e.computer;
        lastComputerLower = lower(e.computer);
      }
      const c = lastComputerLower;
      const seen = firstSeenByComputer.get(c);
      if (seen === undefined || ms < seen) firstSeenByComputer.set(c, ms);
      if (!EVENT_DETECTION_EVENT_IDS.has(e.eventId)) return;
      switch (e.eventId) {
        case 4624:
          return logon(e, ms);
        case 4742:
          return computerChanged(e);
        case 4781:
          return renamed(e);
        case 4768:
        case 4769:
          return kerberos(e, ms);
        case 5136:
          return dsChange(e);
        default:
          if (e.eventId >= 5805) netlogon(e);
      }
    },

    finish(ctx: ResolveContext): Detection[] {
      goldenTickets();
      zerologonPrelude();
      const out: Detection[] = [];
      for (const f of findings.values()) {
        const nodes = new Set<string>();
        for (const a of f.accounts) {
          const id = ctx.accountNode(a);
          if (id !== null) nodes.add(id);
        }
        for (const c of f.computers) {
          const id = ctx.hostNode(c);
          if (id !== null && nodes.size < 1000) nodes.add(id);
        }
        out.push({
          id: `${f.kind}:${hash64(joinKey([f.title.text, f.first], PART_SEPARATOR))}`,
          kind: f.kind,
          title: f.title.text.slice(0, 4096),
          severity: f.severity,
          nodes: [...nodes],
          first: f.first,
          last: f.last,
          count: f.count,
          detail: f.details
            .map((d) => d.text)
            .join('; ')
            .slice(0, 16_384),
          titleMessage: f.title.message,
          detailMessages: f.details.map((d) => d.message),
          evidence: {
            eventIds: [...f.eventIds].sort((a, b) => a - b),
            recordIds: f.recordIds,
            computers: [...f.computers].map((c) => c.slice(0, 4096)),
          },
        });
      }
      const last = out[out.length - 1];
      if (dropped > 0 && last !== undefined) {
        last.detail =
          `${last.detail} (and ${dropped} more findings not listed: bound ${EVENT_DETECTION_PARAMETERS.maxFindings})`.slice(
            0,
            16_384,
          );
        last.detailMessages = [
          ...(last.detailMessages ?? []),
          message('detail.moreFindings', { count: dropped, bound: EVENT_DETECTION_PARAMETERS.maxFindings }),
        ];
      }
      return out;
    },
  };

  /** Zerologon: the anonymous NTLM network logons on the DC before the account change, as evidence. */
  function zerologonPrelude(): void {
    for (const f of findings.values()) {
      if (f.kind !== 'zerologon' || !f.eventIds.has(4742)) continue;
      for (const c of [...f.computers]) {
        const before = (anonymousLogons.get(c.toLowerCase()) ?? []).filter(
          (a) => compareIso(a.time, f.last) <= 0,
        );
        for (const a of before)
          note(
            f,
            a,
            words(`after an anonymous NTLM network logon (4624 type 3) on ${c}`, 'detail.zerologonPrelude', {
              computer: c,
            }),
          );
      }
    }
  }

  /**
   * Golden ticket: Kerberos use on a DC (a 4769, or a 4624 Kerberos network logon) by an account
   * this DC does issue TGTs to (a 4768 at some time: in a domain with several DCs the others'
   * accounts stay out), but none in the ticket lifetime before, on a DC whose log reaches back that
   * far. A forged TGT is never requested, so nothing precedes its use.
   */
  function goldenTickets(): void {
    const lifetime = EVENT_DETECTION_PARAMETERS.ticketLifetimeHours * HOUR_MS;
    for (const list of tgts.values()) list.sort((a, b) => a - b);
    for (const t of tickets) {
      if (!computersWithTgts.has(t.computer)) continue;
      const since = firstSeenByComputer.get(t.computer);
      if (since === undefined || t.ms - since < lifetime) continue;
      const issued = tgts.get(joinKey([t.computer, t.user]));
      if (issued === undefined || issued.length >= MAX_TGT_TIMES) continue; // cannot tell
      if (issued.some((ms) => ms <= t.ms && t.ms - ms <= lifetime)) continue;
      const e: EvidenceEvent = {
        time: t.time,
        eventId: t.eventId,
        recordId: t.recordId,
        computer: t.computer,
      };
      find(
        joinKey(['gt', t.user]),
        'golden-ticket',
        words(
          `Golden ticket suspected: Kerberos use by ${t.user} that no TGT explains`,
          'detection.goldenTicketNoTgt',
          {
            account: t.user,
          },
        ),
        'medium',
        e,
        [t.ref],
        words(
          `${t.eventId} from ${t.ip === '' ? 'an unknown client' : t.ip} for ${t.service || 'a service'} with no 4768 for ${t.user} on this DC in the ${EVENT_DETECTION_PARAMETERS.ticketLifetimeHours} hours before, although this DC issues its TGTs and its log covers those hours`,
          'detail.goldenTicketNoTgt',
          {
            eventId: t.eventId,
            client: t.ip === '' ? message('fallback.unknownClient') : t.ip,
            service: serviceParam(t.service),
            account: t.user,
            hours: EVENT_DETECTION_PARAMETERS.ticketLifetimeHours,
          },
        ),
      );
    }
  }
}
