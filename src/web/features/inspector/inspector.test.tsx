import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { computeView, DEFAULT_FILTERS } from '../../../core/analysis/index.js';
import { generateDataset } from '../../../core/dataset/testing/generate-dataset.js';
import { linkId } from '../../lib/graph-ids';
import { renderWithProviders } from '../../test/render';
import { Inspector } from './inspector';
import { inspectorTarget } from './target';

const HOSTILE = '<img src=x onerror=alert(1)>';
const dataset = generateDataset({ accounts: 20, hosts: 4, seed: 11, extraAccountNames: [HOSTILE] });
const view = computeView(dataset, null, DEFAULT_FILTERS);
const byId = new Map(dataset.nodes.map((n) => [n.id, n]));

describe('Inspector', () => {
  it('shows a node with its attributes, flags with times, scores and reasons', () => {
    const flagged = view.nodes.find((n) => n.flags.some((f) => f.kind === 'created'))!;
    renderWithProviders(<Inspector target={inspectorTarget(view, byId, flagged.id)} onClose={() => {}} />);
    expect(screen.getByRole('heading', { name: flagged.label })).toBeInTheDocument();
    expect(screen.getByText(flagged.sid!)).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'created' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Why' })).toBeInTheDocument();
  });

  it('shows the logons behind a link, and hostile names as text', () => {
    const account = view.nodes.find((n) => n.label === HOSTILE)!;
    const edge = view.edges.find((e) => e.account === account.id && e.target !== null)!;
    const target = inspectorTarget(view, byId, linkId(account.id, edge.target!, 'to'));
    renderWithProviders(<Inspector target={target} onClose={() => {}} />);
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(`${HOSTILE} logged on to`);
    expect(screen.getAllByRole('row').length).toBeGreaterThan(1);
    expect(document.querySelector('img')).toBeNull();
  });

  it('explains a selection that is not in the window', () => {
    renderWithProviders(<Inspector target={inspectorTarget(view, byId, 'host:gone')} onClose={() => {}} />);
    expect(screen.getByText(/is not in this window or is hidden by the filters/)).toBeInTheDocument();
  });
});
