/**
 * A PIN typed again to confirm a final act (certifying, correcting a certified result) is guessed
 * no faster than a PIN at sign-in: both share one count of wrong PINs per person, and every wrong
 * PIN is written to the audit log with which check it was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit-log/chain';
import { SIGN_IN_THROTTLE } from '../../electron/core/operators/sign-in-throttle';
import { CHAIR, countyWithTeam, type Team } from '../helpers/county-team';
import { rawDatabase } from '../helpers/raw-database';
import { type TempCounty, tempCounty } from '../helpers/temp-county';

let county: TempCounty;
let team: Team;
beforeEach(async () => {
  county = tempCounty();
  team = await countyWithTeam(county);
});
afterEach(() => county.cleanup());

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'OK' : result.error?.code);
const wrongPins = () =>
  rawDatabase(county.store)
    .prepare("SELECT operator, payload FROM audit_log WHERE action = 'operator.wrong-pin' ORDER BY seq")
    .all() as { operator: string; payload: string }[];

describe('the PIN typed again shares the sign-in throttle', () => {
  it('pauses the chair after five wrong PINs typed to certify: the right PIN is then refused, at certify and at sign-in', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < SIGN_IN_THROTTLE.maxFailures; i++) {
      codes.push(codeOf(await county.api.certifyPrecinct({ session: team.chair, pin: '999999', precinct: 'DM-01' })));
    }
    expect(codes).toEqual(['WRONG_PIN', 'WRONG_PIN', 'WRONG_PIN', 'WRONG_PIN', 'PIN_PAUSED']);
    expect(codeOf(await county.api.certifyCounty({ session: team.chair, pin: CHAIR.pin }))).toBe('PIN_PAUSED');
    expect(codeOf(await county.api.signIn(CHAIR))).toBe('SIGN_IN_PAUSED');
  });

  it('counts wrong sign-ins and wrong re-typed PINs together', async () => {
    for (let i = 0; i < SIGN_IN_THROTTLE.maxFailures - 1; i++) {
      expect(codeOf(await county.api.signIn({ name: CHAIR.name, pin: '999999' }))).toBe('SIGN_IN_REFUSED');
    }
    expect(codeOf(await county.api.certifyCounty({ session: team.chair, pin: '999999' }))).toBe('PIN_PAUSED');
  });

  it('writes every wrong PIN to the audit log with the check it failed, never the PIN', async () => {
    await county.api.signIn({ name: 'Jordan Lee', pin: '9876' });
    await county.api.certifyPrecinct({ session: team.chair, pin: '999999', precinct: 'DM-01' });
    const entries = wrongPins().map((entry) => JSON.parse(entry.payload) as Record<string, unknown>);
    expect(entries).toEqual([
      { name: 'Jordan Lee', check: 'sign-in' },
      { name: CHAIR.name, check: 'certifyPrecinct' },
    ]);
    expect(JSON.stringify(wrongPins())).not.toMatch(/9876|999999/);
    expect(verifyAuditChain(county.store.iterateAudit())).toMatchObject({ valid: true });
  });
});
