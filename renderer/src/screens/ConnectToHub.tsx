/**
 * First run of a station laptop: connect to the county hub with the address and one-time code the
 * chair's screen shows. Pairing pins the hub's certificate; the fingerprint pinned is shown here so
 * the person can compare it with the one on the chair's screen before going on.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { type StationStatus, usePairWithHub } from '../api/team-hooks';
import './ConnectToHub.css';

/** The serve harness started with --station-of puts the hub's address in the page address (#hub=...). */
function suggestedHub(): string {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  return params.get('hub') ?? '';
}

export function ConnectToHub({ paired, onDone }: { paired: StationStatus | null; onDone(): void }) {
  const pair = usePairWithHub();
  const [hubUrl, setHubUrl] = useState(suggestedHub);
  const [code, setCode] = useState('');
  const [stationName, setStationName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const hubRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const continueRef = useRef<HTMLButtonElement>(null);
  const done = paired?.paired ? paired : null;

  // Focus once on arrival (the code box when the address is known) and once when pairing succeeds.
  const isDone = done !== null;
  const addressGiven = useRef(hubUrl !== '').current;
  useEffect(() => {
    if (isDone) continueRef.current?.focus();
    else (addressGiven ? codeRef : hubRef).current?.focus();
  }, [isDone, addressGiven]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!hubUrl.trim()) {
      setProblem('Type the hub address shown on the chair’s screen.');
      return hubRef.current?.focus();
    }
    if (!code.trim()) {
      setProblem('Type the pairing code shown on the chair’s screen.');
      return codeRef.current?.focus();
    }
    if (!stationName.trim()) {
      setProblem('Give this laptop a name the chair will recognise, like “Table 2 laptop”.');
      return nameRef.current?.focus();
    }
    pair.mutate(
      { hubUrl: hubUrl.trim(), code: code.trim(), stationName: stationName.trim() },
      {
        onError: (error) => {
          setProblem(errorMessage(error));
          codeRef.current?.focus();
        },
      },
    );
  };

  return (
    <div className="connect-screen">
      <div className="connect-panel card">
        <div className="brand connect-brand">
          <svg viewBox="0 0 32 32" className="brand-mark" aria-hidden="true">
            <rect x="2" y="2" width="28" height="28" rx="7" />
            <path d="M9 22V14M14 22V10M19 22v-6M24 22V12" />
          </svg>
          <span>Tallyroom</span>
        </div>
        {done ? (
          <section aria-labelledby="paired-title">
            <h1 id="paired-title">Connected to the county hub</h1>
            <p>
              This laptop is now the station <strong>{done.stationName}</strong> of the hub at{' '}
              <span className="mono">{done.hubUrl}</span>. From now on it talks only to the hub whose certificate has
              this fingerprint:
            </p>
            <p className="fingerprint-box mono" data-testid="pinned-fingerprint">
              {done.hubFingerprint}
            </p>
            <p className="hint">
              Check that the chair’s screen shows the same fingerprint. If it does not, tell the chair before entering
              anything.
            </p>
            <div className="form-actions">
              <button ref={continueRef} type="button" className="button primary large" onClick={onDone}>
                Continue to sign in
              </button>
            </div>
          </section>
        ) : (
          <form onSubmit={submit} aria-labelledby="connect-title">
            <h1 id="connect-title">Connect to the county hub</h1>
            <p>
              This laptop is a station: its worksheets go to the chair’s laptop (the hub), which keeps the county’s
              results. On the hub, the chair opens Team and makes a pairing code. Type what it shows.
            </p>
            <label className="field">
              <span className="field-label">Hub address</span>
              <input
                ref={hubRef}
                aria-label="Hub address"
                autoComplete="off"
                spellCheck={false}
                placeholder="https://192.168.1.20:7443"
                value={hubUrl}
                maxLength={2000}
                onChange={(event) => {
                  setHubUrl(event.target.value);
                  setProblem(null);
                }}
              />
            </label>
            <label className="field">
              <span className="field-label">Pairing code</span>
              <input
                ref={codeRef}
                aria-label="Pairing code"
                className="mono pairing-input"
                autoComplete="off"
                spellCheck={false}
                placeholder="7KQ2M-XW4PD"
                value={code}
                maxLength={40}
                onChange={(event) => {
                  setCode(event.target.value.toUpperCase());
                  setProblem(null);
                }}
              />
              <span className="field-hint">Ten letters and digits; it works once, for a few minutes.</span>
            </label>
            <label className="field">
              <span className="field-label">Name of this laptop</span>
              <input
                ref={nameRef}
                aria-label="Name of this laptop"
                autoComplete="off"
                placeholder="Table 2 laptop"
                value={stationName}
                maxLength={80}
                onChange={(event) => {
                  setStationName(event.target.value);
                  setProblem(null);
                }}
              />
              <span className="field-hint">The chair sees this name beside everything this laptop sends.</span>
            </label>
            {problem ? (
              <p className="field-message error" role="alert">
                {problem}
              </p>
            ) : null}
            <div className="form-actions">
              <button type="submit" className="button primary large" disabled={pair.isPending}>
                {pair.isPending ? 'Connecting…' : 'Connect'}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
