import { describe, expect, it } from 'vitest';
import { COMMANDS } from './index.js';

describe('the command list', () => {
  it('names each command as the command names itself', async () => {
    for (const entry of COMMANDS) expect((await entry.load()).name).toBe(entry.name);
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });
});
