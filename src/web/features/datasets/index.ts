import './datasets.css';
export { DatasetsPage } from './datasets-page';
export type { DatasetsPageProps } from './datasets-page';
export { useDatasetStateLabel } from './state-label';
