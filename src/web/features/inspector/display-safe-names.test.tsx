import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { computeView, DEFAULT_FILTERS } from '../../../core/analysis/index.js';
import { generateDataset } from '../../../core/dataset/testing/generate-dataset.js';
import { linkId } from '../../lib/graph-ids';
import { renderWithProviders } from '../../test/render';
import { Inspector } from './inspector';
import { inspectorTarget } from './target';

// An account named with a right-to-left override reads "png.exe" when shown as is; the panel shows
// the override visibly, while the dataset keeps the exact name.
const SPOOF = '\u202Eexe.gnp';
const dataset = generateDataset({ accounts: 10, hosts: 3, seed: 5, extraAccountNames: [SPOOF] });
const view = computeView(dataset, null, DEFAULT_FILTERS);
const byId = new Map(dataset.nodes.map((n) => [n.id, n]));

describe('names with bidirectional controls in the inspector', () => {
  const account = view.nodes.find((n) => n.label === SPOOF)!;

  it('keeps the stored name exact', () => {
    expect(account.label).toBe(SPOOF);
  });

  it('shows the override visibly in the node panel', () => {
    renderWithProviders(<Inspector target={inspectorTarget(view, byId, account.id)} onClose={() => {}} />);
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('<U+202E>exe.gnp');
    expect(document.body.textContent).not.toContain('\u202E');
  });

  it('shows the override visibly in the link panel', () => {
    const edge = view.edges.find((e) => e.account === account.id && e.target !== null)!;
    renderWithProviders(
      <Inspector
        target={inspectorTarget(view, byId, linkId(account.id, edge.target!, 'to'))}
        onClose={() => {}}
      />,
    );
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('<U+202E>exe.gnp logged on to');
    expect(document.body.textContent).not.toContain('\u202E');
  });
});
