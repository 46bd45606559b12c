import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { computeView, DEFAULT_FILTERS } from '../../../core/analysis/index.js';
import { generateDataset } from '../../../core/dataset/testing/generate-dataset.js';
import { i18n } from '../../i18n';
import { renderWithProviders } from '../../test/render';
import { Inspector } from './inspector';
import { inspectorTarget } from './target';

const dataset = generateDataset({ accounts: 20, hosts: 4, seed: 11 });
const view = computeView(dataset, null, DEFAULT_FILTERS);
const byId = new Map(dataset.nodes.map((n) => [n.id, n]));

describe('the inspector in Japanese', () => {
  it('names the fields and writes the reasons in Japanese', async () => {
    await act(() => i18n.changeLanguage('ja'));
    const ranked = view.nodes.find(
      (n) => n.kind === 'account' && (view.rankings.get(n.id)?.reasons.length ?? 0) > 0,
    )!;
    renderWithProviders(<Inspector target={inspectorTarget(view, byId, ranked.id)} onClose={() => {}} />);
    expect(screen.getByRole('heading', { name: '根拠' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'スコア' })).toBeInTheDocument();
    expect(screen.getByText('種類')).toBeInTheDocument();
    const reasons = [...document.querySelectorAll('.reasons li')].map((li) => li.textContent ?? '');
    expect(reasons.length).toBeGreaterThan(0);
    // Reasons read in Japanese (a name may be English, the sentence is not).
    for (const r of reasons) expect(r).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('explains a missing selection, with the id as text', async () => {
    await act(() => i18n.changeLanguage('ja'));
    renderWithProviders(
      <Inspector
        target={inspectorTarget(view, byId, 'host:<img src=x onerror=alert(1)>')}
        onClose={() => {}}
      />,
    );
    expect(screen.getByText(/この時間枠にないか、フィルターで非表示になっています/)).toBeInTheDocument();
    expect(screen.getByText('host:<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});
