import type { Catalogue } from '../catalogue';
import type { ranking as en } from '../en/ranking';

export const ranking: Catalogue<typeof en> = {
  label: 'ランキング',
  show: '表示対象',
  kinds: { all: 'すべて', account: 'アカウント', host: 'ホスト' },
  empty: 'この時間枠には順位付けできるものがありません。',
  column: { name: '名前' },
  sortBy: '{{score}} で並べ替え',
  capped: '{{total, number}} 件中、上位 {{shown, number}} 件を表示しています。',
};
