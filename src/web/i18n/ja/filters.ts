import type { Catalogue } from '../catalogue';
import type { filters as en } from '../en/filters';

export const filters: Catalogue<typeof en> = {
  label: 'フィルター',
  eventIds: 'イベント ID',
  logonTypes: 'ログオンタイプ',
  outcome: '結果',
  outcomes: { any: 'すべて', success: '成功', failure: '失敗' },
  minCount: '最小回数',
  showHidden: '非表示のアカウントも表示 (コンピューター、匿名、ローカル)',
  reset: 'フィルターをリセット',
  search: 'アカウント、ホスト、IP を検索',
  searchPlaceholder: '名前またはアドレス (Enter で適用)',
};
