/** The precinct table with filters by status, finding code and text; a row opens the precinct. */
import { useMemo } from 'react';
import { usePrecinctLeases } from '../api/team-hooks';
import {
  FINDING_CODES,
  FINDING_LABELS,
  type FindingCode,
  type Overview,
  type PrecinctStatus,
  SOURCE_LABELS,
  STATUS_LABELS,
  STATUSES,
} from '../api/types';
import { formatTime, plural } from '../format';
import { FindingChip, StatusBadge } from './ui';
import './PrecinctList.css';

export interface PrecinctFilter {
  readonly status: PrecinctStatus | 'all';
  readonly finding: FindingCode | 'all' | 'any';
  readonly text: string;
}

export const NO_FILTER: PrecinctFilter = { status: 'all', finding: 'all', text: '' };

interface Props {
  readonly overview: Overview;
  readonly filter: PrecinctFilter;
  onFilterChange(filter: PrecinctFilter): void;
  onOpen(code: string): void;
  readonly compact?: boolean;
}

export function PrecinctList({ overview, filter, onFilterChange, onOpen, compact = false }: Props) {
  const rows = useMemo(() => {
    const text = filter.text.trim().toLowerCase();
    return overview.precincts.filter((row) => {
      if (filter.status !== 'all' && row.status !== filter.status) return false;
      if (filter.finding === 'any' && row.findings.length === 0) return false;
      if (filter.finding !== 'all' && filter.finding !== 'any' && !row.findings.includes(filter.finding)) return false;
      if (text && !row.code.toLowerCase().includes(text) && !row.name.toLowerCase().includes(text)) return false;
      return true;
    });
  }, [overview.precincts, filter]);

  // Team mode: who has which precinct open on which laptop, so two people do not key the same sheet.
  const leases = usePrecinctLeases();
  const openBy = useMemo(() => {
    const byPrecinct = new Map<string, string[]>();
    for (const lease of leases.data ?? []) {
      const who = `open on ${lease.stationName}${lease.operator ? ` by ${lease.operator}` : ''}`;
      byPrecinct.set(lease.precinct, [...(byPrecinct.get(lease.precinct) ?? []), who]);
    }
    return byPrecinct;
  }, [leases.data]);

  const filtered = filter.status !== 'all' || filter.finding !== 'all' || filter.text.trim() !== '';

  return (
    <div className="precinct-list">
      <div className="filter-bar">
        <label className="field inline grow">
          <span className="field-label">Search</span>
          <input
            type="search"
            aria-label="Search precincts"
            placeholder="Precinct code or name"
            value={filter.text}
            onChange={(event) => onFilterChange({ ...filter, text: event.target.value })}
          />
        </label>
        <label className="field inline">
          <span className="field-label">Status</span>
          <select
            aria-label="Filter by status"
            value={filter.status}
            onChange={(event) => onFilterChange({ ...filter, status: event.target.value as PrecinctFilter['status'] })}
          >
            <option value="all">All statuses ({overview.statusCounts.total})</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]} ({overview.statusCounts[status]})
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span className="field-label">Finding</span>
          <select
            aria-label="Filter by finding"
            value={filter.finding}
            onChange={(event) =>
              onFilterChange({ ...filter, finding: event.target.value as PrecinctFilter['finding'] })
            }
          >
            <option value="all">All precincts</option>
            <option value="any">Any finding</option>
            {FINDING_CODES.map((code) => (
              <option key={code} value={code}>
                {FINDING_LABELS[code]} ({overview.findingCounts[code] ?? 0})
              </option>
            ))}
          </select>
        </label>
        {filtered ? (
          <button type="button" className="button ghost" onClick={() => onFilterChange(NO_FILTER)}>
            Clear filters
          </button>
        ) : null}
      </div>
      <p className="list-count" aria-live="polite">
        Showing {rows.length} of {plural(overview.precincts.length, 'precinct')}
      </p>
      {rows.length === 0 ? (
        <div className="list-empty">No precinct matches these filters. Clear them to see every precinct.</div>
      ) : (
        <div className="table-wrap">
          <table className="data-table precinct-table" aria-label="Precincts">
            <thead>
              <tr>
                <th scope="col">Precinct</th>
                <th scope="col">Name</th>
                <th scope="col" className="num">
                  Delegates
                </th>
                <th scope="col">Status</th>
                <th scope="col">Findings</th>
                {compact ? null : <th scope="col">Sources</th>}
                {compact ? null : (
                  <th scope="col" className="num">
                    Reports
                  </th>
                )}
                <th scope="col">Last received</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.code} className="clickable" data-precinct={row.code} onClick={() => onOpen(row.code)}>
                  <td>
                    <button
                      type="button"
                      className="link-button mono"
                      onClick={(event) => {
                        event.stopPropagation();
                        onOpen(row.code);
                      }}
                      aria-label={`Open precinct ${row.code} ${row.name}`}
                    >
                      {row.code}
                    </button>
                  </td>
                  <td>
                    {row.name}
                    {openBy.get(row.code)?.map((who) => (
                      <span key={who} className="open-marker" data-testid="open-marker">
                        {who}
                      </span>
                    ))}
                  </td>
                  <td className="num">{row.delegates}</td>
                  <td>
                    <StatusBadge status={row.status} />
                  </td>
                  <td>
                    {row.findings.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <span className="chip-row">
                        {row.findings.map((code) => (
                          <FindingChip key={code} code={code} />
                        ))}
                      </span>
                    )}
                  </td>
                  {compact ? null : (
                    <td>{row.sources.length ? row.sources.map((source) => SOURCE_LABELS[source]).join(', ') : '—'}</td>
                  )}
                  {compact ? null : <td className="num">{row.reportCount}</td>}
                  <td className="received-at">{formatTime(row.lastReceivedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
