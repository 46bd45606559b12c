/** The Japanese catalogue: the same namespaces and keys as the English one (checked by the type). */
import type { Catalogue } from '../catalogue';
import type { en } from '../en';
import { a11y } from './a11y';
import { app } from './app';
import { common } from './common';
import { exports } from './exports';

export const ja: Catalogue<typeof en> = {
  a11y,
  app,
  common,
  exports,
};
