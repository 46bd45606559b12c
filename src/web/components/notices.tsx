import './notices.css';
import { useState } from 'react';

/** Notices about the URL or the data (a value not understood, a date moved): visible, dismissible. */
export function Notices({ notices }: { notices: string[] }) {
  const [dismissed, setDismissed] = useState<string[]>([]);
  const shown = notices.filter((n) => !dismissed.includes(n));
  if (shown.length === 0) return null;
  return (
    <div className="notice warn" role="status" aria-label="Notices">
      <button
        type="button"
        className="close"
        onClick={() => setDismissed(notices)}
        aria-label="Dismiss notices"
      >
        ×
      </button>
      <ul>
        {shown.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}
