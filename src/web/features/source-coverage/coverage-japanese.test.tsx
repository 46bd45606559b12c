import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coverageOf } from '../../../core/analysis/coverage.js';
import { i18n } from '../../i18n';
import { renderWithProviders } from '../../test/render';
import { CoverageNote } from './coverage-note';

describe('the coverage note in Japanese', () => {
  it('says what could not fire, in Japanese', async () => {
    await act(() => i18n.changeLanguage('ja'));
    renderWithProviders(<CoverageNote coverage={coverageOf({ '4624': 1200 }, { rules: 3, problems: [] })} />);
    expect(screen.getByText('読み込んだイベント: 4624 ×1,200')).toBeInTheDocument();
    expect(screen.getByRole('note', { name: '検知できなかった項目' })).toBeInTheDocument();
    expect(
      screen.getByText(
        '4662 のイベントがないため、DCSync は検知できません (ドメインコントローラーで「ディレクトリ サービスのアクセスの監査」)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Sigma: 3 件のルールを実行しました。')).toBeInTheDocument();
  });

  it('warns about a dataset without coverage', async () => {
    await act(() => i18n.changeLanguage('ja'));
    renderWithProviders(<CoverageNote coverage={undefined} />);
    expect(screen.getByText(/検知がないことは、何も起きなかったことを意味しません/)).toBeInTheDocument();
  });
});
