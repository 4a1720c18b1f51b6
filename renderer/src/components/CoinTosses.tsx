/**
 * Coin tosses (ties in delegate allocation): the app never decides one, a person records what
 * happened in the room or what the worksheet's coin-toss line says. Shared by the keyed worksheet
 * and the scan review, so a toss is asked for, shown and sent the same way from both.
 */
import { useEffect, useRef, useState } from 'react';
import type { CoinToss, Tie, TieReason, WorksheetEvaluation } from '../api/types';
import { joinNames, plural } from '../format';
import './CoinTosses.css';

const TIE_REASONS: Record<TieReason, string> = {
  'one-delegate-largest-group':
    'The precinct elects one delegate and the largest groups are tied. The winner gets the delegate.',
  'more-groups-than-delegates':
    'More groups are viable than there are delegates, and the smallest viable groups are tied. The winners get a delegate.',
  'remove-extra-delegate':
    'Rounding gave one delegate too many and the groups that could give one up have equal decimals. The winner keeps its delegate.',
  'add-missing-delegate':
    'Rounding left a delegate over and the groups that could take it have equal decimals. The winner gets the delegate.',
};

/**
 * The tosses a report carries: once the allocation is decided, exactly the tosses it used (a toss
 * recorded for a tie the numbers no longer have is left out); until then, what was recorded.
 */
export function tossesToSubmit(evaluation: WorksheetEvaluation | null, recorded: readonly CoinToss[]): CoinToss[] {
  if (evaluation?.allocation.kind === 'decided') return [...evaluation.allocation.coinTosses];
  return [...recorded];
}

/** The tie the rules are waiting on, if any. */
export function pendingTieOf(evaluation: WorksheetEvaluation | null): Tie | null {
  return evaluation?.allocation.kind === 'coin-toss-needed' ? evaluation.allocation.tie : null;
}

export function CoinTossPanel({
  tie,
  onRecord,
  source = 'the room',
  autoFocus = false,
}: {
  tie: Tie;
  onRecord(winners: string[]): void;
  /** Where the result comes from, in the sentence asking for it. */
  source?: 'the room' | 'the paper';
  /**
   * Focus the panel when it appears (keyboard-first review): the panel, not its first answer, so an
   * Enter pressed once too often on the last value cannot record a toss nobody chose; Tab reaches
   * the answers.
   */
  autoFocus?: boolean;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const single = tie.awarded === 1;
  const panel = useRef<HTMLElement>(null);
  const tieKey = `${tie.tied.join('|')}:${tie.awarded}`;
  useEffect(() => {
    if (autoFocus && tieKey) panel.current?.focus();
  }, [autoFocus, tieKey]);
  return (
    <section className="coin-toss" aria-label="Coin toss" ref={panel} tabIndex={-1}>
      <div className="coin-toss-head">
        <svg viewBox="0 0 24 24" className="coin-icon" aria-hidden="true">
          <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
          <path
            d="M9 9.5c0-1.4 1.3-2.3 3-2.3s3 .9 3 2.3M9 14.5c0 1.4 1.3 2.3 3 2.3s3-.9 3-2.3"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
          />
        </svg>
        <div>
          <h3>
            Coin toss needed between {joinNames(tie.tied)} for {plural(tie.awarded, 'delegate')}
          </h3>
          <p>
            {TIE_REASONS[tie.reason]}{' '}
            {source === 'the paper'
              ? 'The app never decides a toss: record who won as the worksheet’s coin-toss line says.'
              : 'The app never decides a toss: record what happened in the room.'}
          </p>
        </div>
      </div>
      {single ? (
        <div className="coin-toss-actions">
          {tie.tied.map((name) => (
            <button key={name} type="button" className="button" onClick={() => onRecord([name])}>
              {name} won the toss
            </button>
          ))}
        </div>
      ) : (
        <div className="coin-toss-actions">
          <span className="hint">Tick the {tie.awarded} groups that won:</span>
          {tie.tied.map((name) => (
            <label key={name} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(name)}
                onChange={(event) =>
                  setChosen((current) =>
                    event.target.checked ? [...current, name] : current.filter((other) => other !== name),
                  )
                }
              />
              {name} won
            </label>
          ))}
          <button
            type="button"
            className="button"
            disabled={chosen.length !== tie.awarded}
            onClick={() => {
              onRecord(tie.tied.filter((name) => chosen.includes(name)));
              setChosen([]);
            }}
          >
            Record the coin toss
          </button>
        </div>
      )}
    </section>
  );
}

/** The tosses recorded so far; undoing one also undoes those recorded after it (they followed from it). */
export function RecordedCoinTosses({
  tosses,
  onUndo,
}: {
  tosses: readonly CoinToss[];
  onUndo(keep: CoinToss[]): void;
}) {
  if (tosses.length === 0) return null;
  return (
    <ul className="tosses-recorded" aria-label="Coin tosses recorded">
      {tosses.map((toss, index) => (
        <li key={`${toss.tied.join('|')}:${toss.winners.join('|')}`}>
          <span>
            Coin toss recorded: <strong>{joinNames(toss.winners)}</strong> won over{' '}
            {joinNames(toss.tied.filter((name) => !toss.winners.includes(name)))}
          </span>
          <button
            type="button"
            className="button ghost small"
            onClick={() => onUndo(tosses.filter((_, i) => i < index))}
          >
            Undo
          </button>
        </li>
      ))}
    </ul>
  );
}
