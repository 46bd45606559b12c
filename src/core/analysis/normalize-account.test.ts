import { describe, expect, it } from 'vitest';
import { AccountResolver, accountHiddenReason, parseAccount } from './normalize-account.js';

function resolve(obs: Array<[string | null, string | null, string | null]>): string[] {
  const r = new AccountResolver();
  const keys = obs.map(([u, d, s]) => r.observe(parseAccount(u, d, s)!));
  const { byKey } = r.resolve();
  return keys.map((k) => byKey.get(k)!.id);
}

describe('parseAccount', () => {
  it('splits DOMAIN\\user and user@fqdn, lower-cases, keeps the SID', () => {
    expect(parseAccount('CORP\\Alice', null, null)).toMatchObject({
      name: 'alice',
      domain: 'corp',
      upnSuffix: null,
    });
    expect(parseAccount('Alice@Corp.Example', 'CORP.EXAMPLE', 'S-1-5-21-1-2-3-1001')).toMatchObject({
      name: 'alice',
      domain: 'corp.example',
      upnSuffix: 'corp.example',
      sid: 'S-1-5-21-1-2-3-1001',
    });
    expect(parseAccount('-', '-', 'S-1-0-0')).toBeNull();
    expect(parseAccount(null, null, 'S-1-5-21-1-2-3-1008')).toMatchObject({
      name: null,
      sid: 'S-1-5-21-1-2-3-1008',
    });
  });
});

describe('AccountResolver', () => {
  it('merges NetBIOS and FQDN spellings tied by a SID', () => {
    const ids = resolve([
      ['admmig', 'OFFSEC.LAN', 'S-1-5-21-1-2-3-1111'],
      ['admmig', 'OFFSEC', 'S-1-5-21-1-2-3-1111'],
    ]);
    expect(ids).toEqual(['account:offsec\\admmig', 'account:offsec\\admmig']);
  });

  it('ties domains by the domain SID prefix too', () => {
    const ids = resolve([
      ['alice', 'CORP', 'S-1-5-21-1-2-3-1001'],
      ['bob', 'corp.example', 'S-1-5-21-1-2-3-1002'],
      ['bob', 'CORP', null],
    ]);
    expect(ids).toEqual(['account:corp\\alice', 'account:corp\\bob', 'account:corp\\bob']);
  });

  it('ties domains named in one record (UPN suffix and NetBIOS domain)', () => {
    const ids = resolve([
      ['alice@corp.example', 'CORP', null],
      ['alice', 'corp.example', null],
    ]);
    expect(ids).toEqual(['account:corp\\alice', 'account:corp\\alice']);
  });

  it('keeps untied spellings apart', () => {
    const ids = resolve([
      ['rootdc1', 'OFFSEC', 'S-1-5-21-1-2-3-1296'],
      ['rootdc1@OFFSEC.LAN', 'OFFSEC.LAN', null],
    ]);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('merges a bare name into the single qualified account with that name', () => {
    expect(
      resolve([
        ['alice', 'CORP', null],
        ['Alice', null, null],
      ]),
    ).toEqual(['account:corp\\alice', 'account:corp\\alice']);
  });

  it('does not merge a bare name when two domains have it', () => {
    const ids = resolve([
      ['alice', 'CORP', null],
      ['alice', 'LAB', null],
      ['alice', null, null],
    ]);
    expect(ids[2]).toBe('account:\\alice');
  });

  it('merges a bare name by SID even when the name is ambiguous', () => {
    const ids = resolve([
      ['alice', 'CORP', 'S-1-5-21-1-2-3-1001'],
      ['alice', 'LAB', 'S-1-5-21-9-9-9-1001'],
      ['alice', null, 'S-1-5-21-9-9-9-1001'],
    ]);
    expect(ids[2]).toBe('account:lab\\alice');
  });

  it('resolves a SID-only member to the account with that SID', () => {
    const ids = resolve([
      ['3teamssixf$', 'FS03VULN', 'S-1-5-21-7-8-9-1008'],
      [null, null, 'S-1-5-21-7-8-9-1008'],
      [null, null, 'S-1-5-21-7-8-9-2000'],
    ]);
    expect(ids[1]).toBe('account:fs03vuln\\3teamssixf$');
    expect(ids[2]).toBe('account:\\s-1-5-21-7-8-9-2000');
  });

  it('never merges through well-known SIDs', () => {
    const ids = resolve([
      ['ROOTDC1$', 'OFFSEC.LAN', 'S-1-5-18'],
      ['SYSTEM', null, 'S-1-5-18'],
    ]);
    expect(ids[1]).toBe('account:\\system');
  });
});

describe('accountHiddenReason', () => {
  it('names why an account is kept out of the default graph', () => {
    expect(accountHiddenReason('anonymous logon', 'nt authority', 'S-1-5-7')).toBe('anonymous');
    expect(accountHiddenReason('anonymous logon', 'offsec', null)).toBe('anonymous');
    expect(accountHiddenReason('ws1$', 'corp', null)).toBe('machine-account');
    expect(accountHiddenReason('rootdc1$', 'offsec.lan', 'S-1-5-18')).toBe('machine-account');
    expect(accountHiddenReason('system', 'nt authority', 'S-1-5-18')).toBe('well-known-account');
    expect(accountHiddenReason('dwm-1', 'window manager', 'S-1-5-90-0-1')).toBe('well-known-account');
    expect(accountHiddenReason('alice', 'corp', 'S-1-5-21-1-2-3-4')).toBeNull();
  });
  it('does not hide a user created with a $ name (hidden-user trick)', () => {
    expect(accountHiddenReason('3teamssixf$', 'fs03vuln', null, true)).toBeNull();
  });
});
