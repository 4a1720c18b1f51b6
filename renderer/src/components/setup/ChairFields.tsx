/** County setup: the person setting up the county becomes its chair, with a PIN. */
import { Card } from '../ui';

export interface ChairEntry {
  name: string;
  pin: string;
}

export function ChairFields({ chair, setChair }: { chair: ChairEntry; setChair(chair: ChairEntry): void }) {
  return (
    <Card title="County chair">
      <p className="hint">
        You set up the county, so you are its chair: you add the team, resolve discrepancies and certify results. Choose
        a PIN of 6 to 12 digits that only you know; you type it again to certify.
      </p>
      <div className="form-grid">
        <label className="field">
          <span className="field-label">Chair’s name</span>
          <input
            aria-label="Chair’s name"
            autoComplete="off"
            maxLength={80}
            value={chair.name}
            onChange={(e) => setChair({ ...chair, name: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">Chair’s PIN</span>
          <input
            aria-label="Chair’s PIN"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={12}
            value={chair.pin}
            onChange={(e) => setChair({ ...chair, pin: e.target.value.replace(/\D/g, '') })}
          />
        </label>
      </div>
    </Card>
  );
}
