// The embedded OpenSearch node of test/opensearch answers like any cluster.
import { describe, expect, inject, it } from 'vitest';

const url = inject('opensearchUrl');

describe.skipIf(!url)(`embedded OpenSearch node ${url ? '' : inject('opensearchSkipReason')}`, () => {
  it('reports its distribution and version and is healthy', async () => {
    const root = (await (await fetch(`${url}/`)).json()) as {
      version: { distribution?: string; number: string };
    };
    expect(root.version.distribution).toBe('opensearch');
    expect(root.version.number).toBe('2.19.6');
    const health = (await (await fetch(`${url}/_cluster/health`)).json()) as { status: string };
    expect(['green', 'yellow']).toContain(health.status);
  });
});
