import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../stores/ui-store';

/**
 * Copies the page's link: the URL is the whole view (window, filters, layout, selection, viewport,
 * zone), and holds no dataset content. Where the clipboard API is refused (an insecure origin, a
 * denied permission), the link is shown selected in a text field to copy by hand.
 */
export function CopyLinkButton() {
  const { t } = useTranslation('share');
  const pushToast = useUiStore((s) => s.pushToast);
  const [fallback, setFallback] = useState<string | null>(null);
  const field = useRef<HTMLInputElement | null>(null);

  const copy = async () => {
    const link = window.location.href;
    try {
      if (navigator.clipboard === undefined) throw new Error('no clipboard API');
      await navigator.clipboard.writeText(link);
      setFallback(null);
      pushToast('info', t('copied'));
    } catch {
      setFallback(link);
      // Selected once it is drawn, so that Ctrl+C copies it at once.
      requestAnimationFrame(() => field.current?.select());
    }
  };

  return (
    <span className="copy-link">
      <button type="button" title={t('copyLinkTitle')} onClick={() => void copy()}>
        {t('copyLink')}
      </button>
      {fallback !== null && (
        <label className="copy-link-fallback">
          {t('copyFallback')}{' '}
          <input
            ref={field}
            readOnly
            value={fallback}
            aria-label={t('linkLabel')}
            onFocus={(e) => e.currentTarget.select()}
            onBlur={() => setFallback(null)}
          />
        </label>
      )}
    </span>
  );
}
