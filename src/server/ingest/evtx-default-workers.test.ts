import { describe, expect, it } from 'vitest';
import { evtxWorkersBesideBusyThread } from './evtx-default-workers.js';

describe('evtxWorkersBesideBusyThread', () => {
  it('leaves a core to the busy calling thread, and always starts one worker', () => {
    expect(evtxWorkersBesideBusyThread(1)).toBe(1);
    expect(evtxWorkersBesideBusyThread(2)).toBe(1);
    expect(evtxWorkersBesideBusyThread(4)).toBe(3);
    expect(evtxWorkersBesideBusyThread(16)).toBe(15);
    expect(evtxWorkersBesideBusyThread(0)).toBe(1);
  });
});
