/**
 * Certification with the chair's PIN typed again (the session alone is not enough for a final act):
 * for one verified precinct, or for the county once every precinct is certified.
 */
import { useState } from 'react';
import { errorMessage } from '../api/client';
import { useCertifyCounty, useCertifyPrecinct } from '../api/hooks';
import { useSession } from '../session';
import './CertifyPanel.css';

export function CertifyForm({
  what,
  precinct,
  label,
}: {
  /** "precinct" certifies `precinct`; "county" the whole county. */
  what: 'precinct' | 'county';
  precinct?: string;
  label: string;
}) {
  const { person } = useSession();
  const certifyPrecinct = useCertifyPrecinct();
  const certifyCounty = useCertifyCounty();
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const pending = certifyPrecinct.isPending || certifyCounty.isPending;
  if (person?.role !== 'chair') {
    return <p className="hint">Only the county chair certifies, with their PIN.</p>;
  }
  const onError = (error: unknown) => {
    setProblem(errorMessage(error));
    setPin('');
  };
  return (
    <form
      className="certify-form"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        if (!pin) return setProblem('Type your PIN to certify.');
        if (what === 'precinct' && precinct) {
          certifyPrecinct.mutate({ session: person.session, pin, precinct }, { onError, onSuccess: () => setPin('') });
        } else {
          certifyCounty.mutate({ session: person.session, pin }, { onError, onSuccess: () => setPin('') });
        }
      }}
    >
      <label className="field inline">
        <span className="field-label">{person.name}’s PIN</span>
        <input
          aria-label="Chair’s PIN to certify"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          value={pin}
          onChange={(event) => {
            setPin(event.target.value.replace(/\D/g, ''));
            setProblem(null);
          }}
        />
      </label>
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? 'Certifying…' : label}
      </button>
      {problem ? (
        <p className="field-message error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
