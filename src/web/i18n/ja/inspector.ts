import type { Catalogue } from '../catalogue';
import type { inspector as en } from '../en/inspector';

export const inspector: Catalogue<typeof en> = {
  empty: 'グラフまたはランキングでノードかエッジを選択してください。',
  clear: '選択を解除',
  missing: '選択中の <id/> は、この時間枠にないか、フィルターで非表示になっています。',
  field: {
    kind: '種類',
    id: 'ID',
    domain: 'ドメイン',
    sid: 'SID',
    ips: 'IP アドレス',
    names: '名前',
    hidden: '既定で非表示',
  },
  nodeKinds: { account: 'アカウント', host: 'ホスト', ip: 'IP アドレス', domain: 'ドメイン' },
  hiddenReasons: {
    'machine-account': 'コンピューターアカウント',
    anonymous: '匿名',
    'well-known-account': '既知のサービスアカウント',
    'local-source': 'ローカルの接続元',
  },
  flags: 'この時間枠のフラグ',
  flagColumn: { time: '日時 ({{zone}})', flag: 'フラグ', event: 'イベント', detail: '詳細' },
  flagKinds: {
    privileged: '特権ログオン',
    created: '作成',
    deleted: '削除',
    'group-added': 'グループに追加',
    'group-removed': 'グループから削除',
    dcsync: 'DCSync',
    dcshadow: 'DCShadow',
    'log-cleared': 'ログ消去',
    'policy-changed': 'ポリシー変更',
    'explicit-credentials': '明示的な資格情報',
  },
  scores: 'スコア',
  why: '根拠',
  role: { from: 'のログオン元', to: 'のログオン先', member: 'の所属グループ' },
  linkSummary_one:
    'この時間枠では {{count, number}} 本のログオンエッジに {{total, number}} 件のイベントがあります。',
  linkSummary_other:
    'この時間枠では {{count, number}} 本のログオンエッジに {{total, number}} 件のイベントがあります。',
  linkColumn: {
    event: 'イベント',
    type: 'ログオンタイプ',
    auth: '認証方式',
    status: 'ステータス',
    count: '件数',
    time: '最初 – 最後 ({{zone}})',
  },
  failed: '失敗',
  ok: '成功',
};
