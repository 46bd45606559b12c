import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api';
import { exportWindowToCluster, listClusters, type EsExportResult } from './api';

export interface EsExportWindowProps {
  datasetId: string;
  /** The window on screen (UTC); the export describes exactly it. */
  window: { from: string; to: string };
}

/**
 * "Export window to ES": writes the window's account and host rankings with their reasons and its
 * detections into a configured cluster, for Kibana dashboards and alerting. Shown only when the
 * server has clusters configured; exporting the same window again replaces its documents.
 */
export function EsExportWindow({ datasetId, window }: EsExportWindowProps) {
  const { t } = useTranslation('esLoad');
  const clusters = useQuery({ queryKey: ['es', 'clusters'], queryFn: ({ signal }) => listClusters(signal) });
  const [chosen, setChosen] = useState<string | null>(null);
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'running' }
    | { kind: 'done'; result: EsExportResult }
    | { kind: 'failed'; message: string }
  >({ kind: 'idle' });
  const list = clusters.data ?? [];
  if (list.length === 0) return null;
  const cluster = chosen ?? list[0]!.name;
  const run = async () => {
    setState({ kind: 'running' });
    try {
      const result = await exportWindowToCluster({ cluster, datasetId, ...window });
      setState({ kind: 'done', result });
    } catch (e) {
      setState({ kind: 'failed', message: errorMessage(e) });
    }
  };
  return (
    <p className="notice es-export">
      <label>
        {t('cluster')}{' '}
        <select value={cluster} onChange={(e) => setChosen(e.target.value)}>
          {list.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" disabled={state.kind === 'running'} onClick={() => void run()}>
        {t('export.run')}
      </button>{' '}
      <span role="status">
        {state.kind === 'running' && t('export.running')}
        {state.kind === 'done' &&
          t('export.done', {
            accounts: state.result.accounts,
            hosts: state.result.hosts,
            detections: state.result.detections,
            cluster: state.result.cluster,
          })}
        {state.kind === 'failed' && t('export.failed', { error: state.message })}
      </span>
    </p>
  );
}
