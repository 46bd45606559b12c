import './panel.css';
import type { ReactNode } from 'react';

/** A collapsible side-panel section. */
export function Panel({
  title,
  open,
  onToggle,
  children,
}: {
  title: string;
  open: boolean;
  onToggle(): void;
  children: ReactNode;
}) {
  return (
    <section className="panel">
      <h2>
        <button type="button" aria-expanded={open} onClick={onToggle}>
          {open ? '▾' : '▸'} {title}
        </button>
      </h2>
      {open && <div className="panel-body">{children}</div>}
    </section>
  );
}
