/**
 * The English catalogue, one namespace per feature or app area (one file each, so that work on one
 * feature does not touch another's messages). English is the source: the Japanese catalogue is typed
 * from it.
 */
import { app } from './app';
import { common } from './common';
import { analysis } from './analysis';
import { coverage } from './coverage';
import { detections } from './detections';
import { graph } from './graph';
import { inspector } from './inspector';
import { investigate } from './investigate';
import { ranking } from './ranking';
import { timeline } from './timeline';

export const en = {
  common,
  app,
  analysis,
  coverage,
  detections,
  graph,
  inspector,
  investigate,
  ranking,
  timeline,
};
export type Namespace = keyof typeof en;
