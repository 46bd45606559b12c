import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutOf, stepIndex, type ShortcutAction } from '../lib/keyboard';
import type { Navigate } from '../lib/use-view-state';

/** Lists the keyboard moves through: containers marked `data-keynav`, their items the row buttons. */
const LIST_SELECTOR = '[data-keynav]';
const ITEM_SELECTOR = 'tbody button.link';

function isEditable(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLInputElement)
    return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(el.type);
  return el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
}

function moveInList(action: 'next' | 'previous'): void {
  const active = document.activeElement;
  // The list holding the focus, else the ranking, else any.
  const list = (active?.closest(LIST_SELECTOR) ??
    document.querySelector('[data-keynav="ranking"]') ??
    document.querySelector(LIST_SELECTOR)) as HTMLElement | null;
  if (list === null) return;
  const items = [...list.querySelectorAll<HTMLElement>(ITEM_SELECTOR)];
  const at = stepIndex(items.indexOf(active as HTMLElement), items.length, action);
  const item = items[at];
  if (item) {
    item.focus();
    item.scrollIntoView({ block: 'nearest' });
  }
}

/**
 * The keyboard shortcuts of docs/keyboard (shown with `?`): `/` search, `j`/`k` or arrows through the
 * ranking and detections (Enter selects), `Esc` leaves a field, then clears the selection, then the
 * focus/path/chain. Dialogs close themselves on Esc.
 */
export function KeyboardShortcuts({ navigate }: { navigate: Navigate }) {
  const { t } = useTranslation(['a11y', 'common']);
  const [help, setHelp] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const active = document.activeElement;
      const action: ShortcutAction | null = shortcutOf(
        e,
        isEditable(active),
        active?.closest(LIST_SELECTOR) != null,
      );
      if (action === null) return;
      if (action === 'clear' && document.querySelector('dialog[open]')) return; // the dialog's own Esc
      e.preventDefault();
      switch (action) {
        case 'search':
          document.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
          break;
        case 'next':
        case 'previous':
          moveInList(action);
          break;
        case 'help':
          setHelp(true);
          break;
        case 'clear':
          if (isEditable(active)) (active as HTMLElement).blur();
          else
            navigate((s) =>
              s.sel !== null || s.det !== null
                ? { ...s, sel: null, det: null }
                : { ...s, focus: null, path: null, chain: null },
            );
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  useEffect(() => {
    const d = dialog.current;
    if (help && d && !d.open) d.showModal?.();
  }, [help]);

  const rows: Array<[string, string]> = [
    ['/', t('keys.search')],
    ['j ↓', t('keys.next')],
    ['k ↑', t('keys.previous')],
    ['Enter', t('keys.select')],
    ['Esc', t('keys.clear')],
    ['?', t('keys.help')],
  ];
  return (
    <>
      <button
        type="button"
        className="shortcuts-button"
        aria-label={t('shortcutsButton')}
        title={t('shortcutsButton')}
        onClick={() => setHelp(true)}
      >
        ?
      </button>
      {help && (
        <dialog
          ref={dialog}
          className="shortcuts-help"
          aria-labelledby="shortcuts-title"
          onClose={() => setHelp(false)}
        >
          <h2 id="shortcuts-title">{t('keys.title')}</h2>
          <table>
            <tbody>
              {rows.map(([keys, what]) => (
                <tr key={keys}>
                  <th scope="row">
                    {keys.split(' ').map((k) => (
                      <kbd key={k}>{k}</kbd>
                    ))}
                  </th>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <form method="dialog">
            <button type="submit" autoFocus>
              {t('common:close')}
            </button>
          </form>
        </dialog>
      )}
    </>
  );
}
