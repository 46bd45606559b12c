/**
 * The English catalogue, one namespace per feature or app area (one file each, so that work on one
 * feature does not touch another's messages). English is the source: the Japanese catalogue is typed
 * from it.
 */
import { a11y } from './a11y';
import { analysis } from './analysis';
import { api } from './api';
import { app } from './app';
import { common } from './common';
import { components } from './components';
import { coverage } from './coverage';
import { datasets } from './datasets';
import { detections } from './detections';
import { drilldown } from './drilldown';
import { esLoad } from './esLoad';
import { exports } from './exports';
import { filters } from './filters';
import { graph } from './graph';
import { ingest } from './ingest';
import { inspector } from './inspector';
import { investigate } from './investigate';
import { notes } from './notes';
import { notices } from './notices';
import { ranking } from './ranking';
import { share } from './share';
import { timeline } from './timeline';
import { view } from './view';

export const en = {
  a11y,
  analysis,
  api,
  app,
  common,
  components,
  coverage,
  datasets,
  detections,
  drilldown,
  esLoad,
  exports,
  filters,
  graph,
  ingest,
  inspector,
  investigate,
  notes,
  notices,
  ranking,
  share,
  timeline,
  view,
};
export type Namespace = keyof typeof en;
