import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** "Open dataset…": a file picker for one JSON dataset. */
export function OpenButton({ busy, onFile }: { busy: boolean; onFile(file: File): void }) {
  const { t } = useTranslation('ingest');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <span className="open-button">
      <label htmlFor={id} className={busy ? 'button disabled' : 'button primary'}>
        {busy ? t('opening') : t('open')}
      </label>
      <input
        id={id}
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        disabled={busy}
        aria-label={t('openFile')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          // Allow opening the same file again after a fix.
          if (input.current) input.current.value = '';
        }}
      />
    </span>
  );
}
