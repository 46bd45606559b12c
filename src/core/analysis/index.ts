// The analysis: normalized events → logon graph, rankings and detections (docs/analysis.md).
export * from './view.js';
export * from './time.js';
export * from './time-zone.js';
export * from './pagerank.js';
export * from './changefinder.js';
export * from './scores.js';
export * from './ids.js';
export * from './normalize-account.js';
export * from './normalize-host.js';
export * from './graph-builder.js';
export * from './detections.js';
export * from './audit-policy.js';
export * from './analyze.js';
export * from './event-names.js';
export * from './investigate/index.js';
