// The analysis: normalized events → logon graph, rankings and detections (docs/analysis.md).
export * from './view.js';
export * from './time.js';
export * from './pagerank.js';
export * from './changefinder.js';
export * from './scores.js';
