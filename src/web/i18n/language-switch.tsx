import { useTranslation } from 'react-i18next';
import { setLanguage } from './i18n';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from './languages';

/** The language switch in the header. Language names are written in their own language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('language')}</span>
      <select
        aria-label={t('language')}
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(e) => {
          if (isLanguage(e.target.value)) void setLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
