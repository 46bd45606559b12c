/** The filters panel (features/filters). Namespace `filters`. */
export const filters = {
  label: 'Filters',
  eventIds: 'Event IDs',
  logonTypes: 'Logon types',
  outcome: 'Outcome',
  outcomes: { any: 'any', success: 'success', failure: 'failure' },
  minCount: 'Minimum count',
  showHidden: 'show hidden (machine, anonymous, local)',
  reset: 'Reset filters',
  search: 'Search accounts, hosts, IPs',
  searchPlaceholder: 'name or address, Enter to apply',
};
