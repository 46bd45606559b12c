/**
 * Windows Security events of the demo, with the EventData fields Windows Server 2019 writes for
 * each ID (names and value spellings as in real logs), before they are dressed as Winlogbeat
 * documents (winlogbeat-document.ts).
 */
import { type Account, DC, DOMAIN, fqdnOf, type Host, REALM, sidOf } from './cast.js';
import type { Prng } from './prng.js';

export interface WinEvent {
  /** Milliseconds since the epoch. */
  ms: number;
  eventId: number;
  /** The computer that logged it. */
  computer: Host;
  success: boolean;
  data: Record<string, string>;
}

/** Logon types by the names analysts use. */
export const LOGON = {
  interactive: '2',
  network: '3',
  service: '5',
  unlock: '7',
  remoteInteractive: '10',
} as const;

const NULL_SID = 'S-1-0-0';
const SYSTEM_SID = 'S-1-5-18';
const KRBTGT_SID = `${DOMAIN.sid}-502`;

/** Windows' failure codes the demo uses. */
export const STATUS = {
  badPassword: '0xc000006a',
  logonFailure: '0xc000006d',
  noSuchUser: '0xc0000064',
  kerberosPreauthFailed: '0x18',
  kerberosUnknownPrincipal: '0x6',
} as const;

export class EventFactory {
  constructor(private readonly prng: Prng) {}

  logonId(): string {
    return `0x${this.prng.hex(this.prng.int(5, 7)).replace(/^0+/, '') || '1'}`;
  }

  guid(): string {
    const h = (n: number): string => this.prng.hex(n);
    return `{${h(8)}-${h(4)}-${h(4)}-${h(4)}-${h(12)}}`;
  }

  private port(): string {
    return String(this.prng.int(49152, 65535));
  }

  /** 4624. `from` null: a local logon (interactive, service). */
  logon(
    ms: number,
    on: Host,
    account: Account,
    logonType: string,
    opts: { from?: Host | null; ntlm?: boolean; logonId?: string; processName?: string } = {},
  ): WinEvent {
    const from = opts.from ?? null;
    const local = from === null;
    const ntlm = opts.ntlm ?? false;
    const network = logonType === LOGON.network;
    const remoteInteractive = logonType === LOGON.remoteInteractive;
    return {
      ms,
      eventId: 4624,
      computer: on,
      success: true,
      data: {
        SubjectUserSid: network ? NULL_SID : SYSTEM_SID,
        SubjectUserName: network ? '-' : `${on.name}$`,
        SubjectDomainName: network ? '-' : DOMAIN.netbios,
        SubjectLogonId: network ? '0x0' : '0x3e7',
        TargetUserSid: sidOf(account),
        TargetUserName: account.name,
        TargetDomainName: DOMAIN.netbios,
        TargetLogonId: opts.logonId ?? this.logonId(),
        LogonType: logonType,
        LogonProcessName: ntlm
          ? 'NtLmSsp '
          : network
            ? 'Kerberos'
            : logonType === LOGON.service
              ? 'Advapi  '
              : 'User32 ',
        AuthenticationPackageName: ntlm ? 'NTLM' : network ? 'Kerberos' : 'Negotiate',
        // Windows names the client for NTLM, RDP and local logons, not for Kerberos network logons.
        WorkstationName: local ? on.name : ntlm || remoteInteractive ? from.name : '-',
        LogonGuid: ntlm ? '{00000000-0000-0000-0000-000000000000}' : this.guid(),
        TransmittedServices: '-',
        LmPackageName: ntlm ? 'NTLM V2' : '-',
        KeyLength: ntlm ? '128' : '0',
        ProcessId: network ? '0x0' : `0x${this.prng.hex(3)}`,
        ProcessName: network
          ? '-'
          : (opts.processName ??
            (logonType === LOGON.service
              ? 'C:\\Windows\\System32\\services.exe'
              : 'C:\\Windows\\System32\\svchost.exe')),
        IpAddress: local ? (logonType === LOGON.service ? '-' : '127.0.0.1') : from.ip,
        IpPort: local ? (logonType === LOGON.service ? '-' : '0') : this.port(),
        ImpersonationLevel: '%%1833',
        RestrictedAdminMode: remoteInteractive ? '%%1843' : '-',
        TargetOutboundUserName: '-',
        TargetOutboundDomainName: '-',
        VirtualAccount: '%%1843',
        TargetLinkedLogonId: '0x0',
        ElevatedToken: account.kind === 'user' ? '%%1843' : '%%1842',
      },
    };
  }

