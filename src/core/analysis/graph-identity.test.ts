import { describe, expect, it } from 'vitest';
import { emptyEvent } from '../events/logon-event.js';
import { explicitCredentialServer, hostNodeIdOfName, logonAccountDomain } from './graph-identity.js';

describe('logonAccountDomain', () => {
  it('reads a 4771 realm from its krbtgt service when the record names no domain', () => {
    const e = { ...emptyEvent(4771, '2024-01-01T00:00:00Z'), serviceName: 'krbtgt/CORP.LOCAL' };
    expect(logonAccountDomain(e)).toBe('CORP.LOCAL');
    expect(logonAccountDomain({ ...e, targetDomain: 'CORP' })).toBe('CORP');
  });

  it('keeps the named domain of other logon events', () => {
    const e = { ...emptyEvent(4624, '2024-01-01T00:00:00Z'), serviceName: 'krbtgt/CORP.LOCAL' };
    expect(logonAccountDomain(e)).toBeNull();
  });
});

describe('explicitCredentialServer', () => {
  const e = { ...emptyEvent(4648, '2024-01-01T00:00:00Z'), computer: 'ws01.corp.local' };
  it('is the computer itself when the target is local or unnamed', () => {
    expect(explicitCredentialServer(e)).toBe('ws01.corp.local');
    expect(explicitCredentialServer({ ...e, targetServerName: 'LOCALHOST' })).toBe('ws01.corp.local');
    expect(explicitCredentialServer({ ...e, targetServerName: '::1' })).toBe('ws01.corp.local');
  });
  it('is the named server otherwise', () => {
    expect(explicitCredentialServer({ ...e, targetServerName: 'dc01' })).toBe('dc01');
  });
});

describe('hostNodeIdOfName', () => {
  it('gives an address an ip id and a name a host id, the same as the nodes', () => {
    expect(hostNodeIdOfName('10.0.0.5')).toMatch(/^ip:/);
    expect(hostNodeIdOfName('WS01')).toBe(hostNodeIdOfName('ws01'));
    expect(hostNodeIdOfName(null)).toBeNull();
  });
});
