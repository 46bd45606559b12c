/** The UI languages LogonLens ships, complete. English is the fallback for anything missing. */
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];
export const FALLBACK_LANGUAGE: Language = 'en';

/** Each language's name in itself, for the switch (never translated). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ja: '日本語' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language to start in: the analyst's kept choice, else the first browser language we ship
 * (`ja-JP` → `ja`), else English. Pure, so the rule is tested without a browser.
 */
export function pickLanguage(kept: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(kept)) return kept;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return FALLBACK_LANGUAGE;
}
