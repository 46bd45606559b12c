/** The dataset histogram, the node timeline and the window bar. Namespace `timeline`. */
export const timeline = {
  histogram: {
    label: 'Events per {{per}} ({{zone}}); click a bar to move the window',
    bar: '{{hour}}: {{count, number}} events',
    caption: 'events per {{per}}, {{zone}} · max {{max, number}}',
  },
  per: {
    hour: 'hour',
    hours: '{{count, number}} hours',
  },
  node: {
    none: 'No logon events of {{node}} in this dataset.',
    summary: '{{total, number}} events ({{failed, number}} failed) from {{from}} to {{to}} {{zone}}',
    peak: ' · anomaly peak {{score}} at {{hour}}',
    eventId: 'Event ID',
    all: 'all',
    label: 'Events of {{node}} per {{per}} ({{zone}}); click a bar or drag a range to move the window',
    anomalyBar: '{{hour}} {{zone}}: anomaly {{score}}',
    bar: '{{hour}} {{zone}}{{more}}: {{ok, number}} ok, {{failed, number}} failed{{anomaly}}',
    moreHours: ' (+{{count, number}} h)',
    barAnomaly: ', anomaly {{score}}',
    ok: 'ok',
    failed: 'failed',
    anomaly: 'anomaly',
    max: ' · max {{max, number}} per bar',
  },
  window: {
    label: 'Time window',
    span: 'Window span',
    spans: { day: 'day', week: 'week' },
    previous: { day: 'Previous day', week: 'Previous week' },
    next: { day: 'Next day', week: 'Next week' },
    start: 'Window start ({{zone}})',
  },
};
