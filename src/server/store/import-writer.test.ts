import { describe, expect, it } from 'vitest';
import { emptyEvent, type LogonEvent } from '../../core/events/index.js';
import { dedupKey } from './import-writer.js';

const event = (computer: string | null, channel: string | null, recordId: number | null): LogonEvent => ({
  ...emptyEvent(4624, '2021-12-03T12:00:00Z'),
  computer,
  channel,
  recordId,
});

describe('dedupKey', () => {
  it('keeps the key stores already hold for ordinary computers and channels', () => {
    expect(dedupKey(event('DC1.corp.example', 'Security', 42))).toBe(
      'r\u0001DC1.corp.example\u0001Security\u000142',
    );
  });

  it('does not take one computer and channel for another when a name holds the separator', () => {
    expect(dedupKey(event('a\u0001b', 'c', 42))).not.toBe(dedupKey(event('a', 'b\u0001c', 42)));
    expect(dedupKey(event('a', 'b\u000142', 1))).not.toBe(dedupKey(event('a', 'b', 42)));
  });
});
