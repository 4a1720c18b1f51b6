/** County setup: the precincts, one editable row each (Enter in a row moves on: CountySetup's form). */
import { Card } from '../ui';
import { type Draft, emptyPrecinct, type PrecinctDraft } from './setup-draft';

export function PrecinctsEditor({
  draft,
  update,
  updatePrecinct,
  focusLast,
}: {
  draft: Draft;
  update(patch: Partial<Draft>): void;
  updatePrecinct(key: number, patch: Partial<PrecinctDraft>): void;
  /** Focuses the last box matching the selector once it is on screen. */
  focusLast(selector: string): void;
}) {
  return (
    <Card
      title={`Precincts (${draft.precincts.length})`}
      actions={
        <button
          type="button"
          className="button small"
          onClick={() => {
            update({ precincts: [...draft.precincts, emptyPrecinct()] });
            focusLast('input[data-precinct-code]');
          }}
        >
          + Add precinct
        </button>
      }
    >
      <div className="table-wrap">
        <table className="edit-table" aria-label="Precincts">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Code</th>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Delegates it elects
              </th>
              <th scope="col">Chair email (optional)</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.precincts.map((p, index) => (
              <tr key={p.key} data-precinct-row={index}>
                <td className="row-number">{index + 1}</td>
                <td>
                  <input
                    data-precinct-code
                    aria-label={`Precinct ${index + 1} code`}
                    value={p.code}
                    onChange={(e) => updatePrecinct(p.key, { code: e.target.value })}
                    className="mono narrow"
                  />
                </td>
                <td>
                  <input
                    aria-label={`Precinct ${index + 1} name`}
                    value={p.name}
                    onChange={(e) => updatePrecinct(p.key, { name: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Precinct ${index + 1} delegates`}
                    inputMode="numeric"
                    className="num narrow"
                    value={p.delegates}
                    onChange={(e) => updatePrecinct(p.key, { delegates: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="email"
                    aria-label={`Precinct ${index + 1} chair email`}
                    value={p.chairEmail}
                    onChange={(e) => updatePrecinct(p.key, { chairEmail: e.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove precinct ${index + 1}`}
                    title="Remove this precinct"
                    disabled={draft.precincts.length === 1}
                    onClick={() => update({ precincts: draft.precincts.filter((other) => other.key !== p.key) })}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
