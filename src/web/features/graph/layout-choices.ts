import { LAYOUTS } from '../../stores/ui-store';

/** Layout names with a hint for the settings menu. */
export const LAYOUT_CHOICES = LAYOUTS.map((name) => ({
  name,
  hint:
    name === 'fcose'
      ? 'force-directed (default); by rank above 1,500 nodes'
      : name === 'cose'
        ? 'force-directed, slow; small graphs only'
        : name === 'concentric'
          ? 'by rank: high scores in the middle; fast'
          : 'fast',
}));
