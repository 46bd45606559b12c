import type { Catalogue } from '../catalogue';
import type { app as en } from '../en/app';

export const app: Catalogue<typeof en> = {
  pages: 'ページ',
  graph: 'グラフ',
  serverDatasets: 'サーバーのデータセット',
  keptFiles: '保存したファイル',
  keptFilesTitle: 'このブラウザに保存したファイル',
  empty: {
    title: 'データセットを開いて始めます',
    body: '<strong>データセットを開く…</strong> を選ぶか、LogonLens のデータセットファイル (.json) をここにドロップしてください。ファイルはこのコンピューターから出ず、再読み込みしてもページのリンクが使えるよう、このブラウザに保存されます。',
  },
  loadingDataset: 'データセットを読み込んでいます…',
  loadFailed: 'データセットを読み込めませんでした',
  settings: {
    overlay: 'オーバーレイ',
    layout: 'レイアウト',
    maxNodes: '最大ノード数',
    maxNodesHint: 'これより多くのノードを描くとキャンバスが遅くなります。スコアの高いノードから残します',
    edgeLabels: 'エッジのラベル',
    webgl: 'WebGL',
    webglHint: '大きなグラフではほとんどの GPU で高速になります。WebGL2 が必要です',
  },
  status: {
    counts:
      '{{nodes}} ノード・{{edges}} エッジ (ウィンドウ内の {{totalNodes}} ノード・{{totalEdges}} エッジ中)',
    capped: '上限あり',
    layingOut: 'レイアウト中…',
  },
  page: {
    filters: 'フィルター',
    investigate: '調査',
    detections: '検知',
    selection: '選択',
    ranking: 'ランキング',
    serverCapped:
      'サーバーがこのウィンドウを制限しました: ノード {{nodesTotal}} 件中 {{nodesShown}} 件、エッジ {{edgesTotal}} 件中 {{edgesShown}} 件を表示しています。',
    windowFailedKeptPrevious:
      'このウィンドウを計算できませんでした ({{error}})。直前のウィンドウを表示しています。',
    noEventsTitle: 'このデータセットにはイベントがありません',
    noEventsBody:
      '{{records}} 件のレコードを読み込みましたが、ログオンのエッジになるものはありませんでした。',
    windowFailed: 'このウィンドウを計算できませんでした',
    computing: 'ウィンドウを計算しています…',
    emptyWindowTitle: 'このウィンドウにはイベントがありません',
    filtersHideAll:
      'フィルターによって、このウィンドウのエッジ {{edges}} 件がすべて非表示になっています。条件を緩めるか、フィルターをリセットしてください。',
    moveWindow:
      'ウィンドウ (前へ/次へ、日付、または上のヒストグラムの棒) を、イベントのある時間に移動してください。',
    goToNearest_day: 'イベントのある最も近い日 {{date}} へ移動',
    goToNearest_week: 'イベントのある最も近い週 {{date}} へ移動',
    nothingNewTitle: 'このウィンドウに新しいものはありません',
    nothingNewBody:
      'ここに表示されているログオンは、すべて直前のウィンドウにもありました。表示するには「新しいものだけ」のチェックを外してください。',
    nodeTimeline: 'ノードのタイムライン',
    timelineWindowOnly:
      'このサーバーのデータセットはウィンドウごとに読み込まれるため、タイムラインはこのウィンドウだけを表示します。',
    detectionsListFailed:
      'サーバーから全検知の一覧を取得できませんでした ({{error}})。このウィンドウの検知だけを表示しています。',
    previousWindowFailed: '直前のウィンドウを読み込めませんでした: {{error}}',
    showEvents: 'この選択の元になったイベントを表示',
  },
  link: {
    from: '{{other}} → {{account}}',
    to: '{{account}} → {{other}}',
    in: '{{other}} 上の {{account}}',
  },
  cluster: {
    from: '取得元 {{cluster}}',
    range: '{{from}} → {{to}}',
    loadAnother: '別のウィンドウを読み込む…',
  },
  loadFromEs: 'ES から読み込む',
  home: {
    title: 'サーバーのデータセット',
    more_one: 'ほか {{count, number}} 件は<strong>サーバーのデータセット</strong>ページにあります。',
    more_other: 'ほか {{count, number}} 件は<strong>サーバーのデータセット</strong>ページにあります。',
    noEvents: 'イベントなし',
    summary_one: '{{range}} · {{count, number}} イベント',
    summary_other: '{{range}} · {{count, number}} イベント',
    summaryState_one: '{{range}} · {{count, number}} イベント ({{state}})',
    summaryState_other: '{{range}} · {{count, number}} イベント ({{state}})',
  },
  open: {
    opened: '{{name}} を開きました。',
    openedNotKept:
      '{{name}} を開きましたが、このブラウザが保存を拒否しました。再読み込みするとリンクは使えなくなります。',
    notKept:
      'このデータセットファイルはこのブラウザに保存されていません (削除されたか、別のブラウザのリンクです)。もう一度ファイルを開いてください。',
    keptInvalid: '保存されたファイルは、もう有効なデータセットではありません: {{problems}}',
    noDataset: 'データセットが選ばれていません。',
    rangeUnknown: 'データセットの期間がまだわかりません。',
  },
};
