import type { Catalogue } from '../catalogue';
import type { ingest as en } from '../en/ingest';

export const ingest: Catalogue<typeof en> = {
  open: 'データセットを開く…',
  opening: '開いています…',
  openFile: 'データセットファイルを開く',
  dropHint: 'LogonLens のデータセット (.json) をドロップすると開きます',
  dismiss: '閉じる',
  invalid: '{{name}} を開けませんでした: 有効な LogonLens データセットではありません。',
  unchanged: '現在の表示は変わっていません。',
  tooLarge: 'ファイルが大きすぎるため、データセットではありません',
  unreadable: 'ファイルを読み込めませんでした: {{error}}',
  kept: {
    list: '保存したファイル',
    unavailable: '保存したファイルを利用できません: {{error}}',
    loading: '保存したファイルを読み込んでいます…',
    none: 'このブラウザに保存したファイルはまだありません。',
    hash: 'sha-256 {{hash}}',
    remove: '削除',
    removeLabel: '{{name}} を削除',
  },
  size: {
    bytes: '{{value}} B',
    kilobytes: '{{value}} KB',
    megabytes: '{{value}} MB',
  },
};
