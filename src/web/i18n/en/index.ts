/**
 * The English catalogue, one namespace per feature or app area (one file each, so that work on one
 * feature does not touch another's messages). English is the source: the Japanese catalogue is typed
 * from it.
 */
import { a11y } from './a11y';
import { app } from './app';
import { common } from './common';

export const en = { common, app, a11y };
export type Namespace = keyof typeof en;
