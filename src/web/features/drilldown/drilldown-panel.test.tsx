import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOGON_EVENT_FIELDS } from '../../../core/events';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { emptyEvent, type LogonEvent } from '../../../core/events';
import { apiError, jsonResponse, resetApiStubs, stubFetch } from '../../lib/api/test-support';
import { i18n } from '../../i18n';
import { renderWithProviders } from '../../test/render';
import { DrilldownPanel } from './drilldown-panel';

afterEach(resetApiStubs);

function event(i: number, over: Partial<LogonEvent> = {}): LogonEvent {
  return {
    ...emptyEvent(4624, `2021-12-03T10:00:${String(i).padStart(2, '0')}Z`),
    recordId: 1000 + i,
    computer: 'DC01.corp.local',
    targetUser: 'alice',
    logonType: '3',
    ...over,
  };
}

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('DrilldownPanel', () => {
  it('pages through the events with the cursor, for the window and the target', async () => {
    const { calls } = stubFetch((req) => {
      const cursor = req.query.get('cursor');
      if (cursor === null) return jsonResponse(200, { events: [event(1), event(2)], nextCursor: 'c2' });
      if (cursor === 'c2')
        return jsonResponse(200, { events: [event(3, { targetUser: HOSTILE })], nextCursor: null });
      return apiError(400, 'bad_cursor', 'Unknown cursor.');
    });
    const onClose = vi.fn();
    const { container } = renderWithProviders(
      <DrilldownPanel
        datasetId="ds1"
        from="2021-12-03T00:00:00Z"
        to="2021-12-04T00:00:00Z"
        target={{ kind: 'node', id: 'account:corp\\alice' }}
        targetLabel="CORP\alice"
        onClose={onClose}
        pageSize={2}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Loading events…');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('2 events loaded, more on the server'),
    );
    expect(screen.getAllByRole('row')).toHaveLength(3);
    const q = calls[0]?.query;
    expect(calls[0]?.path).toBe('/api/datasets/ds1/events');
    expect(Object.fromEntries(q ?? [])).toEqual({
      from: '2021-12-03T00:00:00Z',
      to: '2021-12-04T00:00:00Z',
      node: 'account:corp\\alice',
      limit: '2',
    });

    await userEvent.click(screen.getByRole('button', { name: 'Load more events' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('3 events, all shown'));
    expect(calls[1]?.query.get('cursor')).toBe('c2');
    expect(screen.queryByRole('button', { name: 'Load more events' })).toBeNull();

    // Every value is text: the hostile name is shown, never parsed.
    const rows = screen.getAllByRole('row');
    expect(within(rows[3] as HTMLElement).getByText(HOSTILE)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Close events' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('shows only the fields that carry a value, and all of them on request', async () => {
    stubFetch(() => jsonResponse(200, { events: [event(1, { ipAddress: '10.0.0.5' })], nextCursor: null }));
    renderWithProviders(
      <DrilldownPanel
        datasetId="ds1"
        from={null}
        to={null}
        target={{ kind: 'edges', ids: ['e1'] }}
        targetLabel="alice → DC01"
      />,
    );
    const headers = await screen.findAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual([
      'Time (UTC)',
      'Record ID',
      'Event ID',
      'Computer',
      'Target user',
      'Logon type',
      'IP address',
    ]);
    // Every field of the model: 7 shown above, the others empty.
    await userEvent.click(screen.getByLabelText(`Show the ${LOGON_EVENT_FIELDS.length - 7} empty fields`));
    expect(screen.getAllByRole('columnheader')).toHaveLength(LOGON_EVENT_FIELDS.length);
    expect(screen.getByRole('heading')).toHaveTextContent('Events of link alice → DC01');
  });

  it('shows the empty state and the server error', async () => {
    stubFetch(() => jsonResponse(200, { events: [], nextCursor: null }));
    renderWithProviders(
      <DrilldownPanel
        datasetId="ds1"
        from={null}
        to={null}
        target={{ kind: 'node', id: 'host:x' }}
        targetLabel="x"
      />,
    );
    expect(await screen.findByText('No events in this window.')).toBeInTheDocument();
    cleanup();
    resetApiStubs();

    stubFetch(() => apiError(404, 'not_found', 'No dataset ds1.'));
    renderWithProviders(
      <DrilldownPanel
        datasetId="ds1"
        from={null}
        to={null}
        target={{ kind: 'node', id: 'host:x' }}
        targetLabel="x"
      />,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the events: No dataset ds1.');
  });
});

describe('DrilldownPanel for a link', () => {
  it('pages through the events of each edge behind the link, one edge after another', async () => {
    const { calls } = stubFetch((req) => {
      const edge = req.query.get('edge');
      const cursor = req.query.get('cursor');
      if (edge === 'e1' && cursor === null) return jsonResponse(200, { events: [event(1)], nextCursor: 'k' });
      if (edge === 'e1' && cursor === 'k') return jsonResponse(200, { events: [event(2)], nextCursor: null });
      if (edge === 'e2' && cursor === null)
        return jsonResponse(200, { events: [event(3, { eventId: 4625 })], nextCursor: null });
      return apiError(400, 'bad_query', 'unexpected');
    });
    renderWithProviders(
      <DrilldownPanel
        datasetId="ds1"
        from={null}
        to={null}
        target={{ kind: 'edges', ids: ['e1', 'e2'] }}
        targetLabel="alice → DC01"
        pageSize={1}
      />,
    );
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('1 event loaded, more on the server'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Load more events' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('2 events loaded, more on the server'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Load more events' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('3 events, all shown'));
    expect(calls.map((c) => `${c.query.get('edge')}:${c.query.get('cursor') ?? '-'}`)).toEqual([
      'e1:-',
      'e1:k',
      'e2:-',
    ]);
    expect(screen.getByText('4625')).toBeInTheDocument();
  });

  it('says so when no edge is behind the selection, without asking the server', async () => {
    const { calls } = stubFetch(() => jsonResponse(200, { events: [], nextCursor: null }));
    renderWithProviders(
      <DrilldownPanel
        datasetId="ds1"
        from={null}
        to={null}
        target={{ kind: 'edges', ids: [] }}
        targetLabel="x"
      />,
    );
    expect(screen.getByText('No events behind this selection.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('speaks Japanese: heading with the hostile label as text, status, column headings, long values', async () => {
    await act(() => i18n.changeLanguage('ja'));
    stubFetch(() =>
      jsonResponse(200, { events: [event(1, { ipAddress: 'x'.repeat(2100) })], nextCursor: null }),
    );
    renderWithProviders(
      <DrilldownPanel
        datasetId="ds1"
        from={null}
        to={null}
        target={{ kind: 'edges', ids: ['e1'] }}
        targetLabel={HOSTILE}
        onClose={vi.fn()}
      />,
    );
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 件のイベント (すべて表示)'));
    const heading = screen.getByRole('heading');
    expect(heading).toHaveTextContent(`リンク ${HOSTILE} のイベント`);
    expect(heading.querySelector('img')).toBeNull();
    expect(heading.querySelector('.drill-target')).toHaveTextContent(HOSTILE);
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers.slice(0, 3)).toEqual(['時刻 (UTC)', 'レコード ID', 'イベント ID']);
    expect(headers).toContain('IP アドレス');
    expect(screen.getByText('… (残り 100 文字)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'イベントを閉じる' })).toHaveTextContent('閉じる');
    expect(screen.getByLabelText(/^空のフィールド \d+ 個も表示$/)).toBeInTheDocument();
  });
});
