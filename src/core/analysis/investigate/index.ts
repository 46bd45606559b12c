// The investigation workspace's pure logic (docs/analysis.md, "Investigation"): focus, paths,
// chains, window comparison, node timeline, where to open, and the detections listing.
export * from './neighbourhood.js';
export * from './shortest-paths.js';
export * from './lateral-chains.js';
export * from './compare-windows.js';
export * from './node-timeline.js';
export * from './story-window.js';
export * from './detection-list.js';
export * from './tagged.js';
