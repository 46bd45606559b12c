/**
 * The English catalogue, one namespace per feature or app area (one file each, so that work on one
 * feature does not touch another's messages). English is the source: the Japanese catalogue is typed
 * from it.
 */
import { a11y } from './a11y';
import { analysis } from './analysis';
import { app } from './app';
import { common } from './common';
import { coverage } from './coverage';
import { detections } from './detections';
import { exports } from './exports';
import { graph } from './graph';
import { inspector } from './inspector';
import { investigate } from './investigate';
import { notes } from './notes';
import { ranking } from './ranking';
import { share } from './share';
import { timeline } from './timeline';

export const en = {
  a11y,
  analysis,
  app,
  common,
  coverage,
  detections,
  exports,
  graph,
  inspector,
  investigate,
  notes,
  ranking,
  share,
  timeline,
};
export type Namespace = keyof typeof en;
