import { useId, useState, type FormEvent, type MouseEvent } from 'react';
import type { DatasetSummary } from '../../lib/api';
import { formatCount, formatRange, formatUtc } from './format';

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
  return (
    <table className="dataset-table">
      <caption className="visually-hidden">Datasets on this server</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">State</th>
          <th scope="col">Time range (UTC)</th>
          <th scope="col">Events</th>
          <th scope="col">Edges</th>
          <th scope="col">Nodes</th>
          <th scope="col">Created</th>
          <th scope="col">Actions</th>
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
              New name for {dataset.name}
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
              Save
            </button>
            <button type="button" onClick={() => setMode({ kind: 'view' })}>
              Cancel
            </button>
          </form>
        ) : (
          <span className="dataset-name">{dataset.name}</span>
        )}
      </td>
      <td>
        {dataset.state}
        {dataset.error ? <span className="dataset-error">: {dataset.error}</span> : null}
      </td>
      <td>{formatRange(dataset.timeRange)}</td>
      <td className="num">{formatCount(dataset.counts.events)}</td>
      <td className="num">{formatCount(dataset.counts.edges)}</td>
      <td className="num">{formatCount(dataset.counts.nodes)}</td>
      <td>{formatUtc(dataset.createdAt)}</td>
      <td className="actions">
        {mode.kind === 'confirm-delete' ? (
          <div role="alertdialog" aria-labelledby={confirmId} className="confirm">
            <span id={confirmId}>
              Delete “{dataset.name}” and all its events from the server? This cannot be undone.
            </span>
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(() => actions.onDelete(dataset.id), { kind: 'view' })}
            >
              Yes, delete
            </button>
            <button type="button" onClick={() => setMode({ kind: 'view' })}>
              Keep it
            </button>
          </div>
        ) : (
          <>
            <a
              href={actions.openHref?.(dataset.id) ?? '#'}
              onClick={open}
              aria-label={`Open ${dataset.name} in the graph`}
            >
              Open
            </a>
            <button
              type="button"
              onClick={() => {
                setDraft(dataset.name);
                setMode({ kind: 'rename' });
              }}
              aria-label={`Rename ${dataset.name}`}
            >
              Rename
            </button>
            <button
              type="button"
              onClick={() => setMode({ kind: 'confirm-delete' })}
              aria-label={`Delete ${dataset.name}`}
            >
              Delete
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
