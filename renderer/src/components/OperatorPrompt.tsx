/** "Who is at the keyboard?" — asked at start; every change carries this name in the audit log. */
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../session';

export function OperatorPrompt() {
  const { operator, setOperator, closeOperatorPrompt } = useSession();
  const [name, setName] = useState(operator ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const canCancel = operator !== null;

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="operator-title"
        aria-describedby="operator-text"
        onKeyDown={(event) => {
          if (event.key === 'Escape' && canCancel) closeOperatorPrompt();
        }}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const trimmed = name.trim();
            if (!trimmed) {
              setProblem('Type your name so your changes are recorded under it.');
              return;
            }
            if (trimmed.length > 80) {
              setProblem('Use at most 80 characters.');
              return;
            }
            setOperator(trimmed);
          }}
        >
          <h2 id="operator-title">Who is at the keyboard?</h2>
          <p id="operator-text">
            Every result you enter and every change you make is recorded in the audit log under this name. If someone
            else takes over, change it from the top bar.
          </p>
          <label className="field">
            <span className="field-label">Your name</span>
            <input
              ref={inputRef}
              aria-label="Your name"
              autoComplete="off"
              value={name}
              maxLength={80}
              onChange={(event) => {
                setName(event.target.value);
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
          <div className="modal-actions">
            {canCancel ? (
              <button type="button" className="button ghost" onClick={closeOperatorPrompt}>
                Cancel
              </button>
            ) : null}
            <button type="submit" className="button primary">
              Continue
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
