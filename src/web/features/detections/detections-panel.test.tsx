import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Detection } from '../../../core/dataset/index.js';
import { renderWithProviders } from '../../test/render';
import { DetectionsPanel } from './detections-panel';

function detection(over: Partial<Detection> & Pick<Detection, 'id' | 'kind'>): Detection {
  return {
    title: `${over.kind} title`,
    severity: 'medium',
    nodes: ['account:corp\\alice'],
    first: '2020-08-02T12:02:34Z',
    last: '2020-08-02T12:04:09Z',
    count: 3,
    detail: 'detail',
    evidence: { eventIds: [4662], recordIds: [1, 2], computers: ['DC1'] },
    ...over,
  };
}

const LIST: Detection[] = [
  detection({ id: 'd1', kind: 'dcsync', severity: 'high', title: 'DCSync by alice' }),
  detection({
    id: 'd2',
    kind: 'password-guessing',
    severity: 'medium',
    title: 'Password guessing against bob',
    first: '2021-12-03T12:06:03Z',
    last: '2021-12-03T12:06:12Z',
    count: 22,
  }),
  detection({
    id: 'd3',
    kind: 'password-guessing',
    severity: 'low',
    title: 'Password guessing <img src=x onerror=alert(1)>',
    first: '2021-12-04T00:00:00Z',
    last: '2021-12-04T00:00:00Z',
  }),
];
const WINDOW = { from: '2021-12-03T00:00:00Z', to: '2021-12-04T00:00:00Z' };

function rows(): HTMLElement[] {
  const body = screen.getAllByRole('rowgroup')[1]!;
  return within(body).getAllByRole('row');
}

describe('DetectionsPanel', () => {
  it('lists every detection of the dataset without a click, marked in or out of the window', () => {
    renderWithProviders(
      <DetectionsPanel
        detections={LIST}
        window={WINDOW}
        selected={null}
        onSelect={() => {}}
        onClear={() => {}}
      />,
    );
    expect(screen.getByTestId('detections-summary')).toHaveTextContent(
      '3 detections in the dataset, 1 in this window.',
    );
    expect(rows()).toHaveLength(3);
    const dcsync = rows()[0]!;
    expect(dcsync).toHaveTextContent('high');
    expect(dcsync).toHaveTextContent('DCSync by alice');
    expect(dcsync).toHaveTextContent('dcsync · outside this window');
    expect(dcsync).toHaveTextContent('2020-08-02 12:02:34');
    expect(dcsync).toHaveTextContent('2020-08-02 12:02:34 – 12:04:09 UTC');
    expect(rows()[1]).toHaveTextContent('in this window');
    expect(rows()[1]).toHaveTextContent('22');
    // Titles come from logs: shown as text, never as markup.
    expect(screen.getByText('Password guessing <img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    const kinds = screen.getByRole('list', { name: 'Detections per kind' });
    expect(
      within(kinds)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['password-guessing 2', 'dcsync 1']);
  });

  it('filters by severity and by kind', async () => {
    renderWithProviders(
      <DetectionsPanel
        detections={LIST}
        window={WINDOW}
        selected={null}
        onSelect={() => {}}
        onClear={() => {}}
      />,
    );
    await userEvent.selectOptions(screen.getByLabelText('Severity'), 'high');
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toHaveTextContent('DCSync by alice');
    await userEvent.selectOptions(screen.getByLabelText('Severity'), 'all');
    await userEvent.click(screen.getByRole('button', { name: 'password-guessing 2' }));
    expect(rows()).toHaveLength(2);
    expect(screen.getByLabelText('Kind')).toHaveValue('password-guessing');
    await userEvent.selectOptions(screen.getByLabelText('Severity'), 'high');
    expect(screen.getByText('No detection matches these filters.')).toBeInTheDocument();
  });

  it('selects a detection and marks the selected one', async () => {
    const onSelect = vi.fn();
    const onClear = vi.fn();
    renderWithProviders(
      <DetectionsPanel
        detections={LIST}
        window={WINDOW}
        selected="d2"
        onSelect={onSelect}
        onClear={onClear}
      />,
    );
    expect(screen.getByRole('button', { name: 'Password guessing against bob' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await userEvent.click(screen.getByRole('button', { name: 'DCSync by alice' }));
    expect(onSelect).toHaveBeenCalledWith(LIST[0]);
    await userEvent.click(screen.getByRole('button', { name: 'Clear detection' }));
    expect(onClear).toHaveBeenCalled();
  });

  it('says so when the dataset has none', () => {
    renderWithProviders(
      <DetectionsPanel
        detections={[]}
        window={WINDOW}
        selected={null}
        onSelect={() => {}}
        onClear={() => {}}
      />,
    );
    expect(screen.getByText('No detections in this dataset.')).toBeInTheDocument();
  });
});
