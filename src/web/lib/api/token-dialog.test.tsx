import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { requestToken, resetTokenState } from './token';
import { TokenDialog } from './token-dialog';

afterEach(resetTokenState);

describe('TokenDialog', () => {
  it('asks for the token in English', async () => {
    render(<TokenDialog />);
    act(() => void requestToken('required'));
    expect(await screen.findByRole('dialog', { name: 'Access token needed' })).toHaveTextContent(
      'This LogonLens server is protected.',
    );
    expect(screen.getByLabelText('Access token')).toBeInTheDocument();
  });

  it('asks for the token in Japanese, saying why', async () => {
    await act(() => i18n.changeLanguage('ja'));
    render(<TokenDialog />);
    act(() => void requestToken('rejected'));
    expect(await screen.findByRole('dialog', { name: 'アクセストークンが必要です' })).toHaveTextContent(
      'サーバーがトークンを拒否しました。',
    );
    expect(screen.getByLabelText('アクセストークン')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'トークンを使う' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'キャンセル' })).toBeInTheDocument();
  });
});
