/** The shared components (src/web/components). Namespace `components`. */
export const components = {
  notices: 'Notices',
  dismissNotices: 'Dismiss notices',
  dismiss: 'Dismiss',
};
