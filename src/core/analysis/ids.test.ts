import { describe, expect, it } from 'vitest';
import {
  accountId,
  boundPart,
  hostId,
  ipId,
  isIpAddress,
  isLocalAddress,
  MAX_ID_PART,
  normalizeHostName,
  normalizeIp,
  normalizeSid,
  normalizeStatus,
  isFailureStatus,
} from './ids.js';

describe('ids', () => {
  it('builds lower-cased ids', () => {
    expect(accountId('CORP', 'Alice')).toBe('account:corp\\alice');
    expect(accountId(null, 'Alice')).toBe('account:\\alice');
    expect(hostId('WS1')).toBe('host:ws1');
    expect(ipId('FE80::1')).toBe('ip:fe80::1');
  });

  it('bounds hostile names but keeps them distinct', () => {
    const a = 'x'.repeat(1_000_000);
    const b = 'x'.repeat(999_999) + 'y';
    expect(boundPart(a).length).toBeLessThanOrEqual(MAX_ID_PART);
    expect(boundPart(a)).not.toBe(boundPart(b));
    expect(accountId('d', a).length).toBeLessThan(600);
  });
});

describe('normalizeIp', () => {
  it('strips ::ffff: from IPv4-mapped addresses only', () => {
    expect(normalizeIp('::ffff:10.0.0.5')).toBe('10.0.0.5');
    expect(normalizeIp('::FFFF:10.0.0.5')).toBe('10.0.0.5');
    expect(normalizeIp('::ffff:abcd')).toBe('::ffff:abcd');
    expect(normalizeIp('[fe80::1]')).toBe('fe80::1');
  });
  it('gives null for - and empty', () => {
    expect(normalizeIp('-')).toBeNull();
    expect(normalizeIp('  ')).toBeNull();
    expect(normalizeIp(null)).toBeNull();
  });
  it('knows local addresses exactly', () => {
    expect(isLocalAddress('::1')).toBe(true);
    expect(isLocalAddress('127.0.0.1')).toBe(true);
    expect(isLocalAddress('10.0.0.1')).toBe(false);
    expect(isLocalAddress('::10')).toBe(false);
  });
  it('recognizes addresses', () => {
    expect(isIpAddress('10.0.0.10')).toBe(true);
    expect(isIpAddress('10.0.0.256')).toBe(false);
    expect(isIpAddress('fe80::1cae:5aa4:9d8d:106a')).toBe(true);
    expect(isIpAddress('ws1')).toBe(false);
  });
});

describe('normalizeHostName', () => {
  it('keeps the first label, lower-cased, without leading backslashes', () => {
    expect(normalizeHostName('\\\\WS1')).toBe('ws1');
    expect(normalizeHostName('rootdc1.offsec.lan')).toBe('rootdc1');
    expect(normalizeHostName('10.0.0.5')).toBe('10.0.0.5');
    expect(normalizeHostName('-')).toBeNull();
  });
});

describe('normalizeStatus', () => {
  it('keeps short Kerberos codes like 0x12 (LogonTracer drops them)', () => {
    expect(normalizeStatus('0x12')).toBe('0x12');
    expect(normalizeStatus('0x00000012')).toBe('0x12');
    expect(normalizeStatus('0x00000000000003e7')).toBe('0x3e7');
    expect(normalizeStatus('0xC000006D')).toBe('0xc000006d');
    expect(normalizeStatus('0x0')).toBe('0x0');
    expect(normalizeStatus('18')).toBe('0x12');
    expect(isFailureStatus('0x12')).toBe(true);
    expect(isFailureStatus('0x0')).toBe(false);
    expect(isFailureStatus(null)).toBe(false);
  });
});

describe('normalizeSid', () => {
  it('drops the NULL SID and placeholders', () => {
    expect(normalizeSid('S-1-0-0')).toBeNull();
    expect(normalizeSid('-')).toBeNull();
    expect(normalizeSid('s-1-5-18')).toBe('S-1-5-18');
  });
});
