/** A county with its team signed in, for tests that act as different people. */
import type { WorksheetLine } from '../../electron/core/api';
import { expectOk, SMALL_COUNTY, type TempCounty } from './temp-county';

export const CHAIR = { name: 'Pat Chair', pin: '654321' } as const;

export interface Team {
  readonly chair: string;
  /** Data entry. */
  readonly jordan: string;
  readonly sam: string;
  /** Recount verifier. */
  readonly riley: string;
}

/** Sets up SMALL_COUNTY with Pat Chair as chair, adds the team, signs everyone in (session tokens). */
export async function countyWithTeam(county: TempCounty): Promise<Team> {
  expectOk(await county.api.createCounty({ chair: CHAIR, setup: SMALL_COUNTY }));
  const chair = expectOk(await county.api.signIn(CHAIR)).session;
  const members = [
    { name: 'Jordan Lee', role: 'entry', pin: '1111' },
    { name: 'Sam Ortiz', role: 'entry', pin: '2222' },
    { name: 'Riley Park', role: 'verifier', pin: '3333' },
  ] as const;
  const sessions: string[] = [];
  for (const member of members) {
    expectOk(await county.api.addOperator({ session: chair, ...member }));
    sessions.push(expectOk(await county.api.signIn({ name: member.name, pin: member.pin })).session);
  }
  const [jordan = '', sam = '', riley = ''] = sessions;
  return { chair, jordan, sam, riley };
}

/** Worksheet lines for SMALL_COUNTY's candidates (Adams, Baker, Castillo) from [first, final, delegates]. */
export function lines(counts: readonly (readonly [number | null, number | null, number | null])[]): WorksheetLine[] {
  return counts.map(([first, final, delegates], index) => ({
    candidate: SMALL_COUNTY.candidates[index] as string,
    firstAlignment: first,
    finalAlignment: final,
    delegatesAwarded: delegates,
  }));
}
