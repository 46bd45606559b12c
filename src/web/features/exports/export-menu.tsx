import './exports.css';
import type { Core } from 'cytoscape';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewFilters, WindowView } from '../../../core/analysis/index.js';
import type { Dataset, TimeRange } from '../../../core/dataset/index.js';
import { exportFileName, type ExportMeta } from '../../../core/export/index.js';
import { downloadBlob, downloadText } from './download';
import { runJob } from './run-job';
import { graphPng, graphSvg, SCALES, type Scale } from './picture';
import { serverWindowDataset } from './server-export';

export interface ExportMenuProps {
  /** The dataset the page holds: a whole file, or a server's window (/graph, capped and filtered). */
  dataset: Dataset;
  /** What the analyst calls it (shown in file names and inside every file). */
  datasetName: string;
  /** The view on screen (window, filters, focus): the CSV rows. null while it is computed. */
  view: WindowView | null;
  window: TimeRange | null;
  filters: ViewFilters;
  /** A server dataset's id: the dataset cut and the report come from its window export. */
  serverId: string | null;
  /** The analyst's notes and tags (format v1 `annotations`), written into the cut and the report. */
  annotations?: readonly unknown[] | undefined;
  /** The view's time zone (URL `tz`; null = UTC): times in CSV, metadata and the report are written in it. */
  timeZone?: string | null;
  /** The graph's Cytoscape instance while it is drawn (null: no picture to export). */
  getCy(): Core | null;
}

type Busy = 'png' | 'svg' | 'nodes' | 'edges' | 'dataset' | 'report';

/** The "Export" menu of the graph toolbar: pictures, CSV of the view, the dataset cut, the report. */
export function ExportMenu(props: ExportMenuProps) {
  const { t } = useTranslation('exports');
  const [open, setOpen] = useState(false);
  const [full, setFull] = useState(true);
  const [scale, setScale] = useState<Scale>(2);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [status, setStatus] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  const rootRef = useRef<HTMLDivElement | null>(null);
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const panelId = useId();

  // Escape and a click outside close the menu.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      // Keyboard users land back on the button that opened the menu.
      buttonRef.current?.focus();
    };
    const onDown = (e: PointerEvent) => {
      if (rootRef.current !== null && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  const meta = (): ExportMeta => ({
    dataset: props.datasetName,
    window: props.window,
    exportedAt: new Date().toISOString(),
    timeZone: props.timeZone ?? null,
  });

  /** Runs one export: one at a time, its outcome said in the menu. */
  const run = async (what: Busy, work: (m: ExportMeta) => Promise<string>) => {
    setBusy(what);
    setStatus(null);
    try {
      const name = await work(meta());
      setStatus({ kind: 'done', text: t('saved', { name }) });
    } catch (e) {
      setStatus({ kind: 'error', text: t('failed', { reason: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(null);
    }
  };

  const picture = (format: 'png' | 'svg') =>
    run(format, async (m) => {
      const cy = props.getCy();
      if (cy === null || cy.destroyed()) throw new Error(t('noGraph'));
      const draw = format === 'png' ? graphPng : graphSvg;
      const result = await draw(cy, full, scale, m);
      const name = exportFileName(m, format, `graph-${full ? 'full' : 'visible'}-${scale}x`);
      downloadBlob(result.blob, name);
      return result.scale < scale
        ? `${name} (${t('reducedScale', { scale: result.scale.toFixed(2) })})`
        : name;
    });

  const csv = (part: 'nodes' | 'edges') =>
    run(part, async (m) => {
      const view = props.view;
      if (view === null) throw new Error(t('noView'));
      const text = await runJob({ kind: 'csv', part, view, meta: m });
      const name = exportFileName(m, 'csv', part);
      // A byte-order mark: spreadsheet programs then read the file as UTF-8 (names in any script).
      downloadText(`\ufeff${text}`, name, 'text/csv;charset=utf-8');
      return name;
    });

  const annotations =
    props.annotations !== undefined && props.annotations.length > 0 ? props.annotations : undefined;

  const datasetCut = () =>
    run('dataset', async (m) => {
      let text: string;
      if (props.serverId !== null) {
        text = await serverWindowDataset(props.serverId, m.window);
        if (annotations !== undefined) text = await runJob({ kind: 'annotate', text, annotations });
      } else {
        text = await runJob({ kind: 'cut', dataset: props.dataset, meta: m, annotations });
      }
      const name = exportFileName(m, 'json', 'dataset');
      downloadText(text, name, 'application/json');
      return name;
    });

  const report = () =>
    run('report', async (m) => {
      const dataset =
        props.serverId !== null ? await serverWindowDataset(props.serverId, m.window) : props.dataset;
      const text = await runJob({ kind: 'report', dataset, meta: m, filters: props.filters, annotations });
      const name = exportFileName(m, 'html', 'report');
      downloadText(text, name, 'text/html;charset=utf-8');
      return name;
    });

  const capped = props.serverId !== null && props.dataset.caps != null;
  return (
    <div className="export-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {t('button')}
      </button>
      {open && (
        <div className="export-panel" id={panelId} role="group" aria-label={t('menuLabel')}>
          <fieldset>
            <legend>{t('picture')}</legend>
            <div className="export-options">
              <label>
                <input type="radio" name={`${panelId}-part`} checked={full} onChange={() => setFull(true)} />
                {t('fullGraph')}
              </label>
              <label>
                <input
                  type="radio"
                  name={`${panelId}-part`}
                  checked={!full}
                  onChange={() => setFull(false)}
                />
                {t('visiblePart')}
              </label>
              <label>
                {t('scale')}{' '}
                <select value={scale} onChange={(e) => setScale(Number(e.target.value) as Scale)}>
                  {SCALES.map((s) => (
                    <option key={s} value={s}>
                      {s}×
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <div className="export-buttons">
              <button type="button" disabled={busy !== null} onClick={() => void picture('png')}>
                {t('png')}
              </button>
              <button type="button" disabled={busy !== null} onClick={() => void picture('svg')}>
                {t('svg')}
              </button>
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('tables')}</legend>
            <div className="export-buttons">
              <button type="button" disabled={busy !== null} onClick={() => void csv('nodes')}>
                {t('nodesCsv')}
              </button>
              <button type="button" disabled={busy !== null} onClick={() => void csv('edges')}>
                {t('edgesCsv')}
              </button>
            </div>
            {capped && <p className="export-note">{t('cappedNote')}</p>}
          </fieldset>
          <fieldset>
            <legend>{t('caseFile')}</legend>
            <div className="export-buttons">
              <button type="button" disabled={busy !== null} onClick={() => void datasetCut()}>
                {t('datasetCut')}
              </button>
              <button type="button" disabled={busy !== null} onClick={() => void report()}>
                {t('report')}
              </button>
            </div>
          </fieldset>
          <p className="export-status" role="status" aria-live="polite">
            {busy !== null ? t('working') : status?.kind === 'done' ? status.text : ''}
          </p>
          {status?.kind === 'error' && (
            <p className="export-error" role="alert">
              {status.text}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
