import type { Catalogue } from '../catalogue';
import type { investigate as en } from '../en/investigate';

export const investigate: Catalogue<typeof en> = {
  focus: {
    heading: 'フォーカス',
    onSelection: '選択したノードにフォーカス',
    hops: 'ホップ数',
    showAll: 'すべて表示',
    showing_one: '{{node}} と {{count}} ホップ以内の隣接ノードを表示しています。',
    showing_other: '{{node}} と {{count}} ホップ以内の隣接ノードを表示しています。',
  },
  paths: {
    heading: '経路',
    fromSelection: '選択したノードを起点にする',
    toSelection: '選択したノードまでの経路',
    clear: '経路をクリア',
    pickOther: '起点: {{node}}。もう一方のノードを選択し、「選択したノードまでの経路」を押してください。',
    between: '<from/> から <to/> への最短ログオン経路',
    reverse:
      'その方向のログオン経路はありません。代わりに {{to}} から {{from}} へ戻るログオン経路を表示しています。',
    any: 'どちらの方向にもログオン経路がありません。方向を無視した最短のつながりを表示しています。',
    none: 'この時間枠には、両者を結ぶログオン経路はありません。',
    steps_one: '{{count, number}} ステップ: ',
    steps_other: '{{count, number}} ステップ: ',
    events_one: '{{count, number}} 件',
    events_other: '{{count, number}} 件',
  },
  chains: {
    heading: '横展開',
    fromSelection: '選択したノードからの連鎖',
    clear: '連鎖をクリア',
    from: '<node/> からの時系列順のログオン連鎖',
    none: 'この時間枠には、ここから始まる時系列順のログオン連鎖はありません。',
    logonType: '、ログオンタイプ {{type}}',
    truncated:
      '探索が上限に達して打ち切られました。ほかにも連鎖があるかもしれません。時間枠かフィルターを絞り込んでください。',
  },
  compare: {
    heading: '時間枠の比較',
    withPrevious: '直前の時間枠と比較',
    newOnly: '新しいものだけ',
    against: '{{from}} – {{to}} との比較: ',
    summary:
      '新しいエッジ <strong>{{newEdges, number}}</strong> 本 (初出 {{firstSeen, number}} 本)、消えたエッジ <strong>{{goneEdges, number}}</strong> 本。新しいノード <strong>{{newNodes, number}}</strong> 個、消えたノード {{goneNodes, number}} 個。',
    new: '新規: ',
    gone: '消失: ',
    more: ' ほか {{count, number}} 件',
    rankChanges: 'PageRank の変化が大きいノード',
    column: { node: 'ノード', before: '以前', now: '現在', change: '変化' },
  },
  label: { paths: '経路', chains: '連鎖', compare: '比較' },
};
