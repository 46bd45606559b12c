import { describe, expect, it } from 'vitest';
import {
  DETECTION_ONLY_EVENT_IDS,
  EVENT_HANDLERS,
  FLAG_EVENT_IDS,
  LOGON_EDGE_EVENT_IDS,
} from './graph-event-handlers.js';

describe('EVENT_HANDLERS', () => {
  it('has a handler for exactly the edge, flag and detection-only event IDs', () => {
    const listed = new Set([...LOGON_EDGE_EVENT_IDS, ...FLAG_EVENT_IDS, ...DETECTION_ONLY_EVENT_IDS]);
    expect([...EVENT_HANDLERS.keys()].sort((a, b) => a - b)).toEqual([...listed].sort((a, b) => a - b));
  });

  it('gives every logon edge event one handler, apart from the flag events', () => {
    const edgeHandlers = new Set([...LOGON_EDGE_EVENT_IDS].map((id) => EVENT_HANDLERS.get(id)));
    expect(edgeHandlers.size).toBe(1);
    for (const id of FLAG_EVENT_IDS) expect(edgeHandlers.has(EVENT_HANDLERS.get(id))).toBe(false);
  });
});
