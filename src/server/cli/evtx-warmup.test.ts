import { describe, expect, it } from 'vitest';
import { defaultAnalyzeWorkers, workersArgument } from './evtx-warmup.js';

describe('defaultAnalyzeWorkers', () => {
  it('leaves a core to the thread that builds the graph, and always starts one worker', () => {
    expect(defaultAnalyzeWorkers(1)).toBe(1);
    expect(defaultAnalyzeWorkers(2)).toBe(1);
    expect(defaultAnalyzeWorkers(4)).toBe(3);
    expect(defaultAnalyzeWorkers(16)).toBe(15);
  });
});

describe('workersArgument', () => {
  it('reads --workers N and --workers=N, and nothing else', () => {
    expect(workersArgument(['a.evtx', '--workers', '3'])).toBe(3);
    expect(workersArgument(['--workers=2', 'a.evtx'])).toBe(2);
    expect(workersArgument(['a.evtx'])).toBeNull();
    expect(workersArgument(['--workers', '0'])).toBeNull();
    expect(workersArgument(['--workers', 'x'])).toBeNull();
    expect(workersArgument(['--workers', '1e3'])).toBeNull();
    expect(workersArgument(['--workers'])).toBeNull();
  });
});