  /**
   * 4624 logon type 9 (NewCredentials) by `account` on `on`, its outbound identity `outbound`: what
   * Mimikatz sekurlsa::pth leaves on the machine it runs on (logon process seclogo).
   */
  newCredentialsLogon(
    ms: number,
    on: Host,
    account: Account,
    subjectLogonId: string,
    outbound: Account,
  ): WinEvent {
    return {
      ms,
      eventId: 4624,
      computer: on,
      success: true,
      data: {
        SubjectUserSid: sidOf(account),
        SubjectUserName: account.name,
        SubjectDomainName: DOMAIN.netbios,
        SubjectLogonId: subjectLogonId,
        TargetUserSid: sidOf(account),
        TargetUserName: account.name,
        TargetDomainName: DOMAIN.netbios,
        TargetLogonId: this.logonId(),
        LogonType: '9',
        LogonProcessName: 'seclogo',
        AuthenticationPackageName: 'Negotiate',
        WorkstationName: '-',
        LogonGuid: '{00000000-0000-0000-0000-000000000000}',
        TransmittedServices: '-',
        LmPackageName: '-',
        KeyLength: '0',
        ProcessId: `0x${this.prng.hex(3)}`,
        ProcessName: 'C:\\Windows\\System32\\svchost.exe',
        IpAddress: '::1',
        IpPort: '0',
        ImpersonationLevel: '%%1833',
        RestrictedAdminMode: '-',
        TargetOutboundUserName: outbound.name,
        TargetOutboundDomainName: DOMAIN.netbios,
        VirtualAccount: '%%1843',
        TargetLinkedLogonId: '0x0',
        ElevatedToken: '%%1842',
      },
    };
  }

  /** 4625, a wrong password (or an unknown name) at `on`. */
  failedLogon(
    ms: number,
    on: Host,
    userName: string,
    logonType: string,
    from: Host | null,
    unknownUser = false,
  ): WinEvent {
    const local = from === null;
    return {
      ms,
      eventId: 4625,
      computer: on,
      success: false,
      data: {
        SubjectUserSid: local ? SYSTEM_SID : NULL_SID,
        SubjectUserName: local ? `${on.name}$` : '-',
        SubjectDomainName: local ? DOMAIN.netbios : '-',
        SubjectLogonId: local ? '0x3e7' : '0x0',
        TargetUserSid: NULL_SID,
        TargetUserName: userName,
        TargetDomainName: DOMAIN.netbios,
        Status: STATUS.logonFailure,
        FailureReason: '%%2313',
        SubStatus: unknownUser ? STATUS.noSuchUser : STATUS.badPassword,
        LogonType: logonType,
        LogonProcessName: local ? 'User32 ' : 'NtLmSsp ',
        AuthenticationPackageName: local ? 'Negotiate' : 'NTLM',
        WorkstationName: local ? on.name : from.name,
        TransmittedServices: '-',
        LmPackageName: '-',
        KeyLength: '0',
        ProcessId: local ? `0x${this.prng.hex(3)}` : '0x0',
        ProcessName: local ? 'C:\\Windows\\System32\\svchost.exe' : '-',
        IpAddress: local ? '127.0.0.1' : from.ip,
        IpPort: local ? '0' : this.port(),
      },
    };
  }

  /** 4768 on the DC: a TGT for `account` (or, with `unknownName`, a refused request for a name that does not exist). */
  tgt(ms: number, from: Host, account: Account | { unknownName: string }): WinEvent {
    const known = !('unknownName' in account);
    return {
      ms,
      eventId: 4768,
      computer: DC,
      success: known,
      data: {
        TargetUserName: known ? account.name : account.unknownName,
        TargetDomainName: REALM,
        TargetSid: known ? sidOf(account) : NULL_SID,
        ServiceName: known ? 'krbtgt' : `krbtgt/${REALM}`,
        ServiceSid: known ? KRBTGT_SID : NULL_SID,
        TicketOptions: '0x40810010',
        Status: known ? '0x0' : STATUS.kerberosUnknownPrincipal,
        TicketEncryptionType: known ? '0x12' : '0xffffffff',
        PreAuthType: known ? '2' : '-',
        IpAddress: `::ffff:${from.ip}`,
        IpPort: this.port(),
        CertIssuerName: '',
        CertSerialNumber: '',
        CertThumbprint: '',
      },
    };
  }

  /** 4769 on the DC: a service ticket for `service` (an SPN's computer account, e.g. FS01$). */
  serviceTicket(ms: number, from: Host, account: Account, service: Host): WinEvent {
    return {
      ms,
      eventId: 4769,
      computer: DC,
      success: true,
      data: {
        TargetUserName: `${account.name}@${REALM}`,
        TargetDomainName: REALM,
        ServiceName: `${service.name}$`,
        ServiceSid: `${DOMAIN.sid}-${1000 + Number(service.ip.split('.')[3])}`,
        TicketOptions: '0x40810000',
        TicketEncryptionType: '0x12',
        IpAddress: `::ffff:${from.ip}`,
        IpPort: this.port(),
        Status: '0x0',
        LogonGuid: this.guid(),
        TransmittedServices: '-',
      },
    };
  }

