import type { Catalogue } from '../catalogue';
import type { timeline as en } from '../en/timeline';

export const timeline: Catalogue<typeof en> = {
  histogram: {
    label: '{{per}}ごとのイベント数 ({{zone}})。棒をクリックすると時間枠を移動します',
    bar: '{{hour}}: {{count, number}} 件',
    caption: '{{per}}ごとのイベント数、{{zone}} · 最大 {{max, number}}',
  },
  per: {
    hour: '1 時間',
    hours: '{{count, number}} 時間',
  },
  node: {
    none: 'このデータセットには {{node}} のログオンイベントがありません。',
    summary: '{{from}} から {{to}} {{zone}} までに {{total, number}} 件 (失敗 {{failed, number}} 件)',
    peak: ' · 異常度のピーク {{score}} ({{hour}})',
    eventId: 'イベント ID',
    all: 'すべて',
    label:
      '{{node}} の {{per}}ごとのイベント数 ({{zone}})。棒をクリックするか範囲をドラッグすると時間枠を移動します',
    anomalyBar: '{{hour}} {{zone}}: 異常度 {{score}}',
    bar: '{{hour}} {{zone}}{{more}}: 成功 {{ok, number}} 件、失敗 {{failed, number}} 件{{anomaly}}',
    moreHours: ' (+{{count, number}} 時間)',
    barAnomaly: '、異常度 {{score}}',
    ok: '成功',
    failed: '失敗',
    anomaly: '異常度',
    max: ' · 棒あたり最大 {{max, number}} 件',
  },
  window: {
    label: '時間枠',
    span: '時間枠の長さ',
    spans: { day: '1 日', week: '1 週間' },
    previous: { day: '前日', week: '前の週' },
    next: { day: '翌日', week: '次の週' },
    start: '時間枠の開始日 ({{zone}})',
  },
};
