/** The hash-chained audit log: every change, who made it and when; verify the chain. */
import { useState } from 'react';
import { useAuditLog, useVerifyAuditLog } from '../api/hooks';
import { type AuditEntry, type ReportSource, SOURCE_LABELS } from '../api/types';
import { Card, EmptyState, ErrorNotice, Loading, PageHeader } from '../components/ui';
import { formatCount, formatTime } from '../format';
import './AuditLog.css';

const PAGE_SIZE = 25;

export function AuditLog() {
  const [offset, setOffset] = useState(0);
  const log = useAuditLog(offset, PAGE_SIZE);
  const verify = useVerifyAuditLog();

  const total = log.data?.total ?? 0;
  const lastPageOffset = Math.max(0, Math.floor((total - 1) / PAGE_SIZE) * PAGE_SIZE);
  const page = Math.floor(offset / PAGE_SIZE) + 1;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div className="screen">
      <PageHeader
        title="Audit log"
        subtitle="Every change, who made it and when, newest first. Each entry carries the hash of the one before it, so any edit to history breaks the chain."
        actions={
          <button type="button" className="button primary" onClick={() => verify.mutate()} disabled={verify.isPending}>
            {verify.isPending ? 'Verifying…' : 'Verify chain'}
          </button>
        }
      />
      <VerifyResult verify={verify} />
      <Card>
        {log.isPending ? (
          <Loading label="Loading the audit log…" />
        ) : log.isError ? (
          <ErrorNotice error={log.error} title="The audit log could not be loaded." />
        ) : log.data.entries.length === 0 ? (
          <EmptyState title="No entries yet">
            <p>Entries appear here as soon as the county is set up and results arrive.</p>
          </EmptyState>
        ) : (
          <>
            <div className="table-wrap">
              <table className="data-table audit-table" aria-label="Audit log entries">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Seq
                    </th>
                    <th scope="col">Time</th>
                    <th scope="col">Operator</th>
                    <th scope="col">Action</th>
                    <th scope="col">Details</th>
                    <th scope="col">Hash</th>
                  </tr>
                </thead>
                <tbody>
                  {log.data.entries.map((entry) => (
                    <AuditRow key={entry.seq} entry={entry} />
                  ))}
                </tbody>
              </table>
            </div>
            <div className="pager">
              <span className="muted">
                Entries {formatCount(offset + 1)}–{formatCount(Math.min(offset + PAGE_SIZE, total))} of{' '}
                {formatCount(total)}
              </span>
              <div className="pager-buttons">
                <button type="button" className="button small" disabled={offset === 0} onClick={() => setOffset(0)}>
                  First
                </button>
                <button
                  type="button"
                  className="button small"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                >
                  Previous
                </button>
                <span className="pager-page">
                  Page {page} of {pages}
                </span>
                <button
                  type="button"
                  className="button small"
                  disabled={offset + PAGE_SIZE >= total}
                  onClick={() => setOffset(offset + PAGE_SIZE)}
                >
                  Next
                </button>
                <button
                  type="button"
                  className="button small"
                  disabled={offset >= lastPageOffset}
                  onClick={() => setOffset(lastPageOffset)}
                >
                  Last
                </button>
              </div>
            </div>
          </>
        )}
      </Card>
    </div>
  );
}

function VerifyResult({ verify }: { verify: ReturnType<typeof useVerifyAuditLog> }) {
  if (verify.isError) return <ErrorNotice error={verify.error} title="The chain could not be checked." />;
  if (!verify.data) return null;
  const result = verify.data;
  if (result.valid) {
    return (
      <div className="verify-banner valid" role="status" data-valid="true">
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="12" cy="12" r="10" />
          <path d="M7 12.5l3.2 3.2L17 9" />
        </svg>
        <div>
          <strong>Chain intact.</strong> All {formatCount(result.entries)} entries link up; no entry was changed or
          removed. Head hash <code className="hash">{result.headHash.slice(0, 16)}…</code>
        </div>
      </div>
    );
  }
  return (
    <div className="verify-banner broken" role="alert" data-valid="false">
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="12" cy="12" r="10" />
        <path d="M8 8l8 8M16 8l-8 8" />
      </svg>
      <div>
        <strong>Chain broken at entry {result.brokenAtSeq}.</strong> {result.reason} History from that entry on cannot
        be trusted: tell the county chair now.
      </div>
    </div>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const summary = summarizePayload(entry.payload);
  return (
    <tr>
      <td className="num">{entry.seq}</td>
      <td className="nowrap">{formatTime(entry.at)}</td>
      <td>{entry.operator}</td>
      <td>
        <span className="action-name">{entry.action}</span>
      </td>
      <td className="payload-cell" title={summary.full}>
        {summary.short}
      </td>
      <td>
        <code className="hash" title={entry.hash}>
          {entry.hash.slice(0, 12)}
        </code>
      </td>
    </tr>
  );
}

/** A readable one-line summary of an entry's payload, e.g. "precinct P3 · source Keyed in · 6 lines". */
export function summarizePayload(payload: unknown): { short: string; full: string } {
  const full = safeJson(payload);
  if (payload === null || payload === undefined) return { short: '—', full: '' };
  if (typeof payload !== 'object') return { short: truncate(String(payload)), full };
  const parts: string[] = [];
  for (const [key, value] of Object.entries(payload as Record<string, unknown>)) {
    if (value === null || value === undefined) continue;
    const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
    if (Array.isArray(value)) parts.push(`${value.length} ${value.length === 1 ? singular(words) : words}`);
    else if (typeof value === 'object') continue;
    else if (typeof value === 'string' && /^[0-9a-f]{40,}$/.test(value)) parts.push(`${words} ${value.slice(0, 10)}…`);
    else if (key === 'source' && typeof value === 'string' && value in SOURCE_LABELS) {
      // The stored code ('manual', 'usb') in the app's words ('Keyed in', 'USB stick').
      parts.push(`${words} ${SOURCE_LABELS[value as ReportSource]}`);
    } else parts.push(`${words} ${truncate(String(value), 48)}`);
  }
  return { short: truncate(parts.join(' · ') || '—'), full };
}

function singular(words: string): string {
  if (words.endsWith('sses')) return words.slice(0, -2);
  return words.endsWith('s') ? words.slice(0, -1) : words;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 1) ?? '';
  } catch {
    return String(value);
  }
}

function truncate(text: string, max = 110): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
