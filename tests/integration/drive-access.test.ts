/**
 * The drives plugged into the hub laptop are listed, imported and ejected only by a person signed in
 * there: the harness token or a station's credentials alone do not let anyone see or eject them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countyWithTeam, type Team } from '../helpers/county-team';
import { type TempCounty, tempCounty } from '../helpers/temp-county';

let county: TempCounty;
let team: Team;
beforeEach(async () => {
  county = tempCounty();
  team = await countyWithTeam(county);
});
afterEach(() => county.cleanup());

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'OK' : result.error?.code);

describe('the hub’s drives', () => {
  it('are neither listed nor ejected without someone signed in', async () => {
    expect(codeOf(await county.api.listDriveInboxes({}))).toBe('NOT_SIGNED_IN');
    expect(codeOf(await county.api.ejectDrive({ driveId: '/media/stick' }))).toBe('NOT_SIGNED_IN');
    expect(codeOf(await county.api.importFromDrive({ driveId: '/media/stick' }))).toBe('NOT_SIGNED_IN');
  });

  it('are listed for a signed-in person', async () => {
    expect(codeOf(await county.api.listDriveInboxes({ session: team.jordan }))).toBe('OK');
  });
});
