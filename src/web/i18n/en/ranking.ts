/** The ranking list. Namespace `ranking`. */
export const ranking = {
  label: 'Ranking',
  show: 'Show',
  kinds: { all: 'All', account: 'Accounts', host: 'Hosts' },
  empty: 'Nothing to rank in this window.',
  column: { name: 'Name' },
  sortBy: 'sort by {{score}}',
  capped: 'Showing the top {{shown, number}} of {{total, number}}.',
};
