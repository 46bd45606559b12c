import { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Providers } from '../app/providers';

/** Renders with a fresh QueryClient (no retries) at a given URL query. */
export function renderWithProviders(
  ui: ReactElement,
  options: { search?: string } = {},
): RenderResult & { client: QueryClient } {
  window.history.replaceState(null, '', `/${options.search ?? ''}`);
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
  return { ...render(<Providers client={client}>{ui}</Providers>), client };
}

/** A File from a JSON value or text (jsdom's File has text()). */
export function jsonFile(name: string, value: unknown): File {
  return new File([typeof value === 'string' ? value : JSON.stringify(value)], name, {
    type: 'application/json',
  });
}
