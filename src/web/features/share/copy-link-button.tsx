import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VIEWPORT_SETTLE_MS } from '../../lib/url-state';
import { useUiStore } from '../../stores/ui-store';

/** Waited after the fresh layout: the canvas writes its viewport to the URL once it settles. */
const URL_WRITTEN_MS = VIEWPORT_SETTLE_MS + 150;
/** A layout that never ends must not keep the button waiting: the link is copied as it is. */
const FRESH_TIMEOUT_MS = 20_000;

/**
 * After stepping through windows the graph keeps the positions of the nodes that stay, a picture
 * that depends on the way taken; a link draws the view's fresh layout. So that the link shows what
 * the analyst sees, the fresh layout is drawn first, then its viewport reaches the URL.
 */
async function freshPicture(): Promise<void> {
  const store = useUiStore.getState();
  if (store.pictureFresh && !store.layoutRunning) return;
  store.requestFreshLayout();
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      setTimeout(resolve, URL_WRITTEN_MS);
    };
    const timer = setTimeout(done, FRESH_TIMEOUT_MS);
    const unsubscribe = useUiStore.subscribe((s) => {
      if (s.pictureFresh && !s.layoutRunning) done();
    });
  });
}

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
    await freshPicture();
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
