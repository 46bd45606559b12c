import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './web-build.js';

/** A catalogue's messages: namespaces of nested keys down to the message strings. */
export type Tree = { [key: string]: string | Tree };

/**
 * A language's whole catalogue, as the app bundles it. Loaded by path: the web's modules resolve the
 * bundler's way (extensionless imports), which the Node typecheck of the tests does not follow;
 * vitest's module runner loads them as Vite does.
 */
export async function catalogue(language: 'en' | 'ja'): Promise<Record<string, Tree>> {
  const file = path.join(REPO_ROOT, 'src/web/i18n', language, 'index.ts');
  const module = (await import(file)) as Record<string, Record<string, Tree>>;
  const found = module[language];
  if (found === undefined) throw new Error(`no ${language} catalogue in ${file}`);
  return found;
}

/** Every message of a (part of a) catalogue by its dotted key. */
export function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(at, value);
    else for (const [k, v] of leaves(value, at)) out.set(k, v);
  }
  return out;
}

/** A text node or an attribute as the page shows it, with where it is. */
export interface Shown {
  text: string;
  where: string;
}

/** page.evaluate callbacks run in the page; the Node typecheck has no DOM lib, so declare what they use. */
interface PageElement {
  tagName: string;
  className: unknown;
  parentElement: PageElement | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}
interface PageNode {
  nodeValue: string | null;
  parentElement: PageElement | null;
}
declare const document: {
  createTreeWalker(root: PageElement, whatToShow: number): { nextNode(): PageNode | null };
  querySelectorAll(selector: string): ArrayLike<PageElement>;
};

/**
 * Every non-empty text node and title/aria-label/placeholder attribute inside the elements that
 * `areas` selects (the whole body by default), outside scripts and styles, trimmed.
 */
export async function shownTexts(page: Page, areas = 'body'): Promise<Shown[]> {
  return page.evaluate((selector) => {
    const where = (el: PageElement | null): string => {
      const parts: string[] = [];
      for (let e = el; e !== null && parts.length < 3; e = e.parentElement) {
        const cls =
          typeof e.className === 'string' && e.className !== '' ? `.${e.className.split(' ')[0]}` : '';
        parts.unshift(`${e.tagName.toLowerCase()}${cls}`);
      }
      return parts.join(' > ');
    };
    const out: Array<{ text: string; where: string }> = [];
    const SHOW_TEXT = 4;
    for (const root of Array.from(document.querySelectorAll(selector))) {
      const walker = document.createTreeWalker(root, SHOW_TEXT);
      for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
        const tag = n.parentElement?.tagName.toLowerCase();
        if (tag === 'script' || tag === 'style') continue;
        const text = (n.nodeValue ?? '').trim();
        if (text !== '') out.push({ text, where: where(n.parentElement) });
      }
      for (const el of [root, ...Array.from(root.querySelectorAll('[title], [aria-label], [placeholder]'))])
        for (const name of ['title', 'aria-label', 'placeholder']) {
          const value = el.getAttribute(name)?.trim();
          if (value) out.push({ text: value, where: `${where(el)} [${name}]` });
        }
    }
    return out;
  }, areas);
}
