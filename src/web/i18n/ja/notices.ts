import type { Catalogue } from '../catalogue';
import type { notices as en } from '../en/notices';

export const notices: Catalogue<typeof en> = {
  ignoredPage: 'page={{value}} を無視しました: グラフを表示します。',
  ignoredSource:
    'source={{value}} を無視しました: file:<sha-256> または server:<id> の形式で指定してください。',
  ignoredFrom:
    'from={{value}} を無視しました: 2021-12-03 のような日付を指定してください。最初の日を表示します。',
  ignoredSpan: 'span={{value}} を無視しました: day または week を指定してください。day を使います。',
  ignoredIds: 'ids={{value}} を無視しました: イベント ID は 4624,4625 のような数値です。',
  ignoredTypes: 'types={{value}} を無視しました: ログオンタイプは 3,10 のような値です。',
  ignoredOutcome: 'outcome={{value}} を無視しました: success または failure を指定してください。',
  ignoredMin: 'min={{value}} を無視しました: 1 以上の整数を指定してください。',
  ignoredSearch: 'q={{value}} を無視しました: 検索語は {{max}} 文字までです。',
  ignoredOverlay: 'overlay={{value}} を無視しました: pagerank を使います。',
  ignoredSelection: 'sel={{value}} を無視しました: 選択が長すぎます。',
  ignoredTooLong: '{{name}}={{value}} を無視しました: 値が長すぎます。',
  ignoredHops: 'hops={{value}} を無視しました: 1、2、3 のいずれかを指定してください。1 を使います。',
  ignoredPath: 'path={{value}} を無視しました: 異なる 2 つのノード ID を from~to の形式で指定してください。',
  ignoredFlag: '{{name}}={{value}} を無視しました: 1 または 0 を指定してください。',
  ignoredLayout:
    'layout={{value}} を無視しました: {{layouts}} のいずれかを指定してください。fcose を使います。',
  ignoredMax: 'max={{value}} を無視しました: ノード数の上限は {{min}} から {{max}} です。',
  ignoredZone: 'tz={{value}} を無視しました: 不明なタイムゾーンです。UTC で表示します。',
  ignoredViewport: 'vp={{value}} を無視しました: zoom,x,y の形式で指定してください。グラフ全体を表示します。',
  ignoredTag: 'tag={{value}} を無視しました: タグは制御文字を含まない 1～64 文字です。',
  dateOutside:
    '日付 {{from}} はこのデータセットの範囲 ({{min}} ～ {{max}}) 外のため、代わりに {{moved}} を表示します。',
};
