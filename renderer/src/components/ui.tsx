import type { ReactNode } from 'react';
import { errorMessage } from '../api/client';
import { FINDING_LABELS, type FindingCode, type PrecinctStatus, STATUS_LABELS } from '../api/types';
import './ui.css';

export function StatusBadge({ status, large = false }: { status: PrecinctStatus; large?: boolean }) {
  return (
    <span className={`status-badge status-${status}${large ? ' large' : ''}`} data-status={status}>
      <span className="status-dot" aria-hidden="true" />
      {STATUS_LABELS[status]}
    </span>
  );
}

export function FindingChip({ code }: { code: FindingCode }) {
  return (
    <span className={`finding-chip${code === 'MISSING_DATA' ? ' muted' : ''}`} title={code} data-code={code}>
      {FINDING_LABELS[code]}
    </span>
  );
}

export function Kbd({ children }: { children: ReactNode }) {
  return <kbd className="kbd">{children}</kbd>;
}

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle ? <p className="page-subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}

export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <div className="notice notice-error" role="alert">
      <strong>{title ?? 'That did not work.'}</strong> <span>{errorMessage(error)}</span>
    </div>
  );
}

export function Notice({
  kind,
  children,
  role,
}: {
  kind: 'info' | 'success' | 'warning' | 'error';
  children: ReactNode;
  role?: 'status' | 'alert';
}) {
  return (
    <div className={`notice notice-${kind}`} role={role}>
      {children}
    </div>
  );
}

export function EmptyState({ title, children, actions }: { title: string; children?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="empty-state">
      <svg className="empty-icon" viewBox="0 0 48 48" aria-hidden="true">
        <rect x="9" y="6" width="30" height="36" rx="3" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M16 16h16M16 23h16M16 30h10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <h2>{title}</h2>
      {children ? <div className="empty-text">{children}</div> : null}
      {actions ? <div className="empty-actions">{actions}</div> : null}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function Card({
  title,
  children,
  actions,
  className,
}: {
  title?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  return (
    <section className={`card${className ? ` ${className}` : ''}`}>
      {title || actions ? (
        <div className="card-header">
          {title ? <h2>{title}</h2> : <span />}
          {actions ? <div className="card-actions">{actions}</div> : null}
        </div>
      ) : null}
      {children}
    </section>
  );
}
