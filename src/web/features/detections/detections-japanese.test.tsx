import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Detection } from '../../../core/dataset/index.js';
import { i18n } from '../../i18n';
import { renderWithProviders } from '../../test/render';
import { DetectionEvidence } from './detection-evidence';
import { DetectionsPanel } from './detections-panel';

const GUESSING: Detection = {
  id: 'd1',
  kind: 'password-guessing',
  title: 'Password guessing against CORP\\bob',
  titleMessage: { key: 'detection.passwordGuessing', params: { account: 'CORP\\bob' } },
  severity: 'high',
  nodes: ['account:corp\\bob'],
  first: '2021-12-03T12:06:03Z',
  last: '2021-12-03T12:06:12Z',
  count: 1234,
  detail: 'stored detail',
  detailMessages: [
    {
      key: 'detail.passwordGuessing',
      params: {
        failures: [{ key: 'detail.countedEvents', params: { count: 1234, events: { key: 'failed.4625' } } }],
        account: 'CORP\\bob',
        sources: [{ key: 'detail.sourceCount', params: { source: { key: 'source.unknown' }, count: 1234 } }],
        peak: 60,
        perHour: 5,
        total: 20,
      },
    },
  ],
  evidence: { eventIds: [4625], recordIds: [1, 2], computers: ['DC1'] },
};
/** Written before message ids: shown with its stored text. */
const OLD: Detection = { ...GUESSING, id: 'd2', title: 'An old title', detail: 'An old detail' };
delete OLD.titleMessage;
delete OLD.detailMessages;

describe('the detections in Japanese', () => {
  it('translate the panel and the analysis texts, and keep the text of an older dataset', async () => {
    await act(() => i18n.changeLanguage('ja'));
    renderWithProviders(
      <DetectionsPanel
        detections={[GUESSING, OLD]}
        window={{ from: '2021-12-03T00:00:00Z', to: '2021-12-04T00:00:00Z' }}
        selected={null}
        onSelect={() => {}}
        onClear={() => {}}
      />,
    );
    expect(screen.getByTestId('detections-summary')).toHaveTextContent(
      'データセット全体で 2 件の検知、この時間枠では 2 件。',
    );
    expect(screen.getByRole('button', { name: 'CORP\\bob に対するパスワード推測' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'An old title' })).toBeInTheDocument();
    expect(screen.getAllByText('高')).not.toHaveLength(0);
    expect(screen.getByRole('columnheader', { name: '重要度' })).toBeInTheDocument();
    expect(screen.getAllByText('1,234')).not.toHaveLength(0);
  });

  it('translate the evidence and the detail', async () => {
    await act(() => i18n.changeLanguage('ja'));
    renderWithProviders(
      <DetectionEvidence
        detection={GUESSING}
        edges={[]}
        nodes={new Map()}
        label={(id) => id}
        onSelectNode={() => {}}
      />,
    );
    expect(screen.getByRole('region', { name: '検知の根拠' })).toBeInTheDocument();
    expect(
      screen.getByText(
        'CORP\\bob に対する ログオン失敗 (4625) 1,234 件、発生元: 不明なログオン元 (1,234) (1 時間に最大 60 件。しきい値は 1 時間に 5 件または合計 20 件)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('根拠となるイベント')).toBeInTheDocument();
  });
});
