/**
 * The analysis' words (reasons, detection titles and details, flags, coverage notes), by the message
 * ids that `src/core` writes beside its English text. Namespace `analysis`. A dataset written before
 * message ids shows its stored text. `{{…}}` parameters are log text or numbers.
 */
export const analysis = {
  list: { separator: ', ', detailSeparator: '; ' },
  verbatim: '{{text}}',
  /** Score names: English shows the ids, as the CLI, the API and the overlay choice do. */
  scores: {
    pagerank: 'pagerank',
    pagerankRaw: 'pagerankRaw',
    pagerankLogontracer: 'pagerankLogontracer',
    anomaly: 'anomaly',
    failures: 'failures',
    degree: 'degree',
    events: 'events',
    failureRatio: 'failureRatio',
    newEdges: 'newEdges',
    distinctSources: 'distinctSources',
    distinctTargets: 'distinctTargets',
    privileged: 'privileged',
    distinctAccounts: 'distinctAccounts',
    distinctAccountsOn: 'distinctAccountsOn',
  },
  /** English shows the kind ids themselves: analysts filter and search by them (CLI, API). */
  kinds: {
    dcsync: 'dcsync',
    dcshadow: 'dcshadow',
    'dcshadow-spn': 'dcshadow-spn',
    'dcsync-rights-granted': 'dcsync-rights-granted',
    zerologon: 'zerologon',
    'samaccountname-spoofing': 'samaccountname-spoofing',
    'golden-ticket': 'golden-ticket',
    kerberoasting: 'kerberoasting',
    'pass-the-hash': 'pass-the-hash',
    'rdp-tunnel': 'rdp-tunnel',
    'password-guessing': 'password-guessing',
    'password-spraying': 'password-spraying',
    'explicit-credential-spray': 'explicit-credential-spray',
    'explicit-credentials': 'explicit-credentials',
    'log-cleared': 'log-cleared',
    'audit-policy-changed': 'audit-policy-changed',
    'account-created': 'account-created',
    'account-deleted': 'account-deleted',
    'account-created-deleted': 'account-created-deleted',
    'group-membership-changed': 'group-membership-changed',
    sigma: 'sigma',
  },
};
