/** County setup: the candidates in ballot order, each movable up and down. */
import { Card } from '../ui';
import { type Draft, move, newKey } from './setup-draft';

export function CandidatesEditor({
  draft,
  update,
  focusLast,
}: {
  draft: Draft;
  update(patch: Partial<Draft>): void;
  /** Focuses the last box matching the selector once it is on screen. */
  focusLast(selector: string): void;
}) {
  return (
    <Card
      title={`Candidates in ballot order (${draft.candidates.length})`}
      actions={
        <button
          type="button"
          className="button small"
          onClick={() => {
            update({ candidates: [...draft.candidates, { key: newKey(), name: '' }] });
            focusLast('input[data-candidate-name]');
          }}
        >
          + Add candidate
        </button>
      }
    >
      <p className="hint">
        Include “Uncommitted” as a candidate if the caucus counts it as a group. The order here is the order of the
        worksheet.
      </p>
      <ol className="candidate-edit">
        {draft.candidates.map((c, index) => (
          <li key={c.key} data-candidate-row={index}>
            <span className="row-number">{index + 1}</span>
            <input
              data-candidate-name
              aria-label={`Candidate ${index + 1} name`}
              value={c.name}
              onChange={(e) =>
                update({
                  candidates: draft.candidates.map((other) =>
                    other.key === c.key ? { ...other, name: e.target.value } : other,
                  ),
                })
              }
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Move candidate ${index + 1} up`}
              disabled={index === 0}
              onClick={() => update({ candidates: move(draft.candidates, index, index - 1) })}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Move candidate ${index + 1} down`}
              disabled={index === draft.candidates.length - 1}
              onClick={() => update({ candidates: move(draft.candidates, index, index + 1) })}
            >
              ↓
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove candidate ${index + 1}`}
              disabled={draft.candidates.length === 1}
              onClick={() => update({ candidates: draft.candidates.filter((other) => other.key !== c.key) })}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
    </Card>
  );
}
