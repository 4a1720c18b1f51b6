/** The audit's six steps, with where the verifier is now. */
import type { AuditView } from '../../api/audit-hooks';

export const AUDIT_STEPS = [
  'Risk limit and seed',
  'Sampled precincts',
  'Hand tallies',
  'Measured risk',
  'Stop or escalate',
  'Report',
] as const;

/** 1..6: the step the audit waits on. */
export function currentStep(audit: AuditView | null): number {
  if (!audit) return 1;
  if (audit.status === 'ready-to-draw') return 2;
  if (audit.status === 'counting') return 3;
  const measuredLatest = audit.rounds.at(-1)?.measurement !== null;
  if (!measuredLatest) return 4;
  return audit.status === 'another-round' || audit.status === 'full-hand-count' ? 5 : 6;
}

export function AuditSteps({ step }: { step: number }) {
  return (
    <ol className="audit-steps" aria-label="Audit steps" style={STEPS_STYLE}>
      {AUDIT_STEPS.map((label, index) => {
        const number = index + 1;
        const state = number < step ? 'done' : number === step ? 'current' : 'todo';
        return (
          <li
            key={label}
            aria-current={state === 'current' ? 'step' : undefined}
            data-state={state}
            style={{
              ...STEP_STYLE,
              background:
                state === 'current' ? 'var(--accent)' : state === 'done' ? 'var(--accent-soft)' : 'transparent',
              color: state === 'current' ? '#fff' : state === 'done' ? 'var(--accent-strong)' : 'var(--muted)',
            }}
          >
            <strong>{number}</strong> {label}
          </li>
        );
      })}
    </ol>
  );
}

const STEPS_STYLE = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: 6,
  listStyle: 'none',
  padding: 0,
  margin: '0 0 16px',
} as const;
const STEP_STYLE = {
  border: '1px solid var(--border)',
  borderRadius: 999,
  padding: '4px 12px',
  fontSize: 13,
} as const;
