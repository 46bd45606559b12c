import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ViewEdge } from '../../core/analysis/index.js';
import type { DatasetNode } from '../../core/dataset/index.js';
import { jsonResponse, resetApiStubs, stubFetch } from '../lib/api/test-support';
import { i18n } from '../i18n';
import { renderWithProviders } from '../test/render';
import { drillTarget, ServerEvents } from './server-events';

afterEach(resetApiStubs);

const label = (id: string) => ({ 'account:corp\\alice': 'alice', 'host:ws01': 'WS01' })[id] ?? id;
const edge = (id: string) => ({ id }) as ViewEdge;
const node = { id: 'host:ws01', label: 'WS01' } as DatasetNode;
const t = i18n.getFixedT('en', 'app');

describe('drillTarget', () => {
  it('drills into a node, or into every edge behind a link, with a readable label', () => {
    expect(drillTarget(null, t)).toBeNull();
    expect(drillTarget({ kind: 'missing', id: 'x' }, t)).toBeNull();
    expect(drillTarget({ kind: 'node', node, ranking: undefined }, t)).toEqual({
      target: { kind: 'node', id: 'host:ws01' },
      label: 'WS01',
    });
    const ends = { account: 'account:corp\\alice', other: 'host:ws01' };
    expect(
      drillTarget(
        { kind: 'link', ends: { ...ends, role: 'from' }, edges: [edge('e1'), edge('e2')], label },
        t,
      ),
    ).toEqual({ target: { kind: 'edges', ids: ['e1', 'e2'] }, label: 'WS01 → alice' });
    expect(
      drillTarget({ kind: 'link', ends: { ...ends, role: 'to' }, edges: [edge('e3')], label }, t)?.label,
    ).toBe('alice → WS01');
  });
});

describe('ServerEvents', () => {
  it('opens the events of the selection in the window on demand', async () => {
    const { calls } = stubFetch(() => jsonResponse(200, { events: [], nextCursor: null }));
    renderWithProviders(
      <ServerEvents
        datasetId="ds1"
        window={{ from: '2021-12-03T00:00:00Z', to: '2021-12-04T00:00:00Z' }}
        target={{ kind: 'node', node, ranking: undefined }}
      />,
    );
    expect(calls).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Show the events behind this selection' }));
    expect(await screen.findByText('No events in this window.')).toBeInTheDocument();
    expect(Object.fromEntries(calls[0]?.query ?? [])).toEqual({
      from: '2021-12-03T00:00:00Z',
      to: '2021-12-04T00:00:00Z',
      node: 'host:ws01',
      limit: '100',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Close events' }));
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Show the events behind this selection' }),
      ).toBeInTheDocument(),
    );
  });
});
