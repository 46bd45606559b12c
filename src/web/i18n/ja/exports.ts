import type { Catalogue } from '../catalogue';
import type { exports as en } from '../en/exports';

export const exports: Catalogue<typeof en> = {
  button: 'エクスポート',
  menuLabel: '表示内容のエクスポート',
  picture: 'グラフの画像',
  fullGraph: 'グラフ全体',
  visiblePart: '表示中の部分',
  scale: '倍率',
  png: 'PNG',
  svg: 'SVG',
  tables: '表示内容の表',
  nodesCsv: 'ノード (CSV)',
  edgesCsv: 'エッジ (CSV)',
  cappedNote:
    'サーバーがこのウィンドウを上限で切り詰めました。CSV には表示中のものだけが含まれます。下のウィンドウのデータセットは完全です。',
  caseFile: 'ケースファイル',
  datasetCut: 'ウィンドウのデータセット (JSON)',
  report: 'オフラインレポート (HTML)',
  working: 'エクスポート中…',
  saved: '{{name}} を保存しました',
  failed: 'エクスポートに失敗しました: {{reason}}',
  noGraph: 'グラフが描画されていないため、画像をエクスポートできません。',
  noView: '表示内容を計算中です。',
  reducedScale: 'ブラウザが描画できる大きさに収めるため倍率を {{scale}}× に下げました',
};
