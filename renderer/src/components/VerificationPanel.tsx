/** A precinct's verification: what verifies it, the chair's resolution, certification, recounts and corrections. */
import type { PrecinctDetail } from '../api/types';
import { formatTime, joinNames } from '../format';
import { useSession } from '../session';
import { CertifyForm } from './CertifyPanel';
import { PolicyNote } from './PolicyNote';
import './VerificationPanel.css';

export function VerificationPanel({ detail }: { detail: PrecinctDetail }) {
  const { navigate, person } = useSession();
  const { verification, status, precinct } = detail;
  return (
    <div className="verification-panel">
      <PolicyNote />
      {verification.resolution ? (
        <div className="verification-fact" data-testid="resolution">
          <p>
            <strong>Resolved</strong> by {verification.resolution.operator},{' '}
            {formatTime(verification.resolution.resolvedAt)}: report #{verification.resolution.chosenReportId} has the
            right numbers — “{verification.resolution.reason}”
            {verification.overruled.length > 0
              ? ` Set aside: ${joinNames(verification.overruled.map((id) => `#${id}`))}.`
              : ''}
          </p>
        </div>
      ) : null}
      {status === 'verified' ? (
        <div className="verification-fact">
          <p>
            <strong>Verified</strong> by {joinNames([...verification.verifiedBy])}. The chair can certify this result.
          </p>
          <CertifyForm what="precinct" precinct={precinct.code} label={`Certify precinct ${precinct.code}`} />
        </div>
      ) : null}
      {status === 'conflict' ? (
        <div className="verification-fact">
          <button
            type="button"
            className="button small"
            onClick={() => navigate({ screen: 'discrepancies', precinct: precinct.code })}
          >
            Open in the discrepancy queue
          </button>
        </div>
      ) : null}
      {verification.certification ? (
        <div className="verification-fact" data-testid="certification">
          <p>
            <strong>Certified</strong> by {verification.certification.operator},{' '}
            {formatTime(verification.certification.certifiedAt)} (report #{verification.certification.reportId}). It
            changes only through a recount or a correction.
          </p>
          {verification.changes.length > 0 ? (
            <ul className="change-list">
              {verification.changes.map((change) => (
                <li key={change.id}>
                  {change.kind === 'recount' ? 'Recount' : 'Correction'} by {change.operator},{' '}
                  {formatTime(change.changedAt)} (report #{change.reportId}): “{change.reason}”
                </li>
              ))}
            </ul>
          ) : null}
          {status === 'certified' && verification.changes.length > 0 ? (
            <CertifyForm what="precinct" precinct={precinct.code} label="Certify the recounted result" />
          ) : null}
          {person && person.role !== 'entry' ? (
            <button
              type="button"
              className="button small"
              onClick={() => navigate({ screen: 'recount', precinct: precinct.code })}
            >
              Enter a recount
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
