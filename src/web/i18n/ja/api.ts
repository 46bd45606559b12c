import type { Catalogue } from '../catalogue';
import type { api as en } from '../en/api';

export const api: Catalogue<typeof en> = {
  status: {
    http400: 'リクエストが受け付けられませんでした',
    http401: 'アクセストークンが必要です',
    http403: 'アクセスが拒否されました',
    http404: '見つかりません',
    http409: '現在の状態と競合しています',
    http413: 'サーバーにとって大きすぎます',
    http415: 'サポートされていないコンテンツタイプです',
    http422: 'データが受け付けられませんでした',
    http429: 'リクエストが多すぎます',
    http500: 'サーバー内部エラー',
    http502: '不正なゲートウェイ',
    http503: 'サーバーを利用できません',
    http504: 'サーバーの応答に時間がかかりすぎました',
    other: '予期しないエラー',
  },
  serverAnswered: 'サーバーの応答は {{status}} でした: {{reason}}。',
  unreachable: 'LogonLens サーバーに接続できません。サーバーは起動していますか?',
  unreachableDetail: 'LogonLens サーバーに接続できません ({{detail}})。サーバーは起動していますか?',
  somethingWrong: '問題が発生しました。',
  tokenRefused: 'アクセストークンが拒否されました。',
  tokenNeeded: 'このサーバーにはアクセストークン (起動時の LOGONLENS_TOKEN) が必要です。',
  noFiles: 'アップロードするファイルを 1 つ以上選んでください。',
  answer: {
    answer: '応答',
    datasetList: 'データセット一覧',
    dataset: 'データセット',
    newDataset: '新しいデータセット',
    job: 'ジョブ',
    nodeTimeline: 'ノードのタイムライン',
    histogram: 'ヒストグラム',
    uploadAnswer: 'アップロードの応答',
    graph: 'グラフ',
    detections: '検知一覧',
    events: 'イベントのページ',
  },
  badResponse: 'サーバーから、アプリが解釈できない{{what}}が送られてきました。',
  badResponseDetail: 'サーバーから、アプリが解釈できない{{what}}が送られてきました: {{detail}}。',
  token: {
    title: 'アクセストークンが必要です',
    rejected:
      'サーバーがトークンを拒否しました。サーバー起動時のトークン (LOGONLENS_TOKEN) を入力してください。',
    required:
      'この LogonLens サーバーは保護されています。サーバー起動時のトークン (LOGONLENS_TOKEN) を入力してください。',
    hint: 'トークンはこのブラウザのタブにだけ保存され、リンクには含まれません。',
    label: 'アクセストークン',
    use: 'トークンを使う',
    cancel: 'キャンセル',
  },
};
