/**
 * Sign in with name and PIN on the shared laptop. Every change is recorded under the person signed in,
 * so each person keys under their own name and one person's two entries never verify each other.
 * A county without a chair yet (made on the command line) asks its first person to become the chair.
 */
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { useOverview, useSignIn, useSignUpChair, useTeam } from '../api/hooks';
import { CHAIR_PIN_PATTERN, CHAIR_PIN_RULE, DEMO_CHAIR, ROLE_LABELS } from '../api/types';
import { useSession } from '../session';
import { useModalDialog } from './useModalDialog';

export function SignInDialog() {
  const { authState, signedIn } = useSession();
  const signUp = authState === 'sign-up';
  const team = useTeam();
  const overview = useOverview();
  const signIn = useSignIn();
  const signUpChair = useSignUpChair();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const pending = signIn.isPending || signUpChair.isPending;
  const demo = overview.data?.election?.name.includes('(demo)') ?? false;
  // Modal without Escape: nothing on the laptop can be used until someone signs in.
  const dialogRef = useRef<HTMLDivElement>(null);
  useModalDialog(dialogRef);

  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  const submit = () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setProblem('Type your name as the chair added you.');
      nameRef.current?.focus();
      return;
    }
    if (!pin) {
      setProblem('Type your PIN.');
      pinRef.current?.focus();
      return;
    }
    if (signUp && !CHAIR_PIN_PATTERN.test(pin)) {
      setProblem(`${CHAIR_PIN_RULE} Choose one you will remember tonight.`);
      return;
    }
    const onError = (error: unknown) => {
      setProblem(errorMessage(error));
      setPin('');
      pinRef.current?.focus();
    };
    if (signUp) signUpChair.mutate({ name: trimmed, pin }, { onSuccess: signedIn, onError });
    else signIn.mutate({ name: trimmed, pin }, { onSuccess: signedIn, onError });
  };

  const names = team.data?.operators ?? [];
  return (
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        className="modal sign-in"
        role="dialog"
        aria-modal="true"
        aria-labelledby="sign-in-title"
        aria-describedby="sign-in-text"
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <h2 id="sign-in-title">{signUp ? 'Become the county chair' : 'Sign in'}</h2>
          <p id="sign-in-text">
            {signUp
              ? 'This county has no chair yet. The chair adds the rest of the team, resolves discrepancies and certifies results. Choose a PIN only you know.'
              : 'Every result you enter and every change you make is recorded under your name. Use your own name and PIN: a second entry only verifies a result when someone else keys it.'}
          </p>
          <label className="field">
            <span className="field-label">Name</span>
            <input
              ref={nameRef}
              aria-label="Name"
              autoComplete="off"
              list={signUp ? undefined : 'team-names'}
              value={name}
              maxLength={80}
              onChange={(event) => {
                setName(event.target.value);
                setProblem(null);
              }}
            />
            {signUp ? null : (
              <datalist id="team-names">
                {names.map((operator) => (
                  <option key={operator.name} value={operator.name}>
                    {ROLE_LABELS[operator.role]}
                  </option>
                ))}
              </datalist>
            )}
          </label>
          <label className="field">
            <span className="field-label">PIN</span>
            <input
              ref={pinRef}
              aria-label="PIN"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              value={pin}
              maxLength={12}
              onChange={(event) => {
                setPin(event.target.value.replace(/\D/g, ''));
                setProblem(null);
              }}
              aria-invalid={problem ? true : undefined}
            />
          </label>
          {problem ? (
            <p className="field-message error" role="alert">
              {problem}
            </p>
          ) : null}
          {demo && !signUp ? (
            <p className="hint demo-hint">
              Demo county: the chair is <strong>{DEMO_CHAIR.name}</strong>, PIN <strong>{DEMO_CHAIR.pin}</strong> (see
              the README for the rest of the demo team).
            </p>
          ) : null}
          <div className="modal-actions">
            <button type="submit" className="button primary" disabled={pending}>
              {pending ? 'Checking…' : signUp ? 'Become chair and sign in' : 'Sign in'}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
