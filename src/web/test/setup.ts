import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, vi } from 'vitest';
import { i18n } from '../i18n';
import { createFileStore, setFileStore } from '../lib/file-store';
import { resetUiStore } from '../stores/ui-store';

// Cytoscape's canvas renderer cannot start in jsdom: every component test gets the graph canvas
// replaced at its module edge (graph logic is tested as pure functions and in real Chromium).
vi.mock('../features/graph/graph-canvas', () => import('./graph-canvas-mock'));

beforeEach(async () => {
  // Component tests read English text: every test starts in English whatever the last one chose.
  globalThis.localStorage?.clear();
  await i18n.changeLanguage('en');
  // A fresh IndexedDB per test: kept files never leak between tests.
  setFileStore(createFileStore(new IDBFactory()));
});

afterEach(() => {
  cleanup();
  resetUiStore();
  setFileStore(null);
  window.history.replaceState(null, '', '/');
});
