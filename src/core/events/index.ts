export * from './logon-event.js';
export * from './field-map.js';
export * from './ndjson.js';
