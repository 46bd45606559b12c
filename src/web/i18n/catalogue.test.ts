import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

/** `{{name}}` and `$t(...)` references: a translation must use the same ones as the English text. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|\$t\(([^)]*)\)/g)].map((m) => m[1] ?? m[2] ?? '').sort();
}

describe('the Japanese catalogue', () => {
  const enLeaves = leaves(en as unknown as Tree);
  const jaLeaves = leaves(ja as unknown as Tree);

  it('has exactly the keys of the English one', () => {
    expect([...jaLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('uses the same placeholders in every message', () => {
    const mismatched = [...enLeaves].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(jaLeaves.get(key) ?? '').join(),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('has no empty message', () => {
    expect([...jaLeaves].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });
});
