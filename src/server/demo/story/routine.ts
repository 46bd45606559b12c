/**
 * The ordinary week at CORP: staff log on to their workstations in the morning (Kerberos tickets,
 * group policy from the DC), open their department's share, print, use the intranet; IT staff
 * administer servers over RDP through the jump host with their `adm.` accounts; the backup job runs
 * every night; a few people mistype their password. Nothing here may look like an attack: every
 * failure is one person at their own desk, a few times a week at most.
 */
import { type Account, type Cast, DC, hostNamed, ROLES, SERVERS, type Host } from './cast.js';
import { at, minutes, seconds, WEEK_DAYS, WORKING_DAYS } from './clock.js';
import type { Prng } from './prng.js';
import { type EventFactory, LOGON, type WinEvent } from './windows-events.js';

/** Chance that someone is out on a working day (leave, travel). */
const ABSENCE = 0.08;
/** Chance that someone mistypes their password once when logging on. */
const TYPO = 0.05;

export function routineWeek(cast: Cast, f: EventFactory, prng: Prng): WinEvent[] {
  const out: WinEvent[] = [];
  for (let day = 0; day < WEEK_DAYS; day++) {
    if (day < WORKING_DAYS) {
      for (const user of cast.users) {
        const mustWork =
          user.name === ROLES.foothold.user || (ROLES.itStaff as readonly string[]).includes(user.name);
        if (!mustWork && prng.chance(ABSENCE)) continue;
        out.push(...workday(user, day, f, prng));
      }
      cast.admins.forEach((admin, i) => out.push(...adminDay(admin, hostNamed(`WS0${i + 1}`), day, f, prng)));
      out.push(...webApplication(cast, day, f, prng));
    } else {
      // Weekends: one or two people drop in for an hour.
      for (const user of prng.sample(cast.users.slice(4), prng.int(1, 2))) {
        const ws = hostNamed(user.workstation!);
        out.push(
          ...deskLogon(user, ws, at(day, prng.int(9, 14), prng.int(0, 59), prng.int(0, 59)), f, prng, false),
        );
      }
    }
    out.push(...nightlyBackup(cast, day, f, prng));
  }
  out.push(...serviceStarts(cast, f, prng));
  return out;
}

/** Morning logon at the desk: TGT, host ticket, the interactive logon, group policy from the DC. */
function deskLogon(
  user: Account,
  ws: Host,
  t: number,
  f: EventFactory,
  prng: Prng,
  typoAllowed: boolean,
): WinEvent[] {
  const out: WinEvent[] = [];
  if (typoAllowed && prng.chance(TYPO)) {
    const typoAt = t - seconds(prng.int(8, 40));
    out.push(f.failedLogon(typoAt, ws, user.name, LOGON.interactive, null));
    out.push(f.preauthFailed(typoAt + 400, ws, user));
  }
  out.push(f.tgt(t, ws, user));
  out.push(f.serviceTicket(t + 300, ws, user, ws));
  out.push(f.logon(t + 900, ws, user, LOGON.interactive));
  out.push(f.serviceTicket(t + seconds(3), ws, user, DC));
  out.push(f.logon(t + seconds(3) + 200, DC, user, LOGON.network, { from: ws }));
  return out;
}

/** A network logon to `server` with a Kerberos service ticket. */
function kerberosAccess(t: number, from: Host, user: Account, server: Host, f: EventFactory): WinEvent[] {
  return [f.serviceTicket(t, from, user, server), f.logon(t + 150, server, user, LOGON.network, { from })];
}

/** A network logon to `server` with NTLM (validated by the DC). */
function ntlmAccess(t: number, from: Host, user: Account, server: Host, f: EventFactory): WinEvent[] {
  return [
    f.ntlmValidation(t, from, user.name),
    f.logon(t + 120, server, user, LOGON.network, { from, ntlm: true }),
  ];
}

function workday(user: Account, day: number, f: EventFactory, prng: Prng): WinEvent[] {
  const ws = hostNamed(user.workstation!);
  const start = at(day, prng.int(7, 9), prng.int(0, 59), prng.int(0, 59));
  const out = deskLogon(user, ws, start, f, prng, true);
  out.push(...kerberosAccess(start + minutes(prng.int(2, 40)), ws, user, hostNamed(user.fileServer), f));
  // The print server only speaks NTLM; everyone prints on Monday (the weekly report).
  if (day === 0 || prng.chance(0.3)) {
    out.push(
      ...ntlmAccess(
        at(day, prng.int(10, 16), prng.int(0, 59), prng.int(0, 59)),
        ws,
        user,
        SERVERS.print01,
        f,
      ),
    );
  }
  if (prng.chance(0.5)) {
    out.push(
      ...kerberosAccess(
        at(day, prng.int(10, 16), prng.int(0, 59), prng.int(0, 59)),
        ws,
        user,
        SERVERS.web01,
        f,
      ),
    );
  }
  return out;
}

