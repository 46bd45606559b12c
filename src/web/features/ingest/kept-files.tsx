import type { KeptFile } from '../../lib/file-store';
import { useTimeFormat } from '../../lib/use-time-format';

export interface KeptFilesProps {
  files: KeptFile[] | undefined;
  error: string | null;
  currentKey: string | null;
  onOpen(key: string): void;
  onRemove(key: string): void;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The dataset files this browser keeps (IndexedDB), to reopen or remove. */
export function KeptFiles({ files, error, currentKey, onOpen, onRemove }: KeptFilesProps) {
  const time = useTimeFormat();
  if (error !== null) return <p className="notice error">Kept files are unavailable: {error}</p>;
  if (files === undefined) return <p className="muted">Loading kept files…</p>;
  if (files.length === 0) return <p className="muted">No files kept in this browser yet.</p>;
  return (
    <ul className="kept-files" aria-label="Kept files">
      {files.map((f) => (
        <li key={f.key} className={f.key === currentKey ? 'current' : undefined}>
          <button type="button" className="link" onClick={() => onOpen(f.key)} title={`sha-256 ${f.key}`}>
            {f.name}
          </button>
          <span className="muted">
            {' '}
            {size(f.size)} · {time(f.addedAt, 'minute')}
          </span>
          <button type="button" onClick={() => onRemove(f.key)} aria-label={`Remove ${f.name}`}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
