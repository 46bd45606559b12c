/**
 * The English catalogue, one namespace per feature or app area (one file each, so that work on one
 * feature does not touch another's messages). English is the source: the Japanese catalogue is typed
 * from it.
 */
import { app } from './app';
import { common } from './common';
import { esLoad } from './esLoad';
import { drilldown } from './drilldown';
import { filters } from './filters';
import { ingest } from './ingest';
import { api } from './api';
import { datasets } from './datasets';
import { components } from './components';
import { view } from './view';
import { notices } from './notices';

export const en = {
  common,
  app,
  notices,
  view,
  components,
  datasets,
  api,
  ingest,
  filters,
  drilldown,
  esLoad,
};
export type Namespace = keyof typeof en;
