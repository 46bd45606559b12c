/** The Japanese catalogue: the same namespaces and keys as the English one (checked by the type). */
import type { Catalogue } from '../catalogue';
import type { en } from '../en';
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

export const ja: Catalogue<typeof en> = {
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
