/**
 * The attack inside the week (Wednesday 11 March 2026, UTC). The attacker already runs code on
 * WS17 as its user d.fischer (a phishing mail, not in the Security log). From there:
 *
 * 1. 13:02 password spray from WS17: one NTLM round against FS01, then a Kerberos round against
 *    the DC over most of the domain's accounts, one guess each (4625, 4776, 4771; 4768 with 0x6
 *    for names that do not exist). The guess is right for svc-backup: a TGT (4768) at 13:06.
 * 2. 13:14 explicit credentials: `runas /netonly` as svc-backup on WS17 (4648 by d.fischer), SMB to
 *    FS01 and BACKUP01 (4624 type 3, 4672).
 * 3. 13:27 RDP from WS17 to BACKUP01 as svc-backup (4624 type 10), then SMB from BACKUP01 to APP01.
 * 4. 14:07 DCSync from BACKUP01: svc-backup, which the backup product was (wrongly) granted
 *    replication rights for, asks DC01 for directory replication (4662 with the
 *    DS-Replication-Get-Changes(-All) GUIDs) — from a machine that is not a domain controller.
 * 5. 14:21 pass-the-hash: Mimikatz sekurlsa::pth on BACKUP01 with the Administrator's NT hash,
 *    taken by the DCSync (4624 type 9, seclogo), then NTLM logons as Administrator from BACKUP01 to
 *    FS02 and DC01.
 */
import { type Account, accountNamed, type Cast, DC, type Host, hostNamed, ROLES, SERVERS } from './cast.js';
import { at, minutes, seconds } from './clock.js';
import type { Prng } from './prng.js';
import { type EventFactory, LOGON, REPLICATION_RIGHTS, STATUS, type WinEvent } from './windows-events.js';

/** The story's facts, for the README and the tests. */
export const ATTACK = {
  day: '2026-03-11',
  source: ROLES.foothold.workstation,
  footholdUser: ROLES.foothold.user,
  compromised: ROLES.sprayed,
  sprayStart: '2026-03-11T13:02',
  sprayEnd: '2026-03-11T13:06',
  compromisedAt: '2026-03-11T13:06',
  explicitCredentialsAt: '2026-03-11T13:14',
  rdpAt: '2026-03-11T13:27',
  dcsyncFrom: 'BACKUP01',
  dcsyncAt: '2026-03-11T14:07',
  passTheHashAt: '2026-03-11T14:21',
  /** Names the Kerberos round tries that are no account at all. */
  unknownNames: ['admin', 'backup', 'test', 'scanner'],
  /** Accounts the NTLM round tries first. */
  ntlmRoundSize: 8,
} as const;

const DAY = 2; // Wednesday

/**
 * The attack's events. `routine` is the ordinary week: the attacker works inside d.fischer's logon
 * session of that Wednesday morning, so the 4648s carry its logon id.
 */
