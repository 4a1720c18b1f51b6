/** What the keyed worksheet says beside its boxes: a group's viability and the checker's findings. */
import type { Finding, WorksheetEvaluation } from '../../api/types';
import { FindingChip } from '../ui';

export function Viability({ evaluation, candidate }: { evaluation: WorksheetEvaluation | null; candidate: string }) {
  if (!evaluation || evaluation.eligibleAttendees <= 0) return <span className="muted">—</span>;
  if (evaluation.threshold === null) return <span className="muted">No threshold</span>;
  const first = evaluation.viableFirst.includes(candidate);
  const final = evaluation.viableFinal.includes(candidate);
  if (first) return <span className="viable yes">Viable</span>;
  if (final) return <span className="viable yes">Viable after realigning</span>;
  return <span className="viable no">Not viable</span>;
}

export function FindingMessage({ finding, id }: { finding: Finding; id?: string }) {
  return (
    <p
      className={`field-message ${finding.code === 'MISSING_DATA' ? 'info' : 'warning'}`}
      id={id}
      data-finding={finding.code}
    >
      {finding.message}
    </p>
  );
}

export function FindingLine({ finding }: { finding: Finding }) {
  return (
    <li className={finding.code === 'MISSING_DATA' ? 'info' : 'warning'} data-finding={finding.code}>
      <FindingChip code={finding.code} />
      <span>{finding.message}</span>
    </li>
  );
}
