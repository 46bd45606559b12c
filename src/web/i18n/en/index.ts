/**
 * The English catalogue, one namespace per feature or app area (one file each, so that work on one
 * feature does not touch another's messages). English is the source: the Japanese catalogue is typed
 * from it.
 */
import { a11y } from './a11y';
import { app } from './app';
import { common } from './common';
import { exports } from './exports';

export const en = {
  a11y,
  app,
  common,
  exports,
};
export type Namespace = keyof typeof en;