export function attack(cast: Cast, f: EventFactory, prng: Prng, routine: readonly WinEvent[]): WinEvent[] {
  const out: WinEvent[] = [];
  const ws = hostNamed(ATTACK.source);
  const fischer = accountNamed(cast, ATTACK.footholdUser);
  const svc = accountNamed(cast, ATTACK.compromised);
  const { backup01, fs01, fs02, app01 } = SERVERS;

  // 1. The spray. The NTLM round: eight users against FS01, a guess every few seconds.
  const others = cast.users.filter((u) => u !== fischer);
  const ntlmTargets = prng.sample(others, ATTACK.ntlmRoundSize);
  let t = at(DAY, 13, 2, 5);
  for (const u of ntlmTargets) {
    out.push(f.ntlmValidation(t, ws, u.name, STATUS.badPassword));
    out.push(f.failedLogon(t + 80, fs01, u.name, LOGON.network, ws));
    t += seconds(prng.int(2, 5));
  }
  // The Kerberos round against the DC: users, admins, the other service accounts, a few made-up names.
  const pool = [
    ...others.filter((u) => !ntlmTargets.includes(u)).slice(0, 28),
    ...cast.admins,
    ...cast.services.filter((s) => s !== svc),
  ];
  const guesses: Array<{ account: Account } | { unknownName: string }> = prng
    .sample(pool, pool.length)
    .map((account) => ({ account }));
  for (const name of ATTACK.unknownNames)
    guesses.splice(prng.int(0, guesses.length), 0, { unknownName: name });
  // svc-backup comes late in the list: its guess is the one that works.
  guesses.splice(Math.floor(guesses.length * 0.7), 0, { account: svc });
  t = at(DAY, 13, 5, 0);
  for (const g of guesses) {
    if ('unknownName' in g) out.push(f.tgt(t, ws, g));
    else if (g.account === svc) out.push(f.tgt(t, ws, svc));
    else out.push(f.preauthFailed(t, ws, g.account));
    t += prng.int(1500, 4500);
  }

  // 2. runas /netonly as svc-backup on WS17, then `net use` to FS01 and BACKUP01.
  const fischerSession = sessionOf(routine, fischer, ws, at(DAY, 0));
  t = at(DAY, 13, 14, 22);
  for (const server of [fs01, backup01]) {
    out.push(
      f.explicitCredentials(t, ws, fischer, fischerSession, svc, server, 'C:\\Windows\\System32\\net.exe'),
    );
    out.push(f.serviceTicket(t + 200, ws, svc, server));
    const id = f.logonId();
    out.push(f.logon(t + 450, server, svc, LOGON.network, { from: ws, logonId: id }));
    out.push(f.privileges(t + 450, server, svc, id));
    t += minutes(4) + seconds(prng.int(5, 50));
  }

  // 3. RDP from WS17 to BACKUP01 as svc-backup, then SMB from there to APP01.
  t = at(DAY, 13, 27, 41);
  out.push(
    f.explicitCredentials(t, ws, fischer, fischerSession, svc, backup01, 'C:\\Windows\\System32\\mstsc.exe'),
  );
  out.push(f.serviceTicket(t + 300, ws, svc, backup01));
  const rdpSession = f.logonId();
  out.push(
    f.logon(t + seconds(3), backup01, svc, LOGON.remoteInteractive, { from: ws, logonId: rdpSession }),
  );
  out.push(f.privileges(t + seconds(3), backup01, svc, rdpSession));
  out.push(f.tgt(t + seconds(4), backup01, svc)); // the RDP session's own TGT
  t = at(DAY, 13, 41, 9);
  out.push(f.serviceTicket(t, backup01, svc, app01));
  const appSession = f.logonId();
  out.push(f.logon(t + 250, app01, svc, LOGON.network, { from: backup01, logonId: appSession }));
  out.push(f.privileges(t + 250, app01, svc, appSession));

  // 4. DCSync from BACKUP01: a ticket for the DC, a network logon, the replication requests.
  t = at(DAY, 14, 7, 3);
  out.push(f.serviceTicket(t, backup01, svc, DC));
  const dcSession = f.logonId();
  out.push(f.logon(t + 300, DC, svc, LOGON.network, { from: backup01, logonId: dcSession }));
  t += seconds(9);
  for (let i = 0; i < 2; i++) {
    out.push(f.replicationRequest(t, svc, dcSession, REPLICATION_RIGHTS.getChanges));
    out.push(f.replicationRequest(t + 40, svc, dcSession, REPLICATION_RIGHTS.getChangesAll));
    t += seconds(prng.int(20, 60));
  }

  // 5. Pass-the-hash with the Administrator's NT hash from BACKUP01 (sekurlsa::pth: a NewCredentials
  // logon on BACKUP01), then NTLM network logons as Administrator.
  const administrator = cast.administrator;
  out.push(f.newCredentialsLogon(at(DAY, 14, 21, 8), backup01, svc, rdpSession, administrator));
  t = at(DAY, 14, 21, 36);
  for (const server of [fs02, DC]) {
    out.push(f.ntlmValidation(t, backup01, administrator.name));
    const id = f.logonId();
    out.push(
      f.logon(t + 120, server, administrator, LOGON.network, { from: backup01, ntlm: true, logonId: id }),
    );
    out.push(f.privileges(t + 120, server, administrator, id));
    t += minutes(3) + seconds(prng.int(5, 50));
  }
  return out;
}

/** The logon id of `account`'s first interactive logon on `ws` after `after`. */
function sessionOf(events: readonly WinEvent[], account: Account, ws: Host, after: number): string {
  const logon = events
    .filter(
      (e) =>
        e.eventId === 4624 &&
        e.computer === ws &&
        e.ms >= after &&
        e.data.TargetUserName === account.name &&
        e.data.LogonType === LOGON.interactive,
    )
    .sort((a, b) => a.ms - b.ms)[0];
  if (logon === undefined) throw new Error(`the routine has no logon of ${account.name} on ${ws.name}`);
  return logon.data.TargetLogonId!;
}
