/**
 * The app's own sentences about the server: errors it builds when the server gives no message of
 * its own, and the access-token dialog (lib/api). A server's message is shown as sent. Namespace `api`.
 */
export const api = {
  status: {
    http400: 'the request was not accepted',
    http401: 'an access token is needed',
    http403: 'access was refused',
    http404: 'not found',
    http409: 'conflict with the current state',
    http413: 'too large for the server',
    http415: 'unsupported content type',
    http422: 'the data was not accepted',
    http429: 'too many requests',
    http500: 'internal server error',
    http502: 'bad gateway',
    http503: 'the server is not available',
    http504: 'the server took too long',
    other: 'unexpected error',
  },
  serverAnswered: 'The server answered {{status}}: {{reason}}.',
  unreachable: 'Cannot reach the LogonLens server. Is it running?',
  unreachableDetail: 'Cannot reach the LogonLens server ({{detail}}). Is it running?',
  somethingWrong: 'Something went wrong.',
  tokenRefused: 'The access token was refused.',
  tokenNeeded: 'This server needs an access token (the LOGONLENS_TOKEN it was started with).',
  noFiles: 'Choose at least one file to upload.',
  /** What the server sent that the app could not read (in "The server sent … the app does not understand"). */
  answer: {
    answer: 'an answer',
    datasetList: 'a dataset list',
    dataset: 'a dataset',
    newDataset: 'a new dataset',
    job: 'a job',
    nodeTimeline: 'a node timeline',
    histogram: 'a histogram',
    uploadAnswer: 'an upload answer',
    graph: 'a graph',
    detections: 'a detections list',
    events: 'a page of events',
  },
  badResponse: 'The server sent {{what}} the app does not understand.',
  badResponseDetail: 'The server sent {{what}} the app does not understand: {{detail}}.',
  token: {
    title: 'Access token needed',
    rejected: 'The server refused the token. Type the token it was started with (LOGONLENS_TOKEN).',
    required: 'This LogonLens server is protected. Type the token it was started with (LOGONLENS_TOKEN).',
    hint: 'It is kept for this browser tab only and never put in links.',
    label: 'Access token',
    use: 'Use token',
    cancel: 'Cancel',
  },
};
