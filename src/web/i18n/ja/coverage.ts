import type { Catalogue } from '../catalogue';
import type { coverage as en } from '../en/coverage';

export const coverage: Catalogue<typeof en> = {
  label: 'カバレッジ',
  unknown:
    'このデータセットには、元のログにどのイベントが含まれていたかの記録がありません。検知がないことは、何も起きなかったことを意味しません。',
  eventsRead: '読み込んだイベント: ',
  noneRead: '分析対象のイベント ID はありません',
  moreIds: '、… ほか {{count, number}} 種類',
  blindLabel: '検知できなかった項目',
  blind_one:
    '{{count, number}} 件の検知は、必要なイベントがないため動作できませんでした。ここで何も検知されなくても、何もなかった証拠にはなりません:',
  blind_other:
    '{{count, number}} 件の検知は、必要なイベントがないため動作できませんでした。ここで何も検知されなくても、何もなかった証拠にはなりません:',
  sigmaLabel: 'Sigma ルール',
  sigmaRun_one: 'Sigma: {{count, number}} 件のルールを実行しました。',
  sigmaRun_other: 'Sigma: {{count, number}} 件のルールを実行しました。',
  sigmaRunNotRun_one:
    'Sigma: {{count, number}} 件のルールを実行、{{notRun, number}} 件は実行できませんでした。',
  sigmaRunNotRun_other:
    'Sigma: {{count, number}} 件のルールを実行、{{notRun, number}} 件は実行できませんでした。',
  notRun: '実行できなかったルール',
  unsupported: '未対応',
  invalid: '不正',
  more: '… ほか {{count, number}} 件',
};
