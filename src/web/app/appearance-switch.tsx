import { useTranslation } from 'react-i18next';
import { PALETTE_NAMES, isPaletteName } from '../../core/palette.js';
import { THEME_SETTINGS, type ThemeSetting } from '../lib/appearance';
import { useUiStore } from '../stores/ui-store';

/** Theme (system, light, dark) and palette (LogonTracer's, colour-blind safe): kept in this browser. */
export function AppearanceSwitch() {
  const { t } = useTranslation('a11y');
  const appearance = useUiStore((s) => s.appearance);
  const setAppearance = useUiStore((s) => s.setAppearance);
  return (
    <div className="appearance-switch">
      <select
        aria-label={t('theme.label')}
        value={appearance.theme}
        onChange={(e) => {
          const v = e.target.value;
          if ((THEME_SETTINGS as readonly string[]).includes(v)) setAppearance('theme', v as ThemeSetting);
        }}
      >
        {THEME_SETTINGS.map((th) => (
          <option key={th} value={th}>
            {t(`theme.${th}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('palette.label')}
        value={appearance.palette}
        onChange={(e) => {
          if (isPaletteName(e.target.value)) setAppearance('palette', e.target.value);
        }}
      >
        {PALETTE_NAMES.map((p) => (
          <option key={p} value={p}>
            {t(`palette.${p}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
