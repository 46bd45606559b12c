import './notices.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../lib/notice';

/** A notice's identity (the same message with the same values is one notice). */
const idOf = (n: Notice) => JSON.stringify([n.key, n.params ?? {}]);

/** Notices about the URL or the data (a value not understood, a date moved): visible, dismissible. */
export function Notices({ notices }: { notices: readonly Notice[] }) {
  const { t } = useTranslation('components');
  const { t: tn } = useTranslation('notices');
  const [dismissed, setDismissed] = useState<string[]>([]);
  const shown = notices.filter((n) => !dismissed.includes(idOf(n)));
  if (shown.length === 0) return null;
  return (
    <div className="notice warn" role="status" aria-label={t('notices')}>
      <button
        type="button"
        className="close"
        onClick={() => setDismissed(notices.map(idOf))}
        aria-label={t('dismissNotices')}
      >
        ×
      </button>
      <ul>
        {shown.map((n) => (
          <li key={idOf(n)}>{tn(n.key, n.params ?? {})}</li>
        ))}
      </ul>
    </div>
  );
}
