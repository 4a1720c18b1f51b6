/**
 * Sign-in, "nobody in": a four-digit PIN cannot be guessed by trying them all at an unattended
 * laptop. After five wrong PINs in fifteen minutes sign-in for that name pauses; an unknown name is
 * paused exactly like a known one, so the answer never tells who is on the team.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit-log/chain';
import { signIn } from '../../electron/core/operators/sessions';
import { SIGN_IN_THROTTLE, signInPausedUntil } from '../../electron/core/operators/sign-in-throttle';
import { countyWithTeam } from '../helpers/county-team';
import { rawDatabase } from '../helpers/raw-database';
import { type TempCounty, tempCounty } from '../helpers/temp-county';

let county: TempCounty;
beforeEach(async () => {
  county = tempCounty();
  await countyWithTeam(county);
});
afterEach(() => county.cleanup());

const at = (minutes: number) => new Date(Date.parse('2026-02-03T03:00:00Z') + minutes * 60_000);
const attempt = (name: string, pin: string, minutes: number) => signIn(county.store, { name, pin }, at(minutes));
const codeOf = (result: ReturnType<typeof signIn>) => (result.ok ? 'OK' : result.error.code);

describe('wrong PINs pause sign-in for that name', () => {
  it('refuses the right PIN during the pause, and lets it in once the pause is over', () => {
    for (let i = 0; i < SIGN_IN_THROTTLE.maxFailures - 1; i++)
      expect(codeOf(attempt('Jordan Lee', '9999', i * 0.1))).toBe('SIGN_IN_REFUSED');
    const fifth = attempt('Jordan Lee', '9998', 0.5);
    expect(codeOf(fifth)).toBe('SIGN_IN_PAUSED');
    if (!fifth.ok) expect(fifth.error.message).toMatch(/paused for 5 minutes/);

    expect(codeOf(attempt('Jordan Lee', '1111', 1))).toBe('SIGN_IN_PAUSED');
    expect(codeOf(attempt('jordan lee ', '1111', 4))).toBe('SIGN_IN_PAUSED');
    expect(codeOf(attempt('Jordan Lee', '1111', 5.6))).toBe('OK');
    // A success starts the count again: one more mistake is just a mistake.
    expect(codeOf(attempt('Jordan Lee', '0000', 6))).toBe('SIGN_IN_REFUSED');
  });

  it('does not let one person’s mistakes pause anyone else', () => {
    for (let i = 0; i < SIGN_IN_THROTTLE.maxFailures; i++) attempt('Jordan Lee', '9999', i * 0.1);
    expect(codeOf(attempt('Sam Ortiz', '2222', 1))).toBe('OK');
  });

  it('pauses an unknown name with the same words as a known one', () => {
    const messages = (name: string) => {
      const seen: string[] = [];
      for (let i = 0; i <= SIGN_IN_THROTTLE.maxFailures; i++) {
        const result = attempt(name, '9999', i * 0.1);
        seen.push(result.ok ? 'OK' : `${result.error.code}: ${result.error.message}`);
      }
      return seen;
    };
    expect(messages('Nobody Here')).toEqual(messages('Riley Park'));
  });

  it('counts only the last fifteen minutes, so slow mistakes over a long night never pause anyone', () => {
    for (let i = 0; i < 20; i++) expect(codeOf(attempt('Sam Ortiz', '9999', i * 4))).toBe('SIGN_IN_REFUSED');
    expect(codeOf(attempt('Sam Ortiz', '2222', 81))).toBe('OK');
  });

  it('records the pause in the audit log and keeps the refusals append-only', () => {
    for (let i = 0; i < SIGN_IN_THROTTLE.maxFailures; i++) attempt('Riley Park', '9999', i * 0.1);
    const pauses = rawDatabase(county.store)
      .prepare("SELECT operator, payload FROM audit_log WHERE action = 'operator.sign-in-paused'")
      .all() as { operator: string; payload: string }[];
    expect(pauses).toHaveLength(1);
    expect(JSON.parse(pauses[0]?.payload ?? '{}')).toMatchObject({ name: 'Riley Park', failures: 5 });
    expect(JSON.stringify(pauses)).not.toContain('9999');
    expect(verifyAuditChain(county.store.iterateAudit())).toMatchObject({ valid: true });
    expect(() => rawDatabase(county.store).prepare('DELETE FROM sign_in_failure').run()).toThrow(/append-only/);
  });
});

describe('signInPausedUntil', () => {
  it('is open below the limit and after the pause', () => {
    const times = [0, 1, 2, 3].map((m) => at(m).toISOString());
    expect(signInPausedUntil(times, at(4))).toBeNull();
    const five = [...times, at(4).toISOString()];
    expect(signInPausedUntil(five, at(4))?.toISOString()).toBe(at(9).toISOString());
    expect(signInPausedUntil(five, at(9))).toBeNull();
  });
});
