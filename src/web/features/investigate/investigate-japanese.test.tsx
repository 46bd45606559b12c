import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { renderWithProviders } from '../../test/render';
import { InvestigatePanel, type InvestigatePanelProps } from './investigate-panel';
import { ChainList, PathList } from './path-list';

const PROPS: InvestigatePanelProps = {
  selected: 'account:corp\\eve',
  label: (id) => id.replace(/^\w+:/, ''),
  onSelectNode: () => {},
  focus: 'account:corp\\eve',
  hops: 2,
  onFocus: () => {},
  path: { from: 'account:corp\\eve', to: 'host:dc1' },
  paths: [],
  pathDirection: 'reverse',
  onPath: () => {},
  chain: 'account:corp\\eve',
  chains: { chains: [], truncated: true },
  onChain: () => {},
  compare: true,
  newOnly: false,
  diff: {
    previous: { from: '2021-12-02T00:00:00Z', to: '2021-12-03T00:00:00Z' },
    newEdges: [],
    firstSeenEdges: [],
    goneEdges: [],
    newNodes: ['host:ws9'],
    goneNodes: [],
    rankChanges: [],
  } as unknown as InvestigatePanelProps['diff'],
  onCompare: () => {},
};

describe('the investigation tools in Japanese', () => {
  it('name the tools and describe the results in Japanese', async () => {
    await act(() => i18n.changeLanguage('ja'));
    renderWithProviders(<InvestigatePanel {...PROPS} />);
    expect(screen.getByRole('heading', { name: 'フォーカス' })).toBeInTheDocument();
    expect(screen.getByText('corp\\eve と 2 ホップ以内の隣接ノードを表示しています。')).toBeInTheDocument();
    const ends = document.querySelector('.path-ends')!;
    expect(ends).toHaveTextContent('corp\\eve から dc1 への最短ログオン経路');
    expect([...ends.querySelectorAll('strong')].map((s) => s.textContent)).toEqual(['corp\\eve', 'dc1']);
    expect(screen.getByText(/その方向のログオン経路はありません/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '横展開' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: '直前の時間枠と比較' })).toBeChecked();
    expect(screen.getByTestId('compare-summary')).toHaveTextContent('新しいノード 1 個');
  });

  it('list paths and chains in Japanese', async () => {
    await act(() => i18n.changeLanguage('ja'));
    renderWithProviders(
      <>
        <PathList paths={[]} label={(id) => id} onSelectNode={() => {}} />
        <ChainList chains={[]} truncated={false} label={(id) => id} onSelectNode={() => {}} />
      </>,
    );
    expect(screen.getByText('この時間枠には、両者を結ぶログオン経路はありません。')).toBeInTheDocument();
    expect(screen.getByText(/ここから始まる時系列順のログオン連鎖はありません/)).toBeInTheDocument();
  });
});
