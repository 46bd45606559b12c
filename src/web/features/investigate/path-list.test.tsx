import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { LateralChain, LogonPath } from '../../../core/analysis/index.js';
import { renderWithProviders } from '../../test/render';
import { ChainList, PathList } from './path-list';

const LABELS: Record<string, string> = {
  'ip:10.0.0.9': '10.0.0.9',
  'account:corp\\eve': 'CORP\\eve',
  'host:ws7': 'WS7',
  'account:corp\\adm': 'CORP\\adm <b>x</b>',
  'host:dc1': 'DC1',
};
const label = (id: string) => LABELS[id] ?? id;

const step = (from: string, to: string, account: string, other: string, count: number) => ({
  from,
  to,
  account,
  other,
  roles: [from === other ? ('from' as const) : ('to' as const)],
  edges: [`e-${from}-${to}`],
  count,
});

const PATHS: LogonPath[] = [
  {
    nodes: ['ip:10.0.0.9', 'account:corp\\eve', 'host:ws7', 'account:corp\\adm', 'host:dc1'],
    edges: ['e1', 'e2', 'e3'],
    steps: [
      step('ip:10.0.0.9', 'account:corp\\eve', 'account:corp\\eve', 'ip:10.0.0.9', 1),
      step('account:corp\\eve', 'host:ws7', 'account:corp\\eve', 'host:ws7', 3),
      step('host:ws7', 'account:corp\\adm', 'account:corp\\adm', 'host:ws7', 2),
      step('account:corp\\adm', 'host:dc1', 'account:corp\\adm', 'host:dc1', 1),
    ],
  },
];

describe('PathList', () => {
  it('lists each path as text, node by node, with its steps', () => {
    renderWithProviders(<PathList paths={PATHS} label={label} onSelectNode={() => {}} />);
    const list = screen.getByRole('list', { name: 'Paths' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('10.0.0.9 → CORP\\eve → WS7 → CORP\\adm <b>x</b> → DC1');
    expect(items[0]).toHaveTextContent('4 steps: 1 event, 3 events, 2 events, 1 event');
    // Labels come from logs: text, never markup.
    expect(list.querySelector('b')).toBeNull();
  });

  it('selects a node of the path when clicked', async () => {
    const onSelectNode = vi.fn();
    renderWithProviders(<PathList paths={PATHS} label={label} onSelectNode={onSelectNode} />);
    await userEvent.click(screen.getByRole('button', { name: 'WS7' }));
    expect(onSelectNode).toHaveBeenCalledWith('host:ws7');
  });

  it('says so when no path joins the two nodes', () => {
    renderWithProviders(<PathList paths={[]} label={label} onSelectNode={() => {}} />);
    expect(screen.getByText('No logon path joins them in this window.')).toBeInTheDocument();
  });
});

describe('ChainList', () => {
  const CHAINS: LateralChain[] = [
    {
      steps: [
        {
          edge: 'e1',
          account: 'account:corp\\eve',
          from: 'ip:10.0.0.9',
          to: 'host:ws7',
          time: '2021-12-03T10:00:00Z',
          eventId: 4624,
          logonType: '3',
        },
        {
          edge: 'e2',
          account: 'account:corp\\adm',
          from: 'host:ws7',
          to: 'host:dc1',
          time: '2021-12-03T11:05:00Z',
          eventId: 4624,
          logonType: '10',
        },
      ],
    },
  ];
  it('lists each chain step by step, in time order', () => {
    renderWithProviders(<ChainList chains={CHAINS} truncated label={label} onSelectNode={() => {}} />);
    const steps = within(screen.getByRole('list', { name: 'Chains' }))
      .getAllByRole('listitem')
      .slice(1);
    expect(steps[0]).toHaveTextContent('2021-12-03 10:00:00 CORP\\eve: 10.0.0.9 → WS7 (4624, type 3)');
    expect(steps[1]).toHaveTextContent('2021-12-03 11:05:00 CORP\\adm <b>x</b>: WS7 → DC1 (4624, type 10)');
    expect(screen.getByRole('status')).toHaveTextContent('more chains may exist');
  });
});
