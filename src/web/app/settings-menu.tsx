import './settings-menu.css';
import { useTranslation } from 'react-i18next';
import { LAYOUT_CHOICES } from '../features/graph';
import { DEFAULT_MAX_NODES, LAYOUTS, useUiStore, type LayoutName } from '../stores/ui-store';
import type { Overlay } from '../lib/url-state';
import { OVERLAYS } from '../lib/url-state';

export interface ViewControlsProps {
  overlay: Overlay;
  onOverlay(o: Overlay): void;
  /** Layout and node cap are in the URL: they change the picture a link shows. */
  layout: LayoutName;
  onLayout(layout: LayoutName): void;
  maxNodes: number;
  onMaxNodes(max: number): void;
}

const MAX_NODE_CHOICES = [500, 1000, DEFAULT_MAX_NODES, 5000, 10_000, 20_000];

/** Overlay, layout and cap (in the URL: part of the shared view) and display settings (this tab). */
export function ViewControls({
  overlay,
  onOverlay,
  layout,
  onLayout,
  maxNodes,
  onMaxNodes,
}: ViewControlsProps) {
  const { t, i18n } = useTranslation(['app', 'view']);
  const settings = useUiStore((s) => s.settings);
  const setSetting = useUiStore((s) => s.setSetting);
  return (
    <div className="view-controls">
      <label>
        {t('settings.overlay')}{' '}
        <select value={overlay} onChange={(e) => onOverlay(e.target.value as Overlay)}>
          {OVERLAYS.map((o) => (
            <option key={o} value={o}>
              {t(`view:overlay.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('settings.layout')}{' '}
        <select
          value={layout}
          onChange={(e) => {
            const v = e.target.value;
            if ((LAYOUTS as readonly string[]).includes(v)) onLayout(v as LayoutName);
          }}
        >
          {LAYOUT_CHOICES.map((c) => (
            <option key={c.name} value={c.name} title={c.hint}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label title={t('settings.maxNodesHint')}>
        {t('settings.maxNodes')}{' '}
        <select value={maxNodes} onChange={(e) => onMaxNodes(Number(e.target.value))}>
          {(MAX_NODE_CHOICES.includes(maxNodes)
            ? MAX_NODE_CHOICES
            : [...MAX_NODE_CHOICES, maxNodes].sort((a, b) => a - b)
          ).map((n) => (
            <option key={n} value={n}>
              {n.toLocaleString(i18n.language)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.edgeLabels}
          onChange={(e) => setSetting('edgeLabels', e.target.checked)}
        />
        {t('settings.edgeLabels')}
      </label>
      <label className="check" title={t('settings.webglHint')}>
        <input
          type="checkbox"
          checked={settings.webgl}
          onChange={(e) => setSetting('webgl', e.target.checked)}
        />
        {t('settings.webgl')}
      </label>
    </div>
  );
}
