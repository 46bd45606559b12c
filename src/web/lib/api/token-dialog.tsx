import './token-dialog.css';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
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
        <h2 id={titleId}>Access token needed</h2>
        <p>
          {pending.reason === 'rejected'
            ? 'The server refused the token. Type the token it was started with (LOGONLENS_TOKEN).'
            : 'This LogonLens server is protected. Type the token it was started with (LOGONLENS_TOKEN).'}
        </p>
        <p className="hint">It is kept for this browser tab only and never put in links.</p>
        <form onSubmit={submit}>
          <label htmlFor={inputId}>Access token</label>
          <input
            id={inputId}
            ref={inputRef}
            type="password"
            autoComplete="off"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          <button type="submit" disabled={value.trim() === ''}>
            Use token
          </button>
          <button type="button" onClick={() => finish(null)}>
            Cancel
          </button>
        </form>
      </div>
    </div>
  );
}
