import './settings-menu.css';
import { useTranslation } from 'react-i18next';
import { LAYOUT_CHOICES } from '../features/graph';
import { DEFAULT_MAX_NODES, LAYOUTS, useUiStore, type LayoutName } from '../stores/ui-store';
import type { Overlay } from '../lib/url-state';
import { OVERLAYS } from '../lib/url-state';

const MAX_NODE_CHOICES = [500, 1000, DEFAULT_MAX_NODES, 5000, 10_000, 20_000];

/** Overlay (in the URL: it is part of the shared view) and display settings (local to this tab). */
export function ViewControls({ overlay, onOverlay }: { overlay: Overlay; onOverlay(o: Overlay): void }) {
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
          value={settings.layout}
          onChange={(e) => {
            const v = e.target.value;
            if ((LAYOUTS as readonly string[]).includes(v)) setSetting('layout', v as LayoutName);
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
        <select value={settings.maxNodes} onChange={(e) => setSetting('maxNodes', Number(e.target.value))}>
          {MAX_NODE_CHOICES.map((n) => (
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
