import './token-dialog.css';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setTokenPrompt, type TokenPromptReason } from './token';

interface Pending {
  reason: TokenPromptReason;
  resolve: (token: string | null) => void;
}

/**
 * Asks for the server's access token when a request is answered 401. Mount it once near the root;
 * it stays invisible until needed. The token goes to sessionStorage (see token.ts), never the URL.
 */
export function TokenDialog() {
  const { t } = useTranslation('api');
  const [pending, setPending] = useState<Pending | null>(null);
  const [value, setValue] = useState('');
  const titleId = useId();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(
    () =>
      setTokenPrompt(
        (reason) =>
          new Promise<string | null>((resolve) => {
            setValue('');
            setPending({ reason, resolve });
          }),
      ),
    [],
  );

  useEffect(() => {
    if (pending !== null) inputRef.current?.focus();
  }, [pending]);

  // If the dialog goes away while asking, the waiting requests must not hang.
  useEffect(() => () => pending?.resolve(null), [pending]);

  if (pending === null) return null;

  const finish = (token: string | null) => {
    setPending(null);
    pending.resolve(token);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim() !== '') finish(value.trim());
  };

  return (
    <div className="token-dialog-backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="token-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') finish(null);
        }}
      >
        <h2 id={titleId}>{t('token.title')}</h2>
        <p>{pending.reason === 'rejected' ? t('token.rejected') : t('token.required')}</p>
        <p className="hint">{t('token.hint')}</p>
        <form onSubmit={submit}>
          <label htmlFor={inputId}>{t('token.label')}</label>
          <input
            id={inputId}
            ref={inputRef}
            type="password"
            autoComplete="off"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          <button type="submit" disabled={value.trim() === ''}>
            {t('token.use')}
          </button>
          <button type="button" onClick={() => finish(null)}>
            {t('token.cancel')}
          </button>
        </form>
      </div>
    </div>
  );
}
