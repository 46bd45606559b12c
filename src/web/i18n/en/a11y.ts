/** Appearance (theme, palette) and keyboard help. Namespace `a11y`. */
export const a11y = {
  skipToContent: 'Skip to content',
  shortcutsButton: 'Keyboard shortcuts',
  theme: { label: 'Theme', system: 'System theme', light: 'Light', dark: 'Dark' },
  palette: { label: 'Colours', standard: 'LogonTracer colours', cvd: 'Colour-blind safe' },
  keys: {
    title: 'Keyboard shortcuts',
    search: 'Search accounts, hosts and IPs',
    next: 'Next row of the ranking or detections',
    previous: 'Previous row',
    select: 'Select the focused row',
    clear: 'Leave a field; clear the selection, then the focus, path or chain',
    help: 'Show this list',
  },
};
