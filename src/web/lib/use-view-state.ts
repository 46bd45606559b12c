import { useCallback, useMemo, useSyncExternalStore } from 'react';
import {
  carryViewport,
  parseViewState,
  serializeViewState,
  type ParsedView,
  type ViewState,
} from './url-state';

/** Fired after we push or replace history ourselves (popstate only fires for back/forward). */
const NAVIGATE = 'logonlens:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

const getSearch = () => window.location.search;

export type Navigate = (
  next: ViewState | ((current: ViewState) => ViewState),
  options?: { replace?: boolean },
) => void;

/** Writes a view to the URL: a new history entry (back/forward move between views) unless replace. */
export function navigateTo(state: ViewState, options: { replace?: boolean } = {}): void {
  const query = serializeViewState(state);
  const url = `${window.location.pathname}${query === '' ? '' : `?${query}`}${window.location.hash}`;
  if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATE));
}

/** The view state held in the URL, and a way to change it. */
export function useViewState(): ParsedView & { navigate: Navigate } {
  const search = useSyncExternalStore(subscribe, getSearch, getSearch);
  const parsed = useMemo(() => parseViewState(search), [search]);
  const navigate = useCallback<Navigate>((next, options) => {
    const current = parseViewState(window.location.search).state;
    const wanted = typeof next === 'function' ? next(current) : next;
    navigateTo(carryViewport(current, wanted), options);
  }, []);
  return { ...parsed, navigate };
}
