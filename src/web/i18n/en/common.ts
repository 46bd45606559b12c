/** Words used across the app (buttons, states, units). Namespace `common`. */
export const common = {
  language: 'Language',
  close: 'Close',
  cancel: 'Cancel',
  loading: 'Loading…',
  none: 'None',
};
