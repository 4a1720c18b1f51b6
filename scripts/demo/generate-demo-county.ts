/**
 * Writes the built-in demo county (resources/demo/): a fictional Iowa county shaped like real
 * caucus-night data. Deterministic (seeded), so the committed files are reproducible:
 *   npx tsx scripts/demo/generate-demo-county.ts
 * The cases it includes on purpose: one-delegate precincts, zero attendance, people leaving after
 * the first alignment, a coin toss, more viable groups than delegates, an SDE-only report, two
 * reports that disagree (a conflict), a verified precinct, and two worksheets with errors.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePrecinctResultsCsv } from '../../electron/core/results-file/write-results';
import { allocateDelegates } from '../../electron/core/rules/allocation';
import type { CandidateLine, CoinToss, PrecinctResult } from '../../electron/core/rules/types';
import { viabilityThreshold } from '../../electron/core/rules/viability';

const COUNTY = 'Tally County';
const CANDIDATES = ['Adams', 'Baker', 'Castillo', 'Dunn', 'Everett', 'Uncommitted'];
const STATE_DELEGATES = 14;
const OUT = join(import.meta.dirname, '../../resources/demo');

/** Mulberry32: tiny seeded PRNG, enough for reproducible demo data. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20200203);

const PRECINCT_NAMES = [
  'Ames 1',
  'Ames 2',
  'Ames 3',
  'Ames 4',
  'Bluff Creek',
  'Cedar',
  'Collins',
  'Colo',
  'Franklin',
  'Grant',
  'Howard',
  'Indian Creek',
  'Lafayette',
  'Milford',
  'Nevada 1',
  'Nevada 2',
  'New Albany',
  'Palestine',
  'Richland',
  'Sherman',
  'Story City 1',
  'Story City 2',
  'Union',
  'Warren',
];
const DELEGATES = [9, 8, 10, 7, 2, 3, 1, 4, 6, 5, 2, 3, 1, 5, 7, 6, 4, 2, 3, 1, 6, 5, 4, 2];
const precincts = PRECINCT_NAMES.map((name, index) => ({
  code: `P${String(index + 1).padStart(2, '0')}`,
  name,
  delegates: DELEGATES[index] as number,
}));
const totalDelegates = precincts.reduce((sum, precinct) => sum + precinct.delegates, 0);
const sdePerDelegate = Number((STATE_DELEGATES / totalDelegates).toFixed(6));

/** A caucus: first alignment, then non-viable groups realign to viable ones or go home. */
function simulate(
  d: number,
  attendees: number,
  leaveShare: number,
): Pick<CandidateLine, 'candidate' | 'firstAlignment' | 'finalAlignment'>[] {
  const weights = CANDIDATES.map((_, index) => (index === 5 ? 0.2 : 0.4 + random() * (1.6 - index * 0.15)));
  const total = weights.reduce((a, b) => a + b, 0);
  const first = weights.map((weight) => Math.floor((weight / total) * attendees));
  first[0] = (first[0] as number) + attendees - first.reduce((a, b) => a + b, 0);
  const threshold = viabilityThreshold(attendees, d) ?? 0;
  const viable = first.map((count) => count >= threshold && count > 0);
  const final = first.map((count, index) => (viable[index] ? count : 0));
  let movers = first.reduce((sum, count, index) => sum + (viable[index] ? 0 : count), 0);
  movers -= Math.round(movers * leaveShare);
  const viableIndexes = viable.flatMap((isViable, index) => (isViable ? [index] : []));
  while (movers > 0 && viableIndexes.length > 0) {
    const target = viableIndexes[Math.floor(random() * viableIndexes.length)] as number;
    final[target] = (final[target] as number) + 1;
    movers--;
  }
  return CANDIDATES.map((candidate, index) => ({
    candidate,
    firstAlignment: first[index] as number,
    finalAlignment: final[index] as number,
  }));
}

function withDelegates(
  code: string,
  counts: Pick<CandidateLine, 'candidate' | 'firstAlignment' | 'finalAlignment'>[],
  options: { sdeOnly?: boolean; omitDelegates?: boolean; coinTossWinners?: string[] } = {},
): PrecinctResult & { coinTosses: CoinToss[] } {
  const precinct = precincts.find((entry) => entry.code === code);
  if (!precinct) throw new Error(`no precinct ${code}`);
  const groups = counts.map((line) => ({
    candidate: line.candidate,
    firstAlignment: line.firstAlignment as number,
    finalAlignment: line.finalAlignment as number,
  }));
  let allocation = allocateDelegates({ precinctDelegates: precinct.delegates, groups });
  const coinTosses: CoinToss[] = [];
  while (allocation.kind === 'coin-toss-needed') {
    const tie = allocation.tie;
    coinTosses.push({ tied: tie.tied, winners: options.coinTossWinners ?? tie.tied.slice(0, tie.awarded) });
    allocation = allocateDelegates({ precinctDelegates: precinct.delegates, groups }, coinTosses);
  }
  const delegates = allocation.delegates;
  return {
    county: COUNTY,
    precinct: code,
    precinctDelegates: precinct.delegates,
    sdePerDelegate,
    coinTosses,
    lines: counts.map((line) => {
      const awarded = delegates[line.candidate] ?? 0;
      return {
        ...line,
        delegatesAwarded: options.sdeOnly || options.omitDelegates ? null : awarded,
        sde: options.omitDelegates ? null : Number((awarded * sdePerDelegate).toFixed(4)),
      } as CandidateLine;
    }),
  };
}

function handCounts(values: [number, number][]) {
  return CANDIDATES.map((candidate, index) => {
    const [first, final] = values[index] ?? [0, 0];
    return { candidate, firstAlignment: first, finalAlignment: final };
  });
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, 'usb'), { recursive: true });

