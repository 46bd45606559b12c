import { describe, expect, it } from 'vitest';
import { defaultAnalyzeWorkers } from './analyze.js';

describe('defaultAnalyzeWorkers', () => {
  it('leaves a core to the thread that builds the graph, and always starts one worker', () => {
    expect(defaultAnalyzeWorkers(1)).toBe(1);
    expect(defaultAnalyzeWorkers(2)).toBe(1);
    expect(defaultAnalyzeWorkers(4)).toBe(3);
    expect(defaultAnalyzeWorkers(16)).toBe(15);
  });
});
