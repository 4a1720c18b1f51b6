/**
 * The chair turns team mode on from the app (the Team screen), not from a command line.
 * The choice is a setting of the county (append-only, audited) that the app reads at every start.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { teamHubSetting } from '../../electron/core/team/team-hub-setting';
import { countyWithTeam, type Team } from '../helpers/county-team';
import { rawDatabase } from '../helpers/raw-database';
import { expectOk, type TempCounty, tempCounty } from '../helpers/temp-county';

let county: TempCounty;
let team: Team;
beforeEach(async () => {
  county = tempCounty();
  team = await countyWithTeam(county);
});
afterEach(() => county.cleanup());

describe('team mode switch', () => {
  it('is off until the chair turns it on; the app reads it at the next start', async () => {
    expect(expectOk(await county.api.getTeamHubSetting({}))).toEqual({ setting: null, hubRunning: false });
    const on = expectOk(await county.api.saveTeamHubSetting({ session: team.chair, enabled: true, port: 7443 }));
    expect(on).toEqual({ setting: { enabled: true, port: 7443 }, hubRunning: false });

    const reopened = county.reopen();
    county = reopened;
    expect(teamHubSetting(reopened.store)).toEqual({ enabled: true, port: 7443 });
  });

  it('is the chair’s choice alone, and each change is in the audit log', async () => {
    const refused = await county.api.saveTeamHubSetting({ session: team.jordan, enabled: true, port: 7443 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('NOT_ALLOWED');
    expect(expectOk(await county.api.getTeamHubSetting({})).setting).toBeNull();

    expectOk(await county.api.saveTeamHubSetting({ session: team.chair, enabled: true, port: 8443 }));
    expectOk(await county.api.saveTeamHubSetting({ session: team.chair, enabled: true, port: 8443 }));
    expectOk(await county.api.saveTeamHubSetting({ session: team.chair, enabled: false, port: 8443 }));
    const changes = rawDatabase(county.store)
      .prepare("SELECT operator, payload FROM audit_log WHERE action = 'settings.changed' ORDER BY seq")
      .all() as { operator: string; payload: string }[];
    const teamChanges = changes.filter((row) => row.payload.includes('teamHub'));
    // Saving the same value twice records it once.
    expect(teamChanges).toHaveLength(2);
    expect(teamChanges.every((row) => row.operator === 'Pat Chair')).toBe(true);
    expect(expectOk(await county.api.getTeamHubSetting({})).setting).toEqual({ enabled: false, port: 8443 });
  });

  it('refuses a port that is not one', async () => {
    const bad = await county.api.saveTeamHubSetting({ session: team.chair, enabled: true, port: 70000 });
    expect(bad.ok).toBe(false);
  });
});
