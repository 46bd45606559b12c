import './toasts.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../stores/ui-store';

const TOAST_MS = 5000;

/** Short confirmations ("opened x.json"); errors stay until dismissed. */
export function Toasts() {
  const { t: tr } = useTranslation('components');
  const toasts = useUiStore((s) => s.toasts);
  const dismiss = useUiStore((s) => s.dismissToast);
  useEffect(() => {
    const timers = toasts
      .filter((t) => t.kind === 'info')
      .map((t) => setTimeout(() => dismiss(t.id), TOAST_MS));
    return () => timers.forEach(clearTimeout);
  }, [toasts, dismiss]);
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          {t.text}
          <button type="button" className="close" onClick={() => dismiss(t.id)} aria-label={tr('dismiss')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
