import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { KeptFile } from '../../lib/file-store';
import { useTimeFormat } from '../../lib/use-time-format';

export interface KeptFilesProps {
  files: KeptFile[] | undefined;
  error: string | null;
  currentKey: string | null;
  onOpen(key: string): void;
  onRemove(key: string): void;
}

function size(bytes: number, t: TFunction<'ingest'>, language: string): string {
  const one = (v: number) =>
    v.toLocaleString(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (bytes < 1024) return t('size.bytes', { value: bytes.toLocaleString(language) });
  if (bytes < 1024 * 1024) return t('size.kilobytes', { value: one(bytes / 1024) });
  return t('size.megabytes', { value: one(bytes / 1024 / 1024) });
}

/** The dataset files this browser keeps (IndexedDB), to reopen or remove. */
export function KeptFiles({ files, error, currentKey, onOpen, onRemove }: KeptFilesProps) {
  const time = useTimeFormat();
  const { t, i18n } = useTranslation('ingest');
  if (error !== null) return <p className="notice error">{t('kept.unavailable', { error })}</p>;
  if (files === undefined) return <p className="muted">{t('kept.loading')}</p>;
  if (files.length === 0) return <p className="muted">{t('kept.none')}</p>;
  return (
    <ul className="kept-files" aria-label={t('kept.list')}>
      {files.map((f) => (
        <li key={f.key} className={f.key === currentKey ? 'current' : undefined}>
          <button
            type="button"
            className="link"
            onClick={() => onOpen(f.key)}
            title={t('kept.hash', { hash: f.key })}
          >
            {f.name}
          </button>
          <span className="muted">
            {' '}
            {size(f.size, t, i18n.language)} · {time(f.addedAt, 'minute')}
          </span>
          <button
            type="button"
            onClick={() => onRemove(f.key)}
            aria-label={t('kept.removeLabel', { name: f.name })}
          >
            {t('kept.remove')}
          </button>
        </li>
      ))}
    </ul>
  );
}
