/** Name and version written into every dataset and export; a test keeps it equal to package.json. */
export const GENERATOR = { name: 'logonlens', version: '0.1.0' } as const;
