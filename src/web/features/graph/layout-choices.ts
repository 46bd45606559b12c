import { i18n } from '../../i18n';
import { LAYOUTS } from '../../stores/ui-store';

const HINTED = ['fcose', 'cose', 'concentric'] as const;
const isHinted = (name: string): name is (typeof HINTED)[number] =>
  (HINTED as readonly string[]).includes(name);

/**
 * Layout names with a hint for the settings menu. The hint is read when the menu renders, so it is
 * in the language chosen then (the menu re-renders when the language changes).
 */
export const LAYOUT_CHOICES: ReadonlyArray<{
  readonly name: (typeof LAYOUTS)[number];
  readonly hint: string;
}> = LAYOUTS.map((name) => ({
  name,
  get hint(): string {
    return i18n.t(isHinted(name) ? `graph:layoutHints.${name}` : 'graph:layoutHints.other');
  },
}));
