/** Permalinks and the time zone (issue 13). Namespace `share`. */
export const share = {
  copyLink: 'Copy link',
  copyLinkTitle: 'Copy a link to exactly this view: window, filters, layout, selection, zoom and zone',
  copied: 'Link copied: it opens this exact view.',
  copyFallback: 'Copy this link (Ctrl+C):',
  linkLabel: 'Link to this view',
  zone: 'Time zone',
  zoneTitle: 'Times and days are shown in this zone (UTC by default); the zone is part of the link',
  browserZone: 'My zone ({{zone}})',
  utc: 'UTC',
  badZone: '{{zone}} is not a time zone this browser knows.',
};
