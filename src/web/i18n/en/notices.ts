/**
 * Notices about the URL and the window (lib/url-state.ts, lib/time-window.ts): each is a message id
 * with parameters, rendered by the Notices component in the reader's language. `{{value}}` is the
 * ignored value, already quoted and shortened. Namespace `notices`.
 */
export const notices = {
  ignoredPage: 'Ignored page={{value}}: showing the graph.',
  ignoredSource: 'Ignored source={{value}}: expected file:<sha-256> or server:<id>.',
  ignoredFrom: 'Ignored from={{value}}: expected a date like 2021-12-03; showing the first day.',
  ignoredSpan: 'Ignored span={{value}}: expected day or week; using day.',
  ignoredIds: 'Ignored ids={{value}}: event IDs are numbers like 4624,4625.',
  ignoredTypes: 'Ignored types={{value}}: logon types are values like 3,10.',
  ignoredOutcome: 'Ignored outcome={{value}}: expected success or failure.',
  ignoredMin: 'Ignored min={{value}}: expected a whole number of at least 1.',
  ignoredSearch: 'Ignored q={{value}}: searches are at most {{max}} characters.',
  ignoredOverlay: 'Ignored overlay={{value}}: using pagerank.',
  ignoredSelection: 'Ignored sel={{value}}: selection too long.',
  ignoredTooLong: 'Ignored {{name}}={{value}}: value too long.',
  ignoredHops: 'Ignored hops={{value}}: expected 1, 2 or 3; using 1.',
  ignoredPath: 'Ignored path={{value}}: expected two different node ids as from~to.',
  ignoredFlag: 'Ignored {{name}}={{value}}: expected 1 or 0.',
  ignoredLayout: 'Ignored layout={{value}}: expected {{layouts}}; using fcose.',
  ignoredMax: 'Ignored max={{value}}: expected a node cap from {{min}} to {{max}}.',
  ignoredZone: 'Ignored tz={{value}}: not a known time zone; showing UTC.',
  ignoredViewport: 'Ignored vp={{value}}: expected zoom,x,y; fitting the graph.',
  ignoredTag: 'Ignored tag={{value}}: tags are 1 to 64 characters without control characters.',
  dateOutside: 'The date {{from}} is outside this dataset ({{min}} to {{max}}); showing {{moved}} instead.',
};
