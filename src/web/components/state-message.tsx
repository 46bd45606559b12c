import './state-message.css';
import type { ReactNode } from 'react';

/** The explicit loading, empty and error states: never a blank area. */
export function StateMessage({
  kind,
  title,
  children,
}: {
  kind: 'loading' | 'empty' | 'error';
  title: string;
  children?: ReactNode;
}) {
  return (
    <div
      className={`state-message ${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      aria-busy={kind === 'loading'}
    >
      <h2>{title}</h2>
      {children}
    </div>
  );
}