/** An IT admin's day: RDP to the jump host with the adm. account, then RDP from there to servers. */
function adminDay(admin: Account, ws: Host, day: number, f: EventFactory, prng: Prng): WinEvent[] {
  const out: WinEvent[] = [];
  const targets = [
    SERVERS.fs01,
    SERVERS.fs02,
    SERVERS.sql01,
    SERVERS.app01,
    SERVERS.web01,
    SERVERS.backup01,
    SERVERS.print01,
    DC,
  ];
  const sessions = prng.int(1, 2);
  for (let s = 0; s < sessions; s++) {
    let t = at(day, s === 0 ? prng.int(9, 11) : prng.int(14, 16), prng.int(0, 59), prng.int(0, 59));
    out.push(f.tgt(t, ws, admin));
    out.push(...rdp(t + 500, ws, admin, SERVERS.jump01, f));
    // The RDP session on the jump host gets its own TGT, which its onward RDP tickets rest on.
    out.push(f.tgt(t + seconds(4), SERVERS.jump01, admin));
    for (const server of prng.sample(targets, prng.int(1, 2))) {
      t += minutes(prng.int(3, 25));
      out.push(...rdp(t, SERVERS.jump01, admin, server, f));
    }
  }
  return out;
}

/** RDP (logon type 10) from `from` to `to`, with its service ticket and the admin's privileges. */
function rdp(t: number, from: Host, account: Account, to: Host, f: EventFactory): WinEvent[] {
  const logonId = f.logonId();
  return [
    f.serviceTicket(t, from, account, to),
    f.logon(t + seconds(2), to, account, LOGON.remoteInteractive, {
      from,
      logonId,
      processName: 'C:\\Windows\\System32\\svchost.exe',
    }),
    f.privileges(t + seconds(2), to, account, logonId),
  ];
}

/** The intranet application on APP01 reads its database on SQL01 as svc-web, over NTLM, every two hours. */
function webApplication(cast: Cast, day: number, f: EventFactory, prng: Prng): WinEvent[] {
  const svcWeb = cast.services.find((s) => s.name === 'svc-web')!;
  const out: WinEvent[] = [];
  for (let h = 8; h <= 18; h += 2)
    out.push(
      ...ntlmAccess(at(day, h, prng.int(0, 4), prng.int(0, 59)), SERVERS.app01, svcWeb, SERVERS.sql01, f),
    );
  return out;
}

/**
 * Every night at one the backup service (svc-backup, a Backup Operator) starts on BACKUP01 and
 * copies FS01 and SQL01 (Kerberos) and FS02 (an old share that only takes NTLM).
 */
function nightlyBackup(cast: Cast, day: number, f: EventFactory, prng: Prng): WinEvent[] {
  const svc = cast.services.find((s) => s.name === ROLES.sprayed)!;
  const b = SERVERS.backup01;
  let t = at(day, 1, prng.int(0, 2), prng.int(0, 59));
  const logonId = f.logonId();
  const out: WinEvent[] = [
    f.logon(t, b, svc, LOGON.service, { logonId }),
    f.privileges(t, b, svc, logonId),
    f.tgt(t + seconds(1), b, svc),
  ];
  for (const target of [SERVERS.fs01, SERVERS.sql01]) {
    t += minutes(prng.int(10, 50));
    const id = f.logonId();
    out.push(f.serviceTicket(t, b, svc, target));
    out.push(f.logon(t + 150, target, svc, LOGON.network, { from: b, logonId: id }));
    out.push(f.privileges(t + 150, target, svc, id));
  }
  t += minutes(prng.int(10, 50));
  out.push(...ntlmAccess(t, b, svc, SERVERS.fs02, f));
  return out;
}

/** Monday morning after patching: the SQL and web services start under their service accounts. */
function serviceStarts(cast: Cast, f: EventFactory, prng: Prng): WinEvent[] {
  const out: WinEvent[] = [];
  const starts: Array<[string, Host]> = [
    ['svc-sql', SERVERS.sql01],
    ['svc-web', SERVERS.app01],
  ];
  for (const [name, host] of starts) {
    const svc = cast.services.find((s) => s.name === name)!;
    out.push(f.logon(at(0, 6, prng.int(0, 20), prng.int(0, 59)), host, svc, LOGON.service));
  }
  return out;
}
