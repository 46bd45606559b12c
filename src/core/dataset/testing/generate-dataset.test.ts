import { describe, expect, it } from 'vitest';
import { validateDataset } from '../validate.js';
import { generateDataset } from './generate-dataset.js';

describe('generateDataset', () => {
  it('produces valid datasets of the asked size, deterministically', () => {
    const d = generateDataset({ accounts: 50, hosts: 20, ips: 5, days: 4, seed: 7 });
    const r = validateDataset(d);
    expect(r.ok ? [] : r.problems).toEqual([]);
    expect(d.nodes.filter((n) => n.kind === 'account')).toHaveLength(51);
    expect(d.timeRange).not.toBeNull();
    expect(generateDataset({ accounts: 50, hosts: 20, ips: 5, days: 4, seed: 7 })).toEqual(d);
  });

  it('keeps hostile names verbatim', () => {
    const d = generateDataset({ accounts: 1, extraAccountNames: ['<img src=x onerror=alert(1)>'] });
    expect(d.nodes.some((n) => n.label === '<img src=x onerror=alert(1)>')).toBe(true);
    expect(validateDataset(d).ok).toBe(true);
  });
});
