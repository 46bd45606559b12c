import type { Catalogue } from '../catalogue';
import type { view as en } from '../en/view';

export const view: Catalogue<typeof en> = {
  overlay: {
    none: 'なし',
    pagerank: 'PageRank',
    anomaly: '異常度',
    failures: '失敗回数',
    degree: '次数',
    pagerankLogontracer: 'PageRank (LogonTracer)',
  },
  window: {
    day: '{{from}} ({{zone}} の 1 日)',
    week: '{{from}} ～ {{to}} ({{zone}} の 1 週間)',
  },
};
