/**
 * A word from the glossary where it appears: the word, and a small "?" that shows its one-sentence
 * meaning (on hover as a tooltip, on click or Enter as a note that stays until closed or Escape).
 */
import { type ReactNode, useId, useState } from 'react';
import { GLOSSARY, type GlossaryKey } from '../glossary';
import './Term.css';

export function Term({ name, children }: { name: GlossaryKey; children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const entry = GLOSSARY[name];
  return (
    <span className="term">
      {children ?? entry.term}
      <button
        type="button"
        className="term-help"
        aria-label={`What is ${entry.term}?`}
        aria-expanded={open}
        aria-controls={id}
        title={entry.meaning}
        onClick={() => setOpen((shown) => !shown)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.stopPropagation();
            setOpen(false);
          }
        }}
      >
        ?
      </button>
      {open ? (
        <span className="term-note" id={id} role="note">
          <strong>{entry.term}:</strong> {entry.meaning}
        </span>
      ) : null}
    </span>
  );
}
