import { describe, expect, it } from 'vitest';
import { HostResolver, parseSource } from './normalize-host.js';

function resolve(obs: Array<[string | null, string | null]>) {
  const h = new HostResolver();
  const keys = obs.map(([ip, ws]) => h.observe(parseSource(ip, ws)));
  const out = h.resolve();
  return { ids: keys.map((k) => out.get(k)!.id), h, out: keys.map((k) => out.get(k)!) };
}

describe('HostResolver', () => {
  it('ties an IP and a workstation named in one record into one host', () => {
    const { ids, h } = resolve([
      ['10.0.0.5', 'WS1'],
      ['10.0.0.5', null],
      ['::ffff:10.0.0.5', '-'],
    ]);
    expect(ids).toEqual(['host:ws1', 'host:ws1', 'host:ws1']);
    expect([...h.hosts.get('host:ws1')!.ips]).toEqual(['10.0.0.5']);
  });

  it('keeps an IP seen with several names apart and lists the names (DHCP)', () => {
    const { ids, h } = resolve([
      ['10.0.0.7', 'WS1'],
      ['10.0.0.7', 'WS9'],
      ['10.0.0.7', null],
    ]);
    expect(ids).toEqual(['host:ws1', 'host:ws9', 'ip:10.0.0.7']);
    expect([...h.ips.get('ip:10.0.0.7')!.names].sort()).toEqual(['ws1', 'ws9']);
  });

  it('matches addresses exactly: 10.0.0.1 is not 10.0.0.10', () => {
    const { ids } = resolve([
      ['10.0.0.1', 'WS1'],
      ['10.0.0.10', null],
    ]);
    expect(ids).toEqual(['host:ws1', 'ip:10.0.0.10']);
  });

  it('marks local and missing sources hidden', () => {
    const { out } = resolve([
      ['::1', null],
      ['127.0.0.1', null],
      ['-', '-'],
      ['', null],
    ]);
    expect(out.map((o) => o.hidden)).toEqual([
      'local-source',
      'local-source',
      'local-source',
      'local-source',
    ]);
    expect(out[2]!.id).toBe('ip:-');
  });

  it('does not tie a local address to a workstation', () => {
    const { ids } = resolve([
      ['127.0.0.1', 'WS1'],
      ['127.0.0.1', null],
    ]);
    expect(ids).toEqual(['host:ws1', 'ip:127.0.0.1']);
  });

  it('names computers by their first label so targets and sources meet', () => {
    const h = new HostResolver();
    expect(h.computer('RootDC1.offsec.lan')).toBe('host:rootdc1');
    const k = h.observe(parseSource('10.1.1.1', 'ROOTDC1'));
    expect(h.resolve().get(k)!.id).toBe('host:rootdc1');
  });
});
