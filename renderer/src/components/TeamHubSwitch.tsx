/**
 * The chair turns team mode on or off for this laptop (docs/TEAM.md). The hub starts with Tallyroom,
 * so the choice takes effect when the app next starts; the card says so in plain words.
 */
import { useState } from 'react';
import { DEFAULT_HUB_PORT as DEFAULT_PORT } from '../../../electron/core/model/team-mode';
import { useSaveTeamHubSetting, useTeamHubSetting } from '../api/team-hooks';
import { useSession } from '../session';
import { Card, ErrorNotice } from './ui';
import './TeamHubSwitch.css';

export function TeamHubSwitch() {
  const { person } = useSession();
  const current = useTeamHubSetting();
  const save = useSaveTeamHubSetting();
  const [port, setPort] = useState<string>('');
  const setting = current.data?.setting ?? null;
  const running = current.data?.hubRunning ?? false;
  const enabled = setting?.enabled ?? false;
  const portValue = Number(port || setting?.port || DEFAULT_PORT);
  const isChair = person?.role === 'chair';
  const choose = (next: boolean) => {
    if (!person) return;
    save.mutate({ session: person.session, enabled: next, port: portValue });
  };
  const restartNote =
    enabled && !running
      ? 'Team mode is on. Close Tallyroom and open it again on this laptop: it will start as the county hub.'
      : !enabled && running
        ? 'Team mode is off. The hub stops when Tallyroom is closed; stations keep their entries until it is back.'
        : null;
  return (
    <Card title="Team mode on this laptop">
      <p>
        {running
          ? 'This laptop is the county hub: station laptops pair with it and send their entries here.'
          : 'Turn team mode on to make this laptop the county hub that station laptops send their entries to.'}
      </p>
      {isChair ? (
        <div className="form-row">
          <label className="field">
            <span className="field-label">Hub port on the office network</span>
            <input
              className="port-input"
              inputMode="numeric"
              value={port || String(setting?.port ?? DEFAULT_PORT)}
              onChange={(event) => setPort(event.target.value.replace(/\D/g, '').slice(0, 5))}
            />
          </label>
          <button type="button" className="button" disabled={save.isPending} onClick={() => choose(!enabled)}>
            {enabled ? 'Turn team mode off' : 'Turn team mode on'}
          </button>
        </div>
      ) : (
        <p className="muted">Only the county chair turns team mode on or off.</p>
      )}
      {restartNote ? (
        <p role="status" className="notice">
          {restartNote}
        </p>
      ) : null}
      <ErrorNotice error={save.error} title="Team mode was not changed." />
    </Card>
  );
}
