import type { Catalogue } from '../catalogue';
import type { graph as en } from '../en/graph';

export const graph: Catalogue<typeof en> = {
  legend: {
    label: '凡例',
    kinds: {
      privileged: '特権アカウント',
      account: 'アカウント',
      host: 'ホスト',
      ip: 'IP アドレス',
      domain: 'ドメイン',
    },
    flagged: '作成/削除/グループ変更/DCSync/DCShadow',
    failed: 'ログオン失敗',
    someFailed: '一部のログオンが失敗',
    noted: '分析者のメモ・タグあり',
    compromised: 'compromised タグ付き',
    sizeAndColour: '大きさと色: ',
  },
  capped:
    'フィルターを通る {{total, number}} ノード中 {{shown, number}} ノード (接続の多い順) を表示しています。残りを見るには時間枠を狭めるかフィルターを追加してください。',
  downgraded:
    '{{layout}} は {{count, number}} ノードには遅すぎるため、concentric (順位順) で表示しています。',
  area: 'グラフ',
  computing: '時間枠を計算しています…',
  layingOut: 'レイアウトを計算しています…',
  renderer: {
    software: 'GPU がありません (WebGL は CPU で動作することになります)。canvas レンダラーで描画しています。',
    unavailable: 'ここでは WebGL を使えません。canvas レンダラーで描画しています。',
  },
  layoutHints: {
    fcose: '力学モデル (既定)。1,500 ノードを超えると順位順',
    cose: '力学モデル。低速なため小さなグラフ向け',
    concentric: '順位順: スコアの高いノードを中心に配置。高速',
    other: '高速',
  },
};
