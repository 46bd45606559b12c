import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ja } from './ja';
import { FALLBACK_LANGUAGE, isLanguage, pickLanguage, type Language } from './languages';

/** Where the analyst's language choice is kept (per browser; a language is not part of a shared view). */
export const LANGUAGE_STORAGE_KEY = 'logonlens:language';

function keptLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null; // storage disabled: follow the browser
  }
}

function browserLanguages(): readonly string[] {
  const nav = globalThis.navigator as Navigator | undefined;
  if (!nav) return [];
  return nav.languages?.length ? nav.languages : nav.language ? [nav.language] : [];
}

/**
 * The app's one i18next instance. Catalogues are bundled (they are small), so initialisation is
 * synchronous and the first render is already in the right language.
 */
export const i18n: I18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en, ja },
  lng: pickLanguage(keptLanguage(), browserLanguages()),
  fallbackLng: FALLBACK_LANGUAGE,
  defaultNS: 'common',
  ns: Object.keys(en),
  initAsync: false,
  // React escapes what it renders; escaping here too would show `&lt;` for a `<` in a host name.
  interpolation: { escapeValue: false },
  returnNull: false,
});
syncDocumentLanguage(currentLanguage());

export function currentLanguage(): Language {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lng) ? lng : FALLBACK_LANGUAGE;
}

/** Switches the UI language and keeps the choice for the next visit. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // storage disabled: the switch still applies to this tab
  }
  await i18n.changeLanguage(language);
  syncDocumentLanguage(language);
}

function syncDocumentLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
