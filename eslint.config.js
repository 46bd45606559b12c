// ESLint flat config. Besides the usual rules it fences the layers of docs/architecture.md:
// core depends on nothing of ours, web and server never import each other, features don't import
// features. Each fence's message says why, so whoever trips over it knows what to do instead.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Bare names are exact paths: a pattern 'events' would also match '../events/x.js'.
const BARE_BUILTINS = [
  'fs',
  'path',
  'os',
  'crypto',
  'worker_threads',
  'child_process',
  'http',
  'https',
  'stream',
  'url',
  'zlib',
  'util',
  'events',
  'buffer',
];
const builtinPaths = (message) => BARE_BUILTINS.map((name) => ({ name, message }));
const CORE_NODE =
  'src/core runs in Node, in worker threads and in the browser: no Node built-ins here. Take Uint8Array/strings as input and put I/O in src/server.';
const WEB_NODE = 'src/web runs in the browser: no Node built-ins.';
const NO_CROSS = 'web and server never import each other: share types through src/core.';

const coreFence = {
  paths: builtinPaths(CORE_NODE),
  patterns: [
    { group: ['node:*'], message: CORE_NODE },
    {
      group: [
        'react',
        'react-dom',
        'zustand',
        '@tanstack/*',
        'cytoscape',
        'react-cytoscapejs',
        'd3-*',
        'better-sqlite3',
        'hono',
        '@hono/*',
        'busboy',
      ],
      message:
        'src/core is pure TypeScript: no UI, store or server libraries. Move this code to src/web or src/server.',
    },
    {
      group: ['**/server/**', '**/web/**', '../server', '../web', '../../server', '../../web'],
      message: 'src/core depends on nothing of ours: server and web import core, never the reverse.',
    },
  ],
};

const webPatterns = [
  { group: ['**/server/**', '../server', '../../server'], message: NO_CROSS },
  { group: ['node:*'], message: WEB_NODE },
];
const webFence = { paths: builtinPaths(WEB_NODE), patterns: webPatterns };

// Features are composed in web/app; one feature reaching into another couples them.
const featureFence = {
  paths: builtinPaths(WEB_NODE),
  patterns: [
    ...webPatterns,
    {
      group: ['../*/**', '!../../**'],
      message:
        'Features do not import features: compose them in src/web/app, or move the shared piece to src/web/lib, components or stores.',
    },
  ],
};

const serverFence = { patterns: [{ group: ['**/web/**', '../web', '../../web'], message: NO_CROSS }] };

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'data/**', 'tmp/**', 'coverage/**', 'test/opensearch/target/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off', // readers match control characters in hostile logs on purpose
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', coreFence] },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', webFence] },
  },
  {
    files: ['src/web/features/*/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', featureFence] },
  },
  {
    files: ['src/server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', serverFence] },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'bin/**/*.js', '*.config.{js,ts}', 'src/**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
