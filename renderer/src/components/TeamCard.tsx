/** The county team: who may sign in and with which role; the chair adds people (each with their own PIN). */
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/client';
import { useAddOperator, useTeam } from '../api/hooks';
import { type OperatorRoleName, PIN_PATTERN, PIN_RULE, ROLE_LABELS } from '../api/types';
import { useSession } from '../session';
import { Card, ErrorNotice, Notice } from './ui';
import './TeamCard.css';

const ROLE_HINTS: Record<OperatorRoleName, string> = {
  chair: 'resolves discrepancies, certifies, signs bundles, adds people',
  entry: 'keys worksheets and phoned-in reports',
  verifier: 'enters hand counts of a recount, keys worksheets',
};

export function TeamCard() {
  const team = useTeam();
  const { person } = useSession();
  const add = useAddOperator();
  const [draft, setDraft] = useState<{ name: string; role: OperatorRoleName; pin: string }>({
    name: '',
    role: 'entry',
    pin: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    if (!person) return;
    if (!draft.name.trim()) return setProblem('Type the person’s name as they will sign in.');
    if (!PIN_PATTERN.test(draft.pin)) return setProblem(`${PIN_RULE} Let the person type it themselves.`);
    add.mutate(
      { session: person.session, name: draft.name.trim(), role: draft.role, pin: draft.pin },
      {
        onSuccess: (operator) => {
          setAdded(`${operator.name} can now sign in as ${ROLE_LABELS[operator.role].toLowerCase()}.`);
          setDraft({ name: '', role: draft.role, pin: '' });
          setProblem(null);
        },
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  };

  return (
    <Card title="County team">
      <ErrorNotice error={team.error} />
      <ul className="team-list" aria-label="County team">
        {(team.data?.operators ?? []).map((operator) => (
          <li key={operator.name}>
            <span className="team-name">{operator.name}</span>
            <span className={`role-chip role-${operator.role}`}>{ROLE_LABELS[operator.role]}</span>
            <span className="muted">{ROLE_HINTS[operator.role]}</span>
          </li>
        ))}
      </ul>
      {person?.role === 'chair' ? (
        <form className="team-add" onSubmit={submit} aria-label="Add a person">
          <label className="field">
            <span className="field-label">Name</span>
            <input
              aria-label="New person’s name"
              autoComplete="off"
              maxLength={80}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          </label>
          <label className="field">
            <span className="field-label">Role</span>
            <select
              aria-label="Role"
              value={draft.role}
              onChange={(e) => setDraft({ ...draft, role: e.target.value as OperatorRoleName })}
            >
              <option value="entry">{ROLE_LABELS.entry}</option>
              <option value="verifier">{ROLE_LABELS.verifier}</option>
              <option value="chair">{ROLE_LABELS.chair}</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">Their PIN</span>
            <input
              aria-label="New person’s PIN"
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              maxLength={12}
              value={draft.pin}
              onChange={(e) => setDraft({ ...draft, pin: e.target.value.replace(/\D/g, '') })}
            />
          </label>
          <button type="submit" className="button primary" disabled={add.isPending}>
            Add to team
          </button>
        </form>
      ) : (
        <p className="hint">The county chair adds people to the team.</p>
      )}
      {problem ? (
        <p className="field-message error" role="alert">
          {problem}
        </p>
      ) : null}
      {added ? (
        <Notice kind="success" role="status">
          {added}
        </Notice>
      ) : null}
    </Card>
  );
}
