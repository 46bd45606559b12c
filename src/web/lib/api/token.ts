/**
 * The access token of a server started with LOGONLENS_TOKEN. The app asks for it once, when the
 * server first answers 401, and keeps it in sessionStorage: it survives reloads of this tab but
 * never lands in the URL (URLs are shared), in localStorage or in the history.
 */
export const TOKEN_STORAGE_KEY = 'logonlens.token';

/** Why the app asks: first time, or because the stored token was refused. */
export type TokenPromptReason = 'required' | 'rejected';

/** Shows the prompt; resolves with the token typed, or null when the analyst cancels. */
export type TokenPrompt = (reason: TokenPromptReason) => Promise<string | null>;

let memoryToken: string | null = null;
let prompt: TokenPrompt | null = null;
let pending: Promise<string | null> | null = null;

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // Storage can throw (privacy settings, sandboxed frames): fall back to memory.
    return null;
  }
}

export function getToken(): string | null {
  try {
    return storage()?.getItem(TOKEN_STORAGE_KEY) ?? memoryToken;
  } catch {
    return memoryToken;
  }
}

export function setToken(token: string): void {
  memoryToken = token;
  try {
    storage()?.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // memory only
  }
}

export function clearToken(): void {
  memoryToken = null;
  try {
    storage()?.removeItem(TOKEN_STORAGE_KEY);
  } catch {
    // nothing stored
  }
}

/** Installs the UI that asks for the token (the TokenDialog does this); returns the uninstaller. */
export function setTokenPrompt(fn: TokenPrompt | null): () => void {
  prompt = fn;
  return () => {
    if (prompt === fn) prompt = null;
  };
}

/**
 * Asks the analyst for a token. Requests that hit 401 at the same time share one prompt, so a page
 * that starts five queries asks once. Resolves null when there is no prompt or the analyst cancels.
 */
export function requestToken(reason: TokenPromptReason): Promise<string | null> {
  if (pending !== null) return pending;
  const current = prompt;
  if (current === null) return Promise.resolve(null);
  pending = current(reason)
    .then((token) => {
      const trimmed = token?.trim() ?? '';
      if (trimmed === '') return null;
      setToken(trimmed);
      return trimmed;
    })
    .finally(() => {
      pending = null;
    });
  return pending;
}

/** Test hook: forget the token and the prompt. */
export function resetTokenState(): void {
  clearToken();
  prompt = null;
  pending = null;
}
