import type { Catalogue } from '../catalogue';
import type { a11y as en } from '../en/a11y';

export const a11y: Catalogue<typeof en> = {
  skipToContent: '本文へ移動',
  shortcutsButton: 'キーボードショートカット',
  theme: { label: 'テーマ', system: 'システムのテーマ', light: 'ライト', dark: 'ダーク' },
  palette: { label: '配色', standard: 'LogonTracer の配色', cvd: '色覚多様性に配慮した配色' },
  keys: {
    title: 'キーボードショートカット',
    search: 'アカウント・ホスト・IP を検索',
    next: 'ランキングまたは検知の次の行',
    previous: '前の行',
    select: 'フォーカスしている行を選択',
    clear: '入力欄から出る／選択を解除し、次にフォーカス・経路・チェーンを解除',
    help: 'この一覧を表示',
  },
};
