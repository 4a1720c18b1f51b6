/**
 * A chair's PIN certifies results, so it has at least six digits (a million guesses offline, not
 * ten thousand); the others keep four. The demo county keeps its public PINs (README.md).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CHAIR } from '../../electron/core/model/demo-team';
import { CHAIR, countyWithTeam } from '../helpers/county-team';
import { expectOk, SMALL_COUNTY, type TempCounty, tempCounty } from '../helpers/temp-county';

let county: TempCounty;
beforeEach(() => {
  county = tempCounty();
});
afterEach(() => county.cleanup());

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'OK' : result.error?.code);

describe('a chair’s PIN', () => {
  it('is refused with four digits when the county is set up, or when the first chair signs up', async () => {
    const short = await county.api.createCounty({ chair: { name: 'Pat Chair', pin: '4321' }, setup: SMALL_COUNTY });
    expect(codeOf(short)).toBe('INVALID_PIN');
    if (!short.ok) expect(short.error.message).toMatch(/6 to 12 digits/);
    expectOk(await county.api.createCounty({ operator: 'Setup', setup: SMALL_COUNTY }));
    expect(codeOf(await county.api.signUpChair({ name: 'Pat Chair', pin: '86420' }))).toBe('INVALID_PIN');
    expectOk(await county.api.signUpChair({ name: 'Pat Chair', pin: '864209' }));
  });

  it('is refused with four digits for a second chair, while data entry keeps four', async () => {
    const team = await countyWithTeam(county);
    expect(CHAIR.pin.length).toBeGreaterThanOrEqual(6);
    const add = (role: 'chair' | 'entry', pin: string) =>
      county.api.addOperator({ session: team.chair, name: `Another ${role}`, role, pin });
    expect(codeOf(await add('chair', '1357'))).toBe('INVALID_PIN');
    expectOk(await add('chair', '135791'));
    expectOk(await add('entry', '1357'));
  });

  it('keeps the demo county’s public chair PIN', async () => {
    expectOk(await county.api.loadDemoCounty({ operator: 'Demo' }));
    expectOk(await county.api.signIn({ name: DEMO_CHAIR.name, pin: DEMO_CHAIR.pin }));
  });
});
