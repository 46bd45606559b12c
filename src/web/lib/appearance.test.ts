import { describe, expect, it } from 'vitest';
import { applyAppearance, readAppearance, resolveTheme, saveAppearance } from './appearance';

describe('appearance', () => {
  it('starts with the system theme and the standard palette, and ignores unknown kept values', () => {
    expect(readAppearance()).toEqual({ theme: 'system', palette: 'standard' });
    localStorage.setItem('logonlens:theme', '<img src=x>');
    localStorage.setItem('logonlens:palette', 'rainbow');
    expect(readAppearance()).toEqual({ theme: 'system', palette: 'standard' });
  });

  it('keeps a choice', () => {
    saveAppearance({ theme: 'dark', palette: 'cvd' });
    expect(readAppearance()).toEqual({ theme: 'dark', palette: 'cvd' });
  });

  it('marks the document only with a chosen theme (system leaves it to the stylesheet)', () => {
    const root = document.createElement('html');
    applyAppearance(root, { theme: 'dark', palette: 'cvd' });
    expect(root.getAttribute('data-theme')).toBe('dark');
    expect(root.getAttribute('data-palette')).toBe('cvd');
    applyAppearance(root, { theme: 'system', palette: 'standard' });
    expect(root.hasAttribute('data-theme')).toBe(false);
    expect(root.getAttribute('data-palette')).toBe('standard');
  });

  it('resolves the system theme from the media query', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
  });
});
