import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { NodeTimeline } from '../../../core/analysis/index.js';
import { renderWithProviders } from '../../test/render';
import { NodeTimelineChart } from './node-timeline';
import { nodeBins } from './node-timeline-bins';

const H = 446_000; // a Unix hour in 2020
const TIMELINE: NodeTimeline = {
  hours: [H, H + 1, H + 30],
  success: [3, 0, 5],
  failure: [0, 4, 1],
  byEventId: { '4624': [3, 0, 5], '4625': [0, 4, 1] },
  anomaly: [0, 12.5, 3],
  anomalyPeak: { hour: H + 1, score: 12.5 },
};
const WINDOW = {
  from: new Date(H * 3_600_000).toISOString().slice(0, 19) + 'Z',
  to: new Date((H + 24) * 3_600_000).toISOString().slice(0, 19) + 'Z',
};

const bars = () => [...document.querySelectorAll('.timeline-bar')];

describe('NodeTimelineChart', () => {
  it('draws successes, failures and the anomaly per hour, with the window marked', () => {
    renderWithProviders(
      <NodeTimelineChart
        timeline={TIMELINE}
        label={'CORP\\alice'}
        window={WINDOW}
        onPickHour={() => {}}
        onPickRange={() => {}}
      />,
    );
    expect(screen.getByRole('img', { name: /Events of CORP\\alice per hour/ })).toBeInTheDocument();
    expect(bars().map((b) => b.getAttribute('data-hour'))).toEqual([
      String(H),
      String(H + 1),
      String(H + 30),
    ]);
    expect(bars()[1]!.querySelector('title')?.textContent).toContain('0 ok, 4 failed, anomaly 12.5');
    expect(document.querySelectorAll('.timeline-anomaly')).toHaveLength(2);
    expect(document.querySelector('.hist-window')).not.toBeNull();
    expect(screen.getByText(/13 events \(5 failed\)/)).toBeInTheDocument();
    expect(screen.getByText(/anomaly peak 12.5/)).toBeInTheDocument();
  });

  it('moves the window to a clicked hour', () => {
    const onPickHour = vi.fn();
    renderWithProviders(
      <NodeTimelineChart
        timeline={TIMELINE}
        label="a"
        window={WINDOW}
        onPickHour={onPickHour}
        onPickRange={() => {}}
      />,
    );
    fireEvent.click(bars()[2]!);
    expect(onPickHour).toHaveBeenCalledWith(H + 30);
  });

  it('shows one event ID when chosen', async () => {
    renderWithProviders(
      <NodeTimelineChart
        timeline={TIMELINE}
        label="a"
        window={WINDOW}
        onPickHour={() => {}}
        onPickRange={() => {}}
      />,
    );
    await userEvent.selectOptions(screen.getByLabelText('Event ID'), '4625');
    expect(bars().map((b) => b.getAttribute('data-hour'))).toEqual([String(H + 1), String(H + 30)]);
  });

  it('says so when the node has no events', () => {
    renderWithProviders(
      <NodeTimelineChart
        timeline={{ hours: [], success: [], failure: [], byEventId: {}, anomaly: [], anomalyPeak: null }}
        label="ghost"
        window={null}
        onPickHour={() => {}}
        onPickRange={() => {}}
      />,
    );
    expect(screen.getByText('No logon events of ghost in this dataset.')).toBeInTheDocument();
  });
});

describe('nodeBins', () => {
  it('groups hours into bars, keeping the highest anomaly', () => {
    const bins = nodeBins(TIMELINE, H, H + 31, 16);
    expect(bins[0]).toEqual({ fromHour: H, hours: 2, success: 3, failure: 4, anomaly: 12.5 });
    expect(bins.reduce((s, b) => s + b.success + b.failure, 0)).toBe(13);
  });
});
