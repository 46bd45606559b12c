export { i18n, currentLanguage, setLanguage, LANGUAGE_STORAGE_KEY } from './i18n';
export { LANGUAGES, LANGUAGE_NAMES, isLanguage, pickLanguage, type Language } from './languages';
export { LanguageSwitch } from './language-switch';
