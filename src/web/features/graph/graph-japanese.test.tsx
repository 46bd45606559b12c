import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { scaleFromRange } from '../../lib/encodings';
import { LAYOUT_CHOICES } from './layout-choices';
import { Legend } from './legend';

describe('the graph legend and layout hints in Japanese', () => {
  it('name the node kinds and the overlay in Japanese', async () => {
    await act(() => i18n.changeLanguage('ja'));
    render(<Legend scale={scaleFromRange({ overlay: 'failures', min: 0, max: 12 })} palette="standard" />);
    expect(screen.getByLabelText('凡例')).toHaveTextContent('特権アカウント');
    expect(screen.getByLabelText('凡例')).toHaveTextContent('ログオン失敗');
    expect(screen.getByText('失敗数')).toBeInTheDocument();
  });

  it('give the layout hints in the language chosen when they are read', async () => {
    expect(LAYOUT_CHOICES.find((c) => c.name === 'cose')!.hint).toBe(
      'force-directed, slow; small graphs only',
    );
    await act(() => i18n.changeLanguage('ja'));
    expect(LAYOUT_CHOICES.find((c) => c.name === 'cose')!.hint).toBe(
      '力学モデル。低速なため小さなグラフ向け',
    );
  });
});
