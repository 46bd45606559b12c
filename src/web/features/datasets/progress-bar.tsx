import { useId } from 'react';

/** 0–100, floored, and 100 only when the work is really finished (an honest bar). */
export function percent(done: number, total: number | null, finished: boolean): number {
  if (finished) return 100;
  if (total === null || total <= 0) return 0;
  return Math.min(99, Math.max(0, Math.floor((done / total) * 100)));
}

/** A labelled progress bar with its percentage as text (screen readers and tests read both). */
export function ProgressBar({
  label,
  value,
  detail,
}: {
  label: string;
  value: number;
  detail?: string | undefined;
}) {
  const id = useId();
  return (
    <div className="progress-row">
      <span id={id} className="progress-label">
        {label}
      </span>
      <progress aria-labelledby={id} max={100} value={value} />
      <span className="progress-value">{value} %</span>
      {detail !== undefined && <span className="progress-detail">{detail}</span>}
    </div>
  );
}
