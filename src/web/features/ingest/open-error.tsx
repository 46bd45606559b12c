import { useTranslation } from 'react-i18next';

/** Why a file could not be opened: its name and the first problems with where they are. */
export function OpenError({
  name,
  problems,
  onDismiss,
}: {
  name: string;
  problems: string[];
  onDismiss(): void;
}) {
  const { t } = useTranslation('ingest');
  return (
    <div className="notice error" role="alert">
      <button type="button" className="close" onClick={onDismiss} aria-label={t('dismiss')}>
        ×
      </button>
      <strong>{t('invalid', { name })}</strong> {t('unchanged')}
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <code>{p}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
