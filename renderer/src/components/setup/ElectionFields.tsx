/** County setup: the election's name, date, rules and SDE per county delegate. */
import { RULES_LABELS, RULES_PROFILES, type RulesProfileId } from '../../api/types';
import { Card } from '../ui';
import type { Draft } from './setup-draft';

export function ElectionFields({ draft, update }: { draft: Draft; update(patch: Partial<Draft>): void }) {
  return (
    <Card title="Election">
      <div className="form-grid">
        <label className="field">
          <span className="field-label">County</span>
          <input
            aria-label="County name"
            value={draft.county}
            onChange={(e) => update({ county: e.target.value })}
            placeholder="e.g. Story County"
          />
        </label>
        <label className="field wide">
          <span className="field-label">Election or caucus</span>
          <input
            aria-label="Election name"
            value={draft.name}
            onChange={(e) => update({ name: e.target.value })}
            placeholder="e.g. 2028 Democratic Precinct Caucuses"
          />
        </label>
        <label className="field">
          <span className="field-label">Date</span>
          <input type="date" aria-label="Date" value={draft.date} onChange={(e) => update({ date: e.target.value })} />
        </label>
        {/* Wide: the rules' full name and code must fit in the closed dropdown. */}
        <label className="field wide">
          <span className="field-label">Rules</span>
          <select
            aria-label="Rules profile"
            value={draft.rulesProfile}
            onChange={(e) => update({ rulesProfile: e.target.value as RulesProfileId })}
          >
            {RULES_PROFILES.map((profile) => (
              <option key={profile} value={profile}>
                {RULES_LABELS[profile]} ({profile})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">SDE per county delegate</span>
          <input
            aria-label="SDE per county delegate"
            inputMode="decimal"
            value={draft.sdePerDelegate}
            onChange={(e) => update({ sdePerDelegate: e.target.value })}
            placeholder="e.g. 0.25"
          />
          <span className="field-hint">State delegates ÷ county convention delegates</span>
        </label>
      </div>
    </Card>
  );
}
