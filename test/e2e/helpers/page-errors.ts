import type { Page } from 'playwright-core';

/**
 * Collects what a page must never do in a test: uncaught errors, console errors and dialogs
 * (alert/confirm/prompt: a hostile name that runs script would open one). Dialogs are dismissed.
 */
export function watchPage(page: Page): { errors: string[]; dialogs: string[] } {
  const seen = { errors: [] as string[], dialogs: [] as string[] };
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(m.text());
  });
  page.on('dialog', (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return seen;
}
