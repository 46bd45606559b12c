import { describe, expect, it } from 'vitest';
import { pickLanguage } from './languages';

describe('pickLanguage', () => {
  it('keeps the analyst choice over the browser', () => {
    expect(pickLanguage('ja', ['en-US'])).toBe('ja');
  });
  it('follows the first shipped browser language', () => {
    expect(pickLanguage(null, ['fr-FR', 'ja-JP', 'en'])).toBe('ja');
    expect(pickLanguage(null, ['en-GB', 'ja'])).toBe('en');
  });
  it('ignores a kept value it does not ship and falls back to English', () => {
    expect(pickLanguage('<script>', ['de'])).toBe('en');
    expect(pickLanguage(null, [])).toBe('en');
  });
});