// County definition: the results format with counts left empty, plus chair emails.
const definition = [
  'county,precinct,precinct_name,precinct_delegates,sde_per_delegate,candidate,first_alignment,final_alignment,delegates_awarded,sde,chair_email',
];
for (const precinct of precincts) {
  for (const candidate of CANDIDATES) {
    definition.push(
      [
        COUNTY,
        precinct.code,
        precinct.name,
        precinct.delegates,
        sdePerDelegate,
        candidate,
        '',
        '',
        '',
        '',
        `chair.${precinct.code.toLowerCase()}@example.org`,
      ].join(','),
    );
  }
}
writeFileSync(join(OUT, 'county.csv'), `${definition.join('\n')}\n`);

// Precinct files as chairs bring them on USB sticks.
const usbFiles: Record<string, PrecinctResult> = {};
const simulated: Record<string, number> = {
  P01: 212,
  P02: 168,
  P03: 251,
  P04: 140,
  P06: 57,
  P08: 73,
  P09: 119,
  P10: 96,
  P15: 131,
  P16: 104,
  P21: 122,
  P23: 66,
};
for (const [code, attendees] of Object.entries(simulated)) {
  const d = precincts.find((entry) => entry.code === code)?.delegates ?? 0;
  usbFiles[code] = withDelegates(code, simulate(d, attendees, code === 'P04' ? 0.6 : 0.1));
}
// One-delegate precinct: largest group wins.
usbFiles.P07 = withDelegates(
  'P07',
  handCounts([
    [9, 11],
    [7, 8],
    [3, 0],
    [2, 0],
    [1, 0],
    [0, 0],
  ]),
);
// Zero attendance.
usbFiles.P24 = withDelegates('P24', handCounts([]));
// More viable groups than delegates (D = 2, threshold 25): the two largest get one each.
usbFiles.P05 = withDelegates(
  'P05',
  handCounts([
    [30, 30],
    [26, 26],
    [25, 25],
    [19, 0],
    [0, 0],
    [0, 0],
  ]),
);
// Published-style SDE-only report.
usbFiles.P14 = withDelegates('P14', simulate(5, 88, 0.2), { sdeOnly: true });
// A worksheet with an arithmetic error: final alignment larger than the first.
const p11 = withDelegates(
  'P11',
  handCounts([
    [14, 22],
    [11, 12],
    [4, 0],
    [3, 0],
    [0, 0],
    [0, 0],
  ]),
);
usbFiles.P11 = p11;
// Delegates awarded wrongly: the rules give Adams 3 and Baker 2; the sheet swapped them.
usbFiles.P22 = {
  ...withDelegates(
    'P22',
    handCounts([
      [40, 44],
      [22, 24],
      [12, 0],
      [9, 0],
      [0, 0],
      [0, 0],
    ]),
  ),
};
usbFiles.P22 = {
  ...usbFiles.P22,
  lines: usbFiles.P22.lines.map((line) =>
    line.candidate === 'Adams'
      ? { ...line, delegatesAwarded: 2, sde: Number((2 * sdePerDelegate).toFixed(4)) }
      : line.candidate === 'Baker'
        ? { ...line, delegatesAwarded: 3, sde: Number((3 * sdePerDelegate).toFixed(4)) }
        : line,
  ),
};
for (const [code, result] of Object.entries(usbFiles)) {
  writeFileSync(join(OUT, 'usb', `${code}.csv`), writePrecinctResultsCsv([result], COUNTY));
}

// Worksheets keyed or phoned in by the data-entry team.
const coinToss = withDelegates(
  'P13',
  handCounts([
    [6, 6],
    [6, 6],
    [2, 0],
    [0, 0],
    [0, 0],
    [0, 0],
  ]),
  {
    omitDelegates: true,
    coinTossWinners: ['Baker'],
  },
);
const entries = [
  // P01 keyed from the paper by a second operator: agrees with the USB file -> verified.
  { ...worksheetOf(usbFiles.P01 as PrecinctResult), operator: 'Jordan Lee', source: 'manual' },
  // P02 phoned in with one number wrong: disagrees with the USB file -> conflict.
  {
    ...worksheetOf(usbFiles.P02 as PrecinctResult, (line) =>
      line.candidate === 'Baker' ? { ...line, finalAlignment: (line.finalAlignment ?? 0) + 3 } : line,
    ),
    operator: 'Sam Ortiz',
    source: 'phone',
  },
  // One-delegate precinct tied 6-6 in the final alignment: the coin toss went to Baker.
  { ...worksheetOf(coinToss), coinTosses: coinToss.coinTosses, operator: 'Jordan Lee', source: 'manual' },
];
writeFileSync(join(OUT, 'entries.json'), `${JSON.stringify({ entries }, null, 2)}\n`);
writeFileSync(
  join(OUT, 'election.json'),
  `${JSON.stringify({ name: 'Tally County Democratic Caucus (demo)', date: '2026-02-02', rulesProfile: 'iowa-dem-2020' }, null, 2)}\n`,
);
console.log(
  `demo county written to ${OUT}: ${precincts.length} precincts, ${totalDelegates} county delegates, SDE per delegate ${sdePerDelegate}`,
);

function worksheetOf(result: PrecinctResult, change: (line: CandidateLine) => CandidateLine = (line) => line) {
  return {
    precinct: result.precinct,
    coinTosses: [] as CoinToss[],
    lines: result.lines.map(change).map((line) => ({
      candidate: line.candidate,
      firstAlignment: line.firstAlignment,
      finalAlignment: line.finalAlignment,
      delegatesAwarded: line.delegatesAwarded,
    })),
  };
}
