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
  /** The view's settings (settings-menu.tsx). */
  settings: {
    overlay: 'Overlay',
    layout: 'Layout',
    maxNodes: 'Max nodes',
    maxNodesHint: 'Drawing more nodes than this slows the canvas; the highest-scoring nodes are kept',
    edgeLabels: 'edge labels',
    webgl: 'WebGL',
    webglHint: 'Faster on most GPUs for large graphs; needs WebGL2',
  },
  /** The line above the graph (status-line.tsx). */
  status: {
    counts: '{{nodes}} nodes · {{edges}} edges (of {{totalNodes}} nodes · {{totalEdges}} edges in window)',
    capped: 'capped',
    layingOut: 'laying out…',
  },
  /** The graph page (graph-page.tsx). */
  page: {
    filters: 'Filters',
    investigate: 'Investigate',
    detections: 'Detections',
    selection: 'Selection',
    ranking: 'Ranking',
    serverCapped:
      'The server capped this window: {{nodesShown}} of {{nodesTotal}} nodes and {{edgesShown}} of {{edgesTotal}} edges.',
    windowFailedKeptPrevious: 'This window could not be computed ({{error}}); the previous one is shown.',
    noEventsTitle: 'This dataset holds no events',
    noEventsBody: 'It was read from {{records}} records, none of which made a logon edge.',
    windowFailed: 'This window could not be computed',
    computing: 'Computing the window…',
    emptyWindowTitle: 'No events in this window',
    filtersHideAll: 'The filters hide all {{edges}} edges of this window: loosen them or reset the filters.',
    moveWindow:
      'Move the window (previous/next, the date, or a bar of the histogram above) to a time with events.',
    goToNearest_day: 'Go to {{date}}, the nearest day with events',
    goToNearest_week: 'Go to {{date}}, the nearest week with events',
    nothingNewTitle: 'Nothing new in this window',
    nothingNewBody:
      'Every logon shown here was already in the previous window. Untick “Only what is new” to see them.',
    nodeTimeline: 'Node timeline',
    timelineWindowOnly: 'This server dataset is loaded one window at a time: the timeline shows this window.',
    detectionsListFailed:
      "The server's list of all detections failed ({{error}}); showing this window's only.",
    previousWindowFailed: 'The previous window could not be loaded: {{error}}',
    showEvents: 'Show the events behind this selection',
  },
  /** A drilled-into link between an account and a host (server-events.tsx). */
  link: {
    from: '{{other}} → {{account}}',
    to: '{{account}} → {{other}}',
    in: '{{account}} in {{other}}',
  },
  /** A server dataset loaded from a cluster (cluster-source-bar.tsx). */
  cluster: {
    from: 'From {{cluster}}',
    range: '{{from}} → {{to}}',
    loadAnother: 'Load another window…',
  },
  loadFromEs: 'Load from ES',
  /** The home page's list of the server's datasets (home-datasets.tsx). */
  home: {
    title: 'Datasets on the server',
    more_one: 'and {{count, number}} more on the <strong>Server datasets</strong> page.',
    more_other: 'and {{count, number}} more on the <strong>Server datasets</strong> page.',
    noEvents: 'no events',
    summary_one: '{{range}} · {{count, number}} event',
    summary_other: '{{range}} · {{count, number}} events',
    summaryState_one: '{{range}} · {{count, number}} event ({{state}})',
    summaryState_other: '{{range}} · {{count, number}} events ({{state}})',
  },
  /** Opening a dataset file (use-open-file.ts, data-source.ts). */
  open: {
    opened: 'Opened {{name}}.',
    openedNotKept:
      'Opened {{name}}, but this browser refused to keep it: the link will not work after a reload.',
    notKept:
      'This dataset file is not kept in this browser (it was removed, or the link comes from another browser). Open the file again.',
    keptInvalid: 'The kept file is no longer a valid dataset: {{problems}}',
    noDataset: 'No dataset selected.',
    rangeUnknown: "The dataset's time range is not known yet.",
  },
};
