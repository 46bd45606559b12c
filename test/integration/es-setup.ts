// Global setup of the `es` vitest project: one embedded OpenSearch node for all es-*.test.ts
// files, started before them and stopped after them. The tests read its URL with
// `inject('opensearchUrl')`; '' means "no node here" (no Java/Maven on a developer's machine)
// and the tests skip with `inject('opensearchSkipReason')`. In CI a missing node is an error.
import type { TestProject } from 'vitest/node';
import { startOpenSearch, unavailableReason, type RunningNode } from '../opensearch/start-node.js';

declare module 'vitest' {
  export interface ProvidedContext {
    opensearchUrl: string;
    opensearchSkipReason: string;
  }
}

let node: RunningNode | null = null;

export async function setup(project: TestProject): Promise<void> {
  const reason = unavailableReason();
  if (reason) {
    if (process.env.CI) throw new Error(`CI run without OpenSearch: ${reason}`);
    console.warn(`[skip] OpenSearch tests: ${reason}`);
    project.provide('opensearchUrl', '');
    project.provide('opensearchSkipReason', reason);
    return;
  }
  node = await startOpenSearch({ heap: '768m' });
  project.provide('opensearchUrl', node.url);
  project.provide('opensearchSkipReason', '');
}

export async function teardown(): Promise<void> {
  await node?.stop();
  node = null;
}
