/** The Japanese catalogue: the same namespaces and keys as the English one (checked by the type). */
import type { Catalogue } from '../catalogue';
import type { en } from '../en';
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

export const ja: Catalogue<typeof en> = {
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
