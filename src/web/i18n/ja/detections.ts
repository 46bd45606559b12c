import type { Catalogue } from '../catalogue';
import type { detections as en } from '../en/detections';

export const detections: Catalogue<typeof en> = {
  none: 'このデータセットには検知がありません。',
  summary_one: 'データセット全体で {{count, number}} 件の検知、この時間枠では {{inWindow, number}} 件。',
  summary_other: 'データセット全体で {{count, number}} 件の検知、この時間枠では {{inWindow, number}} 件。',
  perKind: '種類別の検知数',
  severity: '重要度',
  kind: '種類',
  all: 'すべて',
  clear: '検知の選択を解除',
  noMatch: 'この条件に一致する検知はありません。',
  column: { severity: '重要度', detection: '検知', count: '件数' },
  inWindow: 'この時間枠内',
  outOfWindow: 'この時間枠外',
  capped:
    '{{total, number}} 件中 {{shown, number}} 件を表示しています。残りを見るには重要度または種類で絞り込んでください。',
  severities: { high: '高', medium: '中', low: '低', info: '情報' },
  evidence: {
    label: '検知の根拠',
    kind: '種類',
    time: '日時 ({{zone}})',
    events: 'イベント数',
    eventIds: 'イベント ID',
    loggedBy: '記録したコンピューター',
    recordIds: 'レコード ID',
    more: ' ほか {{count, number}} 件',
    nodes: 'ノード',
    eventsHeading: '根拠となるイベント',
    noneHere: 'この検知のイベントは、この時間枠またはこのフィルター条件の中にはありません。',
    records: 'レコード {{ids}}',
    from: '{{source}} から ',
    on: '{{target}} へ',
    failed: ' (失敗)',
    failedStatus: ' (失敗 {{status}})',
  },
};
