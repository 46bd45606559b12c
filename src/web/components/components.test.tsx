import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { parseViewState } from '../lib/url-state';
import { useUiStore } from '../stores/ui-store';
import { Notices } from './notices';
import { Toasts } from './toasts';

const hostile = parseViewState('?span=<img src=x onerror=alert(1)>&cmp=yes').notices;

describe('Notices', () => {
  it('renders URL notices from their message ids, hostile values as text', async () => {
    render(<Notices notices={hostile} />);
    const box = screen.getByRole('status', { name: 'Notices' });
    expect(box).toHaveTextContent(
      'Ignored span="<img src=x onerror=alert(1)>": expected day or week; using day.',
    );
    expect(box).toHaveTextContent('Ignored cmp="yes": expected 1 or 0.');
    expect(box.querySelector('img')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss notices' }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('renders them in Japanese', async () => {
    await act(() => i18n.changeLanguage('ja'));
    render(<Notices notices={hostile} />);
    const box = screen.getByRole('status', { name: 'お知らせ' });
    expect(box).toHaveTextContent(
      'span="<img src=x onerror=alert(1)>" を無視しました: day または week を指定してください。day を使います。',
    );
    expect(box).toHaveTextContent('cmp="yes" を無視しました: 1 または 0 を指定してください。');
    expect(screen.getByRole('button', { name: 'お知らせを閉じる' })).toBeInTheDocument();
  });
});

describe('Toasts', () => {
  it('names its dismiss button in the UI language', async () => {
    await act(() => i18n.changeLanguage('ja'));
    act(() => useUiStore.getState().pushToast('error', 'x.json'));
    render(<Toasts />);
    expect(screen.getByRole('button', { name: '閉じる' })).toBeInTheDocument();
  });
});
