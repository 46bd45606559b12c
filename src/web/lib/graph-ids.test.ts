import { describe, expect, it } from 'vitest';
import { linkId, parseLinkId } from './graph-ids';

describe('link ids', () => {
  it('round-trip any node id, including separators and markup', () => {
    const account = 'account:corp\\<img src=x onerror=alert(1)>|"x"';
    const id = linkId(account, 'host:ws1', 'to');
    expect(parseLinkId(id)).toEqual({ account, other: 'host:ws1', role: 'to' });
  });
  it('reject anything else', () => {
    expect(parseLinkId('host:ws1')).toBeNull();
    expect(parseLinkId('link:[1,2,3]')).toBeNull();
    expect(parseLinkId('link:{')).toBeNull();
    expect(parseLinkId('link:["a","b","sideways"]')).toBeNull();
  });
});
