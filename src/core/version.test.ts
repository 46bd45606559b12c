import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { GENERATOR } from './version.js';

describe('version', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(GENERATOR.version).toBe(pkg.version);
  });
});
