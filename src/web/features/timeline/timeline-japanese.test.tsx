import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NodeTimeline } from '../../../core/analysis/index.js';
import { i18n } from '../../i18n';
import { renderWithProviders } from '../../test/render';
import { Histogram } from './histogram';
import { NodeTimelineChart } from './node-timeline';
import { WindowBar } from './window-bar';

const H = 446_000;
const TIMELINE: NodeTimeline = {
  hours: [H, H + 1],
  success: [3000, 0],
  failure: [0, 4],
  byEventId: { '4624': [3000, 0], '4625': [0, 4] },
  anomaly: [0, 12.5],
  anomalyPeak: { hour: H + 1, score: 12.5 },
};
const RANGE = { from: '2020-11-18T08:00:00Z', to: '2020-11-19T09:00:00Z' };

describe('the timelines in Japanese', () => {
  it('label the histogram, the node timeline and the window bar in Japanese', async () => {
    await act(() => i18n.changeLanguage('ja'));
    renderWithProviders(
      <>
        <Histogram hourly={[[H, 5]]} range={RANGE} window={null} onPick={() => {}} />
        <NodeTimelineChart
          timeline={TIMELINE}
          label="CORP\alice"
          window={null}
          onPickHour={() => {}}
          onPickRange={() => {}}
        />
        <WindowBar range={RANGE} from="2020-11-18" span="day" onChange={() => {}} />
      </>,
    );
    expect(screen.getByRole('img', { name: /^1 時間ごとのイベント数 \(UTC\)/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^CORP\\alice の 1 時間ごとのイベント数/ })).toBeInTheDocument();
    expect(screen.getByText(/3,004 件 \(失敗 4 件\)/)).toBeInTheDocument();
    expect(screen.getByText(/異常度のピーク 12\.5/)).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '時間枠' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '時間枠の長さ' })).toHaveDisplayValue('1 日');
    expect(screen.getByRole('button', { name: '翌日' })).toBeInTheDocument();
  });
});
