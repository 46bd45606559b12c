import { useId, useState, type FormEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetSummary } from '../../lib/api';
import { formatCount, formatRange, formatUtc } from './format';
import { useDatasetStateLabel } from './state-label';

export interface DatasetActions {
  onOpen: (id: string) => void;
  /** A real link for each dataset (copy, middle-click); the plain click goes through onOpen. */
  openHref?: ((id: string) => string) | undefined;
  onRename: (id: string, name: string) => Promise<unknown>;
  onDelete: (id: string) => Promise<unknown>;
}

/** The datasets on the server: name, state, time range, counts, and what can be done with each. */
export function DatasetTable({
  datasets,
  actions,
}: {
  datasets: readonly DatasetSummary[];
  actions: DatasetActions;
}) {
  const { t } = useTranslation('datasets');
  return (
    <table className="dataset-table">
      <caption className="visually-hidden">{t('onServerLabel')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('column.name')}</th>
          <th scope="col">{t('column.state')}</th>
          <th scope="col">{t('column.timeRange')}</th>
          <th scope="col">{t('column.events')}</th>
          <th scope="col">{t('column.edges')}</th>
          <th scope="col">{t('column.nodes')}</th>
          <th scope="col">{t('column.created')}</th>
          <th scope="col">{t('column.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {datasets.map((d) => (
          <DatasetRow key={d.id} dataset={d} actions={actions} />
        ))}
      </tbody>
    </table>
  );
}

type Mode = { kind: 'view' } | { kind: 'rename' } | { kind: 'confirm-delete' };

function DatasetRow({ dataset, actions }: { dataset: DatasetSummary; actions: DatasetActions }) {
  const { t, i18n } = useTranslation('datasets');
  const stateLabel = useDatasetStateLabel();
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [draft, setDraft] = useState(dataset.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const renameId = useId();
  const confirmId = useId();

  const run = async (action: () => Promise<unknown>, after: Mode) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setMode(after);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const saveName = (e: FormEvent) => {
    e.preventDefault();
    const name = draft.trim();
    if (name === '' || name === dataset.name) {
      setMode({ kind: 'view' });
      return;
    }
    void run(() => actions.onRename(dataset.id, name), { kind: 'view' });
  };

  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    // Let the browser handle new-tab clicks on the real link.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    actions.onOpen(dataset.id);
  };

  return (
    <tr aria-label={dataset.name}>
      <td>
        {mode.kind === 'rename' ? (
          <form onSubmit={saveName} className="inline-form">
            <label htmlFor={renameId} className="visually-hidden">
              {t('newNameFor', { name: dataset.name })}
            </label>
            <input
              id={renameId}
              type="text"
              value={draft}
              maxLength={200}
              onChange={(e) => setDraft(e.target.value)}
              autoFocus
            />
            <button type="submit" disabled={busy}>
              {t('save')}
            </button>
            <button type="button" onClick={() => setMode({ kind: 'view' })}>
              {t('cancel')}
            </button>
          </form>
        ) : (
          <span className="dataset-name">{dataset.name}</span>
        )}
      </td>
      <td>
        {stateLabel(dataset.state)}
        {dataset.error ? <span className="dataset-error">: {dataset.error}</span> : null}
      </td>
      <td>{formatRange(dataset.timeRange) ?? t('noEvents')}</td>
      <td className="num">{formatCount(dataset.counts.events, i18n.language)}</td>
      <td className="num">{formatCount(dataset.counts.edges, i18n.language)}</td>
      <td className="num">{formatCount(dataset.counts.nodes, i18n.language)}</td>
      <td>{formatUtc(dataset.createdAt)}</td>
      <td className="actions">
        {mode.kind === 'confirm-delete' ? (
          <div role="alertdialog" aria-labelledby={confirmId} className="confirm">
            <span id={confirmId}>{t('confirmDelete', { name: dataset.name })}</span>
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(() => actions.onDelete(dataset.id), { kind: 'view' })}
            >
              {t('yesDelete')}
            </button>
            <button type="button" onClick={() => setMode({ kind: 'view' })}>
              {t('keep')}
            </button>
          </div>
        ) : (
          <>
            <a
              href={actions.openHref?.(dataset.id) ?? '#'}
              onClick={open}
              aria-label={t('openLabel', { name: dataset.name })}
            >
              {t('open')}
            </a>
            <button
              type="button"
              onClick={() => {
                setDraft(dataset.name);
                setMode({ kind: 'rename' });
              }}
              aria-label={t('renameLabel', { name: dataset.name })}
            >
              {t('rename')}
            </button>
            <button
              type="button"
              onClick={() => setMode({ kind: 'confirm-delete' })}
              aria-label={t('deleteLabel', { name: dataset.name })}
            >
              {t('delete')}
            </button>
          </>
        )}
        {error !== null && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
