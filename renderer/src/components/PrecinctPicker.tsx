/** Choose a precinct by typing its code or name: autocomplete list, arrow keys, Enter. */
import { forwardRef, useId, useMemo, useState } from 'react';
import type { PrecinctRow } from '../api/types';
import { plural } from '../format';
import { StatusBadge } from './ui';
import './PrecinctPicker.css';

interface Props {
  readonly precincts: readonly PrecinctRow[];
  onSelect(row: PrecinctRow): void;
}

const MAX_OPTIONS = 8;

function matches(precincts: readonly PrecinctRow[], query: string): PrecinctRow[] {
  const q = query.trim().toLowerCase();
  if (!q) return precincts.slice(0, MAX_OPTIONS);
  const exact = precincts.filter((row) => row.code.toLowerCase() === q);
  const codeStarts = precincts.filter((row) => row.code.toLowerCase().startsWith(q) && !exact.includes(row));
  const nameHas = precincts.filter(
    (row) =>
      !exact.includes(row) &&
      !codeStarts.includes(row) &&
      (row.name.toLowerCase().includes(q) || row.code.toLowerCase().includes(q)),
  );
  return [...exact, ...codeStarts, ...nameHas].slice(0, MAX_OPTIONS);
}

export const PrecinctPicker = forwardRef<HTMLInputElement, Props>(function PrecinctPicker(
  { precincts, onSelect },
  ref,
) {
  const id = useId();
  const listId = `${id}-list`;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const options = useMemo(() => matches(precincts, query), [precincts, query]);
  const [notFound, setNotFound] = useState(false);

  const choose = (row: PrecinctRow) => {
    setQuery('');
    setOpen(false);
    setActive(0);
    setNotFound(false);
    onSelect(row);
  };

  return (
    <div className="picker">
      <input
        ref={ref}
        type="text"
        role="combobox"
        aria-label="Precinct"
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && options[active] ? `${id}-opt-${active}` : undefined}
        placeholder="Type a precinct code or name, then Enter"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(0);
          setNotFound(false);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive((index) => Math.min(index + 1, options.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((index) => Math.max(index - 1, 0));
          } else if (event.key === 'Escape') {
            setOpen(false);
          } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
            event.preventDefault();
            const row = options[active];
            if (query.trim() && row) choose(row);
            else if (query.trim()) setNotFound(true);
          }
        }}
      />
      {open && options.length > 0 ? (
        <div className="picker-list" id={listId} role="listbox" aria-label="Matching precincts">
          {options.map((row, index) => (
            <div
              key={row.code}
              tabIndex={-1}
              id={`${id}-opt-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(row);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span className="mono picker-code">{row.code}</span>
              <span className="picker-name">{row.name}</span>
              <span className="picker-meta">elects {plural(row.delegates, 'delegate')}</span>
              <StatusBadge status={row.status} />
            </div>
          ))}
        </div>
      ) : null}
      {notFound ? (
        <p className="field-message error" role="alert">
          No precinct matches “{query.trim()}”. Check the code on the worksheet.
        </p>
      ) : null}
    </div>
  );
});
