/**
 * Loading from and exporting to Elasticsearch / OpenSearch (features/es-load). A cluster's error
 * arrives as the server's message and is shown as sent. Namespace `esLoad`.
 */
export const esLoad = {
  title: 'Load from Elasticsearch / OpenSearch',
  noCluster: 'No cluster is configured on the server (LOGONLENS_ES; see docs/elasticsearch.md).',
  cluster: 'Cluster',
  clusterOption: '{{name}} ({{url}})',
  indexPattern: 'Index pattern',
  range: 'Range',
  rangeUtc: 'Range (UTC)',
  from: 'From',
  to: 'To',
  timeZone: 'Time zone',
  previousDay: 'Previous day',
  previous7Days: 'Previous 7 days',
  utcRange: 'UTC {{from}} → {{to}}',
  enterBoth: 'Enter both times.',
  toAfterFrom: '“To” must be after “From”.',
  test: 'Test connection',
  load: 'Load',
  cancel: 'Cancel',
  close: 'Close',
  testing: 'Testing the connection…',
  tested_one:
    '{{distribution}} {{version}}: {{events}} Security events in {{count, number}} index ({{shapes}}).',
  tested_other:
    '{{distribution}} {{version}}: {{events}} Security events in {{count, number}} indices ({{shapes}}).',
  unknownShape: 'unknown shape',
  noEvents_one: 'No Security events in this range on {{cluster}} ({{count, number}} index matches).',
  noEvents_other: 'No Security events in this range on {{cluster}} ({{count, number}} indices match).',
  starting: 'Starting the load…',
  progress: 'Loading: {{events}} events read, {{kib}} KiB received…',
  failedNew: 'The load failed: {{error}}. No dataset was created from it.',
  failedNext: 'The load failed: {{error}}. The dataset keeps its previous graph.',
  unknownError: 'unknown error',
  next: {
    title: 'Load another window from {{cluster}}',
    /** Around the index pattern, which is shown as code. */
    pattern: 'Index pattern <pattern/>. The dataset is rebuilt from all its ranges.',
    sameAgain: 'Same range again',
  },
  export: {
    run: 'Export window to ES',
    running: 'Exporting…',
    done: 'Exported {{accounts}} accounts, {{hosts}} hosts and {{detections}} detections to {{cluster}}.',
    failed: 'Export failed: {{error}}',
  },
};
