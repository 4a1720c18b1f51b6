/**
 * The Story county of tests/fixtures/rla/reported.csv (docs/RLA.md's worked example) as a real
 * county database: set up through the API, every precinct keyed twice from the paper by two people,
 * then certified by the chair, so its results are fixed and an audit may start.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { WorksheetLine } from '../../electron/core/api';
import { expectOk, type TempCounty } from './temp-county';

export const STORY_CHAIR = { name: 'Pat Chair', pin: '654321' } as const;
export const STORY_SEED = '81726354091827364510';
export const STORY_REPORTED = resolve(import.meta.dirname, '../fixtures/rla/reported.csv');

export interface StoryTeam {
  readonly chair: string;
  readonly jordan: string;
  readonly sam: string;
  /** Recount verifier: runs the audit. */
  readonly riley: string;
}

interface StoryPrecinct {
  readonly code: string;
  readonly delegates: number;
  readonly lines: WorksheetLine[];
}

/** The fixture's precincts in file order, with first and final alignment per candidate. */
export function storyPrecincts(): StoryPrecinct[] {
  const rows = readFileSync(STORY_REPORTED, 'utf8').trim().split('\n').slice(1);
  const precincts = new Map<string, StoryPrecinct>();
  for (const row of rows) {
    const [, code = '', delegates = '', , candidate = '', first = '', final = ''] = row.split(',');
    const precinct = precincts.get(code) ?? { code, delegates: Number(delegates), lines: [] };
    precincts.set(code, precinct);
    precinct.lines.push({
      candidate,
      firstAlignment: Number(first),
      finalAlignment: Number(final),
      delegatesAwarded: null,
    });
  }
  return [...precincts.values()];
}

/** Sets up Story county with its team; with `certify`, keys every precinct twice and certifies it. */
export async function storyCounty(county: TempCounty, options: { certify?: boolean } = {}): Promise<StoryTeam> {
  const precincts = storyPrecincts();
  expectOk(
    await county.api.createCounty({
      chair: STORY_CHAIR,
      setup: {
        county: 'Story',
        name: 'Story County Caucus',
        date: '2026-02-02',
        rulesProfile: 'iowa-dem-2020',
        sdePerDelegate: 0.5,
        precincts: precincts.map((precinct) => ({
          code: precinct.code,
          name: `${precinct.code} precinct`,
          delegates: precinct.delegates,
        })),
        candidates: ['Adams', 'Baker', 'Castillo'],
      },
    }),
  );
  const chair = expectOk(await county.api.signIn(STORY_CHAIR)).session;
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
  if (options.certify !== false) {
    for (const precinct of precincts) {
      for (const session of [jordan, sam]) {
        expectOk(
          await county.api.submitWorksheet({
            session,
            precinct: precinct.code,
            lines: precinct.lines,
            coinTosses: [],
            source: 'manual',
          }),
        );
      }
      expectOk(await county.api.certifyPrecinct({ session: chair, pin: STORY_CHAIR.pin, precinct: precinct.code }));
    }
  }
  return { chair, jordan, sam, riley };
}

/** A hand tally equal to the reported final alignment of a precinct, or with the counts given. */
export function handCount(code: string, counts?: Record<string, number>) {
  const precinct = storyPrecincts().find((entry) => entry.code === code);
  if (!precinct) throw new Error(`no precinct ${code}`);
  return precinct.lines.map((line) => ({
    candidate: line.candidate,
    count: counts?.[line.candidate] ?? (line.finalAlignment as number),
  }));
}
