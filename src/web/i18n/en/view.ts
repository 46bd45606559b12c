/** Names of the view's parts shared by several screens: overlays, windows. Namespace `view`. */
export const view = {
  /** How the overlay menu names an overlay (the URL keeps the score's name). */
  overlay: {
    none: 'none',
    pagerank: 'pagerank',
    anomaly: 'anomaly',
    failures: 'failures',
    degree: 'degree',
    pagerankLogontracer: 'PageRank (LogonTracer)',
  },
  window: {
    day: '{{from}} ({{zone}} day)',
    week: '{{from}} – {{to}} ({{zone}} week)',
  },
};
