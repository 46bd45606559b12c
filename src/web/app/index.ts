export { App } from './app';
export { Providers } from './providers';
export { createQueryClient } from './query-client';
export { dataSources, type DataSourceLoader } from './data-source';
