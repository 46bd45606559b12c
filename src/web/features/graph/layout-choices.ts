import { LAYOUTS } from '../../stores/ui-store';

/** Layout names with a hint for the settings menu. */
export const LAYOUT_CHOICES = LAYOUTS.map((name) => ({
  name,
  hint:
    name === 'cose'
      ? 'force-directed, slow; small graphs only'
      : name === 'concentric'
        ? 'fast; high scores in the middle'
        : 'fast',
}));
