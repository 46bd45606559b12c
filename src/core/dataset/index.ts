export * from './schema.js';
export * from './validate.js';
export * from './migrate.js';
export * from './annotations.js';
