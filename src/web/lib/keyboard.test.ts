import { describe, expect, it } from 'vitest';
import { shortcutOf, stepIndex } from './keyboard';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('shortcutOf', () => {
  it('maps the single keys outside fields', () => {
    expect(shortcutOf(press('/'), false, false)).toBe('search');
    expect(shortcutOf(press('j'), false, false)).toBe('next');
    expect(shortcutOf(press('k'), false, true)).toBe('previous');
    expect(shortcutOf(press('Escape'), false, false)).toBe('clear');
    expect(shortcutOf(press('?'), false, false)).toBe('help');
  });
  it('lets the analyst type: only Escape acts in a field', () => {
    expect(shortcutOf(press('/'), true, false)).toBeNull();
    expect(shortcutOf(press('j'), true, false)).toBeNull();
    expect(shortcutOf(press('Escape'), true, false)).toBe('clear');
  });
  it('leaves browser and screen-reader chords alone', () => {
    expect(shortcutOf(press('k', { ctrlKey: true }), false, false)).toBeNull();
    expect(shortcutOf(press('/', { metaKey: true }), false, false)).toBeNull();
    expect(shortcutOf(press('j', { altKey: true }), false, false)).toBeNull();
  });
  it('uses the arrows only inside a keyboard list (elsewhere they scroll)', () => {
    expect(shortcutOf(press('ArrowDown'), false, false)).toBeNull();
    expect(shortcutOf(press('ArrowDown'), false, true)).toBe('next');
    expect(shortcutOf(press('ArrowUp'), false, true)).toBe('previous');
  });
});

describe('stepIndex', () => {
  it('enters a list at either end and stops at its ends', () => {
    expect(stepIndex(-1, 5, 'next')).toBe(0);
    expect(stepIndex(-1, 5, 'previous')).toBe(4);
    expect(stepIndex(4, 5, 'next')).toBe(4);
    expect(stepIndex(0, 5, 'previous')).toBe(0);
    expect(stepIndex(2, 5, 'next')).toBe(3);
    expect(stepIndex(0, 0, 'next')).toBe(-1);
  });
});
