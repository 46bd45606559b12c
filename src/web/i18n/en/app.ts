/** The app shell: header, pages, opening states. Namespace `app`. */
export const app = {
  pages: 'Pages',
  graph: 'Graph',
  serverDatasets: 'Server datasets',
  keptFiles: 'Kept files',
  keptFilesTitle: 'Files kept in this browser',
  empty: {
    title: 'Open a dataset to start',
    body: "Choose <strong>Open dataset…</strong> or drop a LogonLens dataset file (.json) here. It stays on this computer, kept in this browser so that the page's link works after a reload.",
  },
  loadingDataset: 'Loading the dataset…',
  loadFailed: 'The dataset could not be loaded',
};
