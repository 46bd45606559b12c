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
};
