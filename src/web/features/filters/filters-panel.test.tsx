import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_FILTERS } from '../../../core/analysis/index.js';
import { i18n } from '../../i18n';
import { FiltersPanel } from './filters-panel';

const props = { filters: DEFAULT_FILTERS, eventIds: [4624, 4625], logonTypes: ['3', '10'] };

describe('FiltersPanel', () => {
  it('keeps the URL values whatever the language: a Japanese outcome sets failure', async () => {
    await act(() => i18n.changeLanguage('ja'));
    const onChange = vi.fn();
    render(<FiltersPanel {...props} onChange={onChange} />);
    expect(screen.getByRole('form', { name: 'フィルター' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'イベント ID' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'ログオンタイプ' })).toBeInTheDocument();
    expect(screen.getByLabelText('アカウント、ホスト、IP を検索')).toHaveAttribute(
      'placeholder',
      '名前またはアドレス (Enter で適用)',
    );
    expect(screen.getByRole('radio', { name: 'すべて' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: '失敗' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_FILTERS, outcome: 'failure' });
    expect(screen.getByRole('button', { name: 'フィルターをリセット' })).toBeInTheDocument();
    expect(screen.getByLabelText('最小回数')).toHaveValue(1);
  });
});
