import type { Catalogue } from '../catalogue';
import type { share as en } from '../en/share';

export const share: Catalogue<typeof en> = {
  copyLink: 'リンクをコピー',
  copyLinkTitle:
    'この表示そのもの（期間・フィルタ・レイアウト・選択・ズーム・タイムゾーン）へのリンクをコピーします',
  copied: 'リンクをコピーしました。この表示がそのまま開きます。',
  copyFallback: 'このリンクをコピーしてください（Ctrl+C）:',
  linkLabel: 'この表示へのリンク',
  zone: 'タイムゾーン',
  zoneTitle: '時刻と日付をこのタイムゾーンで表示します（既定は UTC）。タイムゾーンはリンクに含まれます',
  browserZone: '自分のタイムゾーン（{{zone}}）',
  utc: 'UTC',
  badZone: '{{zone}} はこのブラウザが知らないタイムゾーンです。',
};
