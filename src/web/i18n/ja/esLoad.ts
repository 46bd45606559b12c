import type { Catalogue } from '../catalogue';
import type { esLoad as en } from '../en/esLoad';

export const esLoad: Catalogue<typeof en> = {
  title: 'Elasticsearch / OpenSearch から読み込む',
  noCluster:
    'サーバーにクラスターが設定されていません (LOGONLENS_ES。docs/elasticsearch.md を参照してください)。',
  cluster: 'クラスター',
  clusterOption: '{{name}} ({{url}})',
  indexPattern: 'インデックスパターン',
  range: '期間',
  rangeUtc: '期間 (UTC)',
  from: '開始',
  to: '終了',
  timeZone: 'タイムゾーン',
  previousDay: '前日',
  previous7Days: '過去 7 日間',
  utcRange: 'UTC {{from}} → {{to}}',
  enterBoth: '開始と終了の両方の時刻を入力してください。',
  toAfterFrom: '「終了」は「開始」より後にしてください。',
  test: '接続をテスト',
  load: '読み込む',
  cancel: 'キャンセル',
  close: '閉じる',
  testing: '接続をテストしています…',
  tested_one:
    '{{distribution}} {{version}}: {{count, number}} 個のインデックスに Security イベントが {{events}} 件あります ({{shapes}})。',
  tested_other:
    '{{distribution}} {{version}}: {{count, number}} 個のインデックスに Security イベントが {{events}} 件あります ({{shapes}})。',
  unknownShape: '形式不明',
  noEvents_one:
    '{{cluster}} のこの期間には Security イベントがありません (一致するインデックス {{count, number}} 個)。',
  noEvents_other:
    '{{cluster}} のこの期間には Security イベントがありません (一致するインデックス {{count, number}} 個)。',
  starting: '読み込みを開始しています…',
  progress: '読み込み中: {{events}} 件のイベントを読み込み、{{kib}} KiB を受信しました…',
  failedNew: '読み込みに失敗しました: {{error}}。データセットは作成されていません。',
  failedNext: '読み込みに失敗しました: {{error}}。データセットは以前のグラフのままです。',
  unknownError: '不明なエラー',
  next: {
    title: '{{cluster}} から別のウィンドウを読み込む',
    pattern: 'インデックスパターン <pattern/>。データセットは、そのすべての期間から作り直されます。',
    sameAgain: '同じ期間をもう一度',
  },
  export: {
    run: 'ウィンドウを ES にエクスポート',
    running: 'エクスポートしています…',
    done: 'アカウント {{accounts}} 件、ホスト {{hosts}} 件、検知 {{detections}} 件を {{cluster}} にエクスポートしました。',
    failed: 'エクスポートに失敗しました: {{error}}',
  },
};
