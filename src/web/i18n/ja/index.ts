/** The Japanese catalogue: the same namespaces and keys as the English one (checked by the type). */
import type { Catalogue } from '../catalogue';
import type { en } from '../en';
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

export const ja: Catalogue<typeof en> = {
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