  /** 4771 on the DC: Kerberos pre-authentication failed (a wrong password). */
  preauthFailed(ms: number, from: Host, account: Account): WinEvent {
    return {
      ms,
      eventId: 4771,
      computer: DC,
      success: false,
      data: {
        TargetUserName: account.name,
        TargetSid: sidOf(account),
        ServiceName: `krbtgt/${REALM}`,
        TicketOptions: '0x40810010',
        Status: STATUS.kerberosPreauthFailed,
        PreAuthType: '2',
        IpAddress: `::ffff:${from.ip}`,
        IpPort: this.port(),
        CertIssuerName: '',
        CertSerialNumber: '',
        CertThumbprint: '',
      },
    };
  }

  /** 4776 on the DC: NTLM credential validation for a logon at `from`. */
  ntlmValidation(ms: number, from: Host, userName: string, status = '0x0'): WinEvent {
    return {
      ms,
      eventId: 4776,
      computer: DC,
      success: status === '0x0',
      data: {
        PackageName: 'MICROSOFT_AUTHENTICATION_PACKAGE_V1_0',
        TargetUserName: userName,
        Workstation: from.name,
        Status: status,
      },
    };
  }

  /** 4672: special privileges assigned to a new logon (administrators, backup operators). */
  privileges(ms: number, on: Host, account: Account, logonId: string): WinEvent {
    const backupOnly = account.name === 'svc-backup';
    const list = backupOnly
      ? ['SeBackupPrivilege', 'SeRestorePrivilege']
      : [
          'SeSecurityPrivilege',
          'SeTakeOwnershipPrivilege',
          'SeLoadDriverPrivilege',
          'SeBackupPrivilege',
          'SeRestorePrivilege',
          'SeDebugPrivilege',
          'SeSystemEnvironmentPrivilege',
          'SeImpersonatePrivilege',
          'SeDelegateSessionUserImpersonatePrivilege',
        ];
    return {
      ms,
      eventId: 4672,
      computer: on,
      success: true,
      data: {
        SubjectUserSid: sidOf(account),
        SubjectUserName: account.name,
        SubjectDomainName: DOMAIN.netbios,
        SubjectLogonId: logonId,
        PrivilegeList: list.join('\n\t\t\t'),
      },
    };
  }

  /** 4648 at `on`: `actor` ran something with the credentials of `target` against `server`. */
  explicitCredentials(
    ms: number,
    on: Host,
    actor: Account,
    actorLogonId: string,
    target: Account,
    server: Host,
    processName: string,
  ): WinEvent {
    return {
      ms,
      eventId: 4648,
      computer: on,
      success: true,
      data: {
        SubjectUserSid: sidOf(actor),
        SubjectUserName: actor.name,
        SubjectDomainName: DOMAIN.netbios,
        SubjectLogonId: actorLogonId,
        LogonGuid: '{00000000-0000-0000-0000-000000000000}',
        TargetUserName: target.name,
        TargetDomainName: DOMAIN.netbios,
        TargetLogonGuid: '{00000000-0000-0000-0000-000000000000}',
        TargetServerName: fqdnOf(server),
        TargetInfo: fqdnOf(server),
        ProcessId: `0x${this.prng.hex(4)}`,
        ProcessName: processName,
        IpAddress: server.ip,
        IpPort: '445',
      },
    };
  }

  /**
   * 4662 on the DC: `account` opened the domain object with a directory-replication right — what
   * DCSync (Mimikatz lsadump::dcsync, Impacket secretsdump) asks for.
   */
  replicationRequest(ms: number, account: Account, logonId: string, right: string): WinEvent {
    return {
      ms,
      eventId: 4662,
      computer: DC,
      success: true,
      data: {
        SubjectUserSid: sidOf(account),
        SubjectUserName: account.name,
        SubjectDomainName: DOMAIN.netbios,
        SubjectLogonId: logonId,
        ObjectServer: 'DS',
        ObjectType: '%{19195a5b-6da0-11d0-afd3-00c04fd930c9}',
        ObjectName: '%{4a8e3b1c-6f2d-4e71-9b0a-5c3d2e1f7a60}',
        OperationType: 'Object Access',
        HandleId: '0x0',
        AccessList: '%%7688\r\n\t\t\t\t',
        AccessMask: '0x100',
        Properties: `%%7688\r\n\t\t{${right}}\r\n\t{19195a5b-6da0-11d0-afd3-00c04fd930c9}\r\n`,
        AdditionalInfo: '-',
        AdditionalInfo2: '',
      },
    };
  }
}

/** The rights a DCSync asks for (see REPLICATION_GUIDS in core/analysis/graph-builder.ts). */
export const REPLICATION_RIGHTS = {
  getChanges: '1131f6aa-9c07-11d1-f79f-00c04fc2dcd2',
  getChangesAll: '1131f6ad-9c07-11d1-f79f-00c04fc2dcd2',
} as const;
