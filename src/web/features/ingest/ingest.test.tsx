import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n';
import { KeptFiles } from './kept-files';
import { OpenButton } from './open-button';
import { OpenError } from './open-error';

const HOSTILE = '<img src=x onerror=alert(1)>.json';
const files = [{ key: 'a'.repeat(64), name: 'dc01.json', size: 2048, addedAt: '2021-12-10T09:30:00Z' }];

describe('ingest', () => {
  it('says why a file did not open, its hostile name as text', () => {
    render(<OpenError name={HOSTILE} problems={['edges.2.count: too small']} onDismiss={vi.fn()} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(`Could not open ${HOSTILE}: it is not a valid LogonLens dataset.`);
    expect(alert).toHaveTextContent('The current view is unchanged.');
    expect(alert.querySelector('img')).toBeNull();
  });

  it('speaks Japanese: open button, open error, kept files', async () => {
    await act(() => i18n.changeLanguage('ja'));
    render(
      <>
        <OpenButton busy={false} onFile={vi.fn()} />
        <OpenError name={HOSTILE} problems={['edges.2.count: too small']} onDismiss={vi.fn()} />
        <KeptFiles files={files} error={null} currentKey={null} onOpen={vi.fn()} onRemove={vi.fn()} />
      </>,
    );
    expect(screen.getByText('データセットを開く…')).toBeInTheDocument();
    expect(screen.getByLabelText('データセットファイルを開く')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      `${HOSTILE} を開けませんでした: 有効な LogonLens データセットではありません。`,
    );
    // The parser's problem is shown as it came (it names a place in the file).
    expect(screen.getByText('edges.2.count: too small')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: '保存したファイル' });
    expect(list).toHaveTextContent('2.0 KB');
    expect(screen.getByRole('button', { name: 'dc01.json を削除' })).toHaveTextContent('削除');
  });

  it('says in Japanese that nothing is kept yet', async () => {
    await act(() => i18n.changeLanguage('ja'));
    render(<KeptFiles files={[]} error={null} currentKey={null} onOpen={vi.fn()} onRemove={vi.fn()} />);
    expect(screen.getByText('このブラウザに保存したファイルはまだありません。')).toBeInTheDocument();
  });
});
