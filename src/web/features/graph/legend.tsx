import { useTranslation } from 'react-i18next';
import { useAnalysisText } from '../../i18n/analysis-text';
import {
  FLAGGED_SHAPE,
  PALETTE,
  formatScore,
  type NodeStyleKind,
  type OverlayScale,
} from '../../lib/encodings';
import { PALETTES, type Palette, type PaletteName } from '../../../core/palette.js';
import type { ResolvedTheme } from './stylesheet';

const KINDS: NodeStyleKind[] = ['privileged', 'account', 'host', 'ip', 'domain'];

/** SVG glyphs approximating Cytoscape's shapes, so the legend matches the graph. */
function Glyph({ shape, color }: { shape: string; color: string }) {
  const common = { fill: color, stroke: 'var(--text)', strokeWidth: 0.5 };
  switch (shape) {
    case 'diamond':
      return <polygon points="7,1 13,7 7,13 1,7" {...common} />;
    case 'round-triangle':
      return <polygon points="7,1 13,12 1,12" {...common} />;
    case 'round-rectangle':
      return <rect x="1" y="3" width="12" height="8" rx="2" {...common} />;
    case 'octagon':
      return <polygon points="4,1 10,1 13,4 13,10 10,13 4,13 1,10 1,4" {...common} />;
    default:
      return <circle cx="7" cy="7" r="6" {...common} />;
  }
}

/** The notes' marks to explain: shown only when some node or link carries a note. */
export interface LegendNotes {
  /** Some are tagged `compromised` (their stronger mark is explained too). */
  compromised: boolean;
}

/** A noted node and a noted link as the stylesheet draws them: halo, dashed ring, wider link. */
function NotedGlyph({ colours, theme }: { colours: Palette; theme: ResolvedTheme }) {
  const highlight = colours.notes.highlight[theme];
  return (
    <svg width="40" height="18" aria-hidden="true">
      <circle cx="9" cy="9" r="8.5" fill={highlight} opacity="0.7" />
      <circle cx="9" cy="9" r="4" fill={colours.nodes.account.strong} />
      <circle
        cx="9"
        cy="9"
        r="6.2"
        fill="none"
        stroke="var(--text)"
        strokeWidth="1.2"
        strokeDasharray="2 1.6"
      />
      <line x1="22" y1="9" x2="38" y2="9" stroke={highlight} strokeWidth="8" strokeLinecap="round" />
      <line x1="22" y1="9" x2="38" y2="9" stroke={colours.edges.ok} strokeWidth="2" />
    </svg>
  );
}

/** A node tagged compromised: the double red ring over a stronger halo. */
function CompromisedGlyph({ colours, theme }: { colours: Palette; theme: ResolvedTheme }) {
  const ring = colours.notes.compromised;
  return (
    <svg width="20" height="20" aria-hidden="true">
      <circle cx="10" cy="10" r="9.5" fill={colours.notes.highlight[theme]} opacity="0.85" />
      <circle cx="10" cy="10" r="3.5" fill={colours.nodes.account.strong} />
      <circle cx="10" cy="10" r="5.5" fill="none" stroke={ring} strokeWidth="1.2" />
      <circle cx="10" cy="10" r="7.8" fill="none" stroke={ring} strokeWidth="1.2" />
    </svg>
  );
}

export function Legend({
  scale,
  palette,
  theme = 'light',
  notes = null,
}: {
  scale: OverlayScale;
  palette: PaletteName;
  theme?: ResolvedTheme;
  notes?: LegendNotes | null;
}) {
  const colours = PALETTES[palette];
  const { t } = useTranslation('graph');
  const text = useAnalysisText();
  return (
    <div className="legend" aria-label={t('legend.label')}>
      <ul>
        {KINDS.map((k) => (
          <li key={k}>
            <svg width="14" height="14" aria-hidden="true">
              <Glyph shape={PALETTE[k].shape} color={colours.nodes[k].strong} />
            </svg>
            {t(`legend.kinds.${k}`)}
          </li>
        ))}
        <li>
          <svg width="14" height="14" aria-hidden="true">
            <Glyph shape={FLAGGED_SHAPE} color={colours.nodes.account.strong} />
          </svg>
          {t('legend.flagged')}
        </li>
        <li>
          <svg width="22" height="8" aria-hidden="true">
            <line x1="1" y1="4" x2="21" y2="4" stroke={colours.edges.failed} strokeWidth="3" />
          </svg>
          {t('legend.failed')}
        </li>
        <li>
          <svg width="22" height="8" aria-hidden="true">
            <line
              x1="1"
              y1="4"
              x2="21"
              y2="4"
              stroke={colours.edges.mixed}
              strokeWidth="3"
              strokeDasharray="2 3"
            />
          </svg>
          {t('legend.someFailed')}
        </li>
        {notes !== null && (
          <li>
            <NotedGlyph colours={colours} theme={theme} />
            {t('legend.noted')}
          </li>
        )}
        {notes?.compromised === true && (
          <li>
            <CompromisedGlyph colours={colours} theme={theme} />
            {t('legend.compromised')}
          </li>
        )}
      </ul>
      {scale.overlay !== 'none' && (
        <div className="legend-scale">
          <span>
            {t('legend.sizeAndColour')}
            <strong>{text.score(scale.overlay)}</strong>
          </span>
          <span className="legend-ramp">
            {formatScore(scale.min)}
            <svg width="80" height="20" aria-hidden="true">
              <circle cx="6" cy="10" r="3" fill={colours.nodes.account.pale} />
              <circle
                cx="30"
                cy="10"
                r="5.5"
                fill={scale.color('account', (scale.min + scale.max) / 2, palette)}
              />
              <circle cx="64" cy="10" r="9" fill={colours.nodes.account.strong} />
            </svg>
            {formatScore(scale.max)}
          </span>
        </div>
      )}
    </div>
  );
}
