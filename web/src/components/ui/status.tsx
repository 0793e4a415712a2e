/** Small status blocks shared by every screen: loading, success notice, empty state. */
import type { ReactNode } from 'react';

/** A polite live region saying something is loading. */
export const Loading = ({ label }: { label: string }) => (
  <p className="loading" role="status" aria-live="polite">
    <span className="spinner" aria-hidden="true" />
    {label}
  </p>
);

/** A success message, announced by screen readers. */
export const Notice = ({ children }: { children: ReactNode }) => (
  <p className="notice notice-success" role="status">
    {children}
  </p>
);

/** What a list shows when it has nothing. */
export const EmptyState = ({ title, hint }: { title: string; hint?: string }) => (
  <div className="empty-state">
    <p className="empty-title">{title}</p>
    {hint ? <p className="muted">{hint}</p> : null}
  </div>
);
