/** The Japanese catalogue: the same namespaces and keys as the English one (checked by the type). */
import type { Catalogue } from '../catalogue';
import type { en } from '../en';
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

export const ja: Catalogue<typeof en> = {
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
