/** Opening dataset files and the files kept in this browser (features/ingest). Namespace `ingest`. */
export const ingest = {
  open: 'Open dataset…',
  opening: 'Opening…',
  openFile: 'Open dataset file',
  dropHint: 'Drop a LogonLens dataset (.json) to open it',
  dismiss: 'Dismiss',
  // Two sentences, not one rich text: a file name is attacker-controlled and never goes through <Trans>.
  invalid: 'Could not open {{name}}: it is not a valid LogonLens dataset.',
  unchanged: 'The current view is unchanged.',
  tooLarge: 'the file is too large to be a dataset',
  unreadable: 'could not read the file: {{error}}',
  kept: {
    list: 'Kept files',
    unavailable: 'Kept files are unavailable: {{error}}',
    loading: 'Loading kept files…',
    none: 'No files kept in this browser yet.',
    hash: 'sha-256 {{hash}}',
    remove: 'Remove',
    removeLabel: 'Remove {{name}}',
  },
  size: {
    bytes: '{{value}} B',
    kilobytes: '{{value}} KB',
    megabytes: '{{value}} MB',
  },
};
