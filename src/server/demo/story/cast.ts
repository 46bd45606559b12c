/**
 * The people and machines of the demo domain: fixed names for the story's roles, generated names
 * for the rest of the staff (from the seed), so that the week reads like a small company.
 */
import { Prng } from './prng.js';

export const DOMAIN = {
  netbios: 'CORP',
  fqdn: 'corp.example.com',
  sid: 'S-1-5-21-1004336348-1177238915-682003330',
};
export const REALM = DOMAIN.fqdn.toUpperCase();

export interface Host {
  /** NetBIOS name, upper case (WS17). */
  name: string;
  ip: string;
  role: 'dc' | 'server' | 'workstation';
}

export interface Account {
  /** sAMAccountName as Windows writes it. */
  name: string;
  rid: number;
  kind: 'user' | 'admin' | 'service' | 'builtin';
  /** The workstation a user works at (null for admin and service accounts). */
  workstation: string | null;
  /** The file server of the user's department. */
  fileServer: string;
}

export const sidOf = (a: Account): string => `${DOMAIN.sid}-${a.rid}`;
export const fqdnOf = (h: Host): string => `${h.name}.${DOMAIN.fqdn}`;

const server = (name: string, ip: string): Host => ({ name, ip, role: 'server' });
export const DC: Host = { name: 'DC01', ip: '10.10.0.10', role: 'dc' };
export const SERVERS = {
  fs01: server('FS01', '10.10.0.21'),
  fs02: server('FS02', '10.10.0.22'),
  sql01: server('SQL01', '10.10.0.31'),
  app01: server('APP01', '10.10.0.41'),
  web01: server('WEB01', '10.10.0.42'),
  backup01: server('BACKUP01', '10.10.0.51'),
  jump01: server('JUMP01', '10.10.0.61'),
  print01: server('PRINT01', '10.10.0.71'),
} as const;

export const WORKSTATION_COUNT = 24;
const pad = (n: number): string => String(n).padStart(2, '0');
export const WORKSTATIONS: readonly Host[] = Array.from({ length: WORKSTATION_COUNT }, (_, i) => ({
  name: `WS${pad(i + 1)}`,
  ip: `10.10.1.${101 + i}`,
  role: 'workstation' as const,
}));
export const HOSTS: readonly Host[] = [DC, ...Object.values(SERVERS), ...WORKSTATIONS];

export function hostNamed(name: string): Host {
  const h = HOSTS.find((x) => x.name === name);
  if (h === undefined) throw new Error(`no host ${name}`);
  return h;
}

/** The story's roles (README, "The demo"). */
export const ROLES = {
  /** The user whose workstation the attacker already controls. */
  foothold: { user: 'd.fischer', workstation: 'WS17' },
  /** IT staff: each has a day-to-day user account and an `adm.` account in Domain Admins. */
  itStaff: ['j.weber', 's.nowak', 'l.martin'],
  /** The service account the spray guesses: Backup Operators, and (misconfigured) replication rights. */
  sprayed: 'svc-backup',
} as const;

const FIRST = [
  'anna',
  'ben',
  'clara',
  'david',
  'emma',
  'felix',
  'greta',
  'hugo',
  'ines',
  'jonas',
  'karin',
  'lukas',
  'maria',
  'nico',
  'olga',
  'paul',
  'rosa',
  'simon',
  'tina',
  'uwe',
  'vera',
  'walter',
  'yara',
  'zoe',
];
const LAST = [
  'bauer',
  'becker',
  'brandt',
  'costa',
  'dubois',
  'evans',
  'ferreira',
  'garcia',
  'hansen',
  'jansen',
  'klein',
  'kowalski',
  'lang',
  'meyer',
  'moreau',
  'novak',
  'olsen',
  'petit',
  'richter',
  'rossi',
  'schmidt',
  'silva',
  'vogel',
  'wagner',
  'wolf',
  'young',
  'ziegler',
  'keller',
  'hofmann',
  'roth',
];

export const USER_COUNT = 60;

export interface Cast {
  users: Account[];
  admins: Account[];
  services: Account[];
  administrator: Account;
  /** Account by name (users, admins, services, Administrator). */
  byName: Map<string, Account>;
}

/** The domain's accounts, from the seed. */
export function buildCast(prng: Prng): Cast {
  const names = new Set<string>([ROLES.foothold.user, ...ROLES.itStaff]);
  while (names.size < USER_COUNT) names.add(`${prng.pick(FIRST)[0]!}.${prng.pick(LAST)}`);
  const ordered = [...ROLES.itStaff, ROLES.foothold.user, ...[...names].slice(4).sort()];
  let rid = 1104;
  const footholdWs = ROLES.foothold.workstation;
  // IT staff sit at WS01–WS03, the foothold user alone at WS17; everyone else shares the rest.
  const shared = WORKSTATIONS.map((w) => w.name).filter(
    (n) => !['WS01', 'WS02', 'WS03', footholdWs].includes(n),
  );
  const users: Account[] = ordered.map((name, i) => ({
    name,
    rid: rid++,
    kind: 'user',
    workstation:
      i < 3
        ? `WS${pad(i + 1)}`
        : name === ROLES.foothold.user
          ? footholdWs
          : shared[(i - 4) % shared.length]!,
    fileServer: i % 3 === 0 ? 'FS02' : 'FS01',
  }));
  const admins: Account[] = ROLES.itStaff.map((u) => ({
    name: `adm.${u.split('.')[1]!}`,
    rid: rid++,
    kind: 'admin',
    workstation: null,
    fileServer: 'FS01',
  }));
  const service = (name: string): Account => ({
    name,
    rid: rid++,
    kind: 'service',
    workstation: null,
    fileServer: 'FS01',
  });
  const services = [service('svc-backup'), service('svc-sql'), service('svc-web')];
  const administrator: Account = {
    name: 'Administrator',
    rid: 500,
    kind: 'builtin',
    workstation: null,
    fileServer: 'FS01',
  };
  const byName = new Map([...users, ...admins, ...services, administrator].map((a) => [a.name, a]));
  return { users, admins, services, administrator, byName };
}

export function accountNamed(cast: Cast, name: string): Account {
  const a = cast.byName.get(name);
  if (a === undefined) throw new Error(`no account ${name}`);
  return a;
}
