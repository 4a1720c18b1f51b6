/**
 * Intake, "parse big files off the main thread": a results file over the size threshold is parsed
 * on a worker thread, with exactly the Result the parser gives on the main thread (good files,
 * refused files, zip bombs), and an import of a drive with one behaves as before.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../electron/core/intake/import-paths';
import {
  filesParsedOffThread,
  OFF_THREAD_MIN_BYTES,
  parseReportFileOffThread,
} from '../../electron/core/intake/parse-off-thread';
import { parseReportFile } from '../../electron/core/intake/parse-report-file';
import { INTAKE_FIXTURES, intakeCounty } from '../helpers/intake-county';
import type { TempCounty } from '../helpers/temp-county';

const HEADER =
  'county,precinct,precinct_delegates,sde_per_delegate,candidate,first_alignment,final_alignment,delegates_awarded,sde';

/** A results CSV bigger than the threshold: many precincts of another county's size. */
function bigCsv(precinctPrefix: string): Uint8Array {
  const rows = [HEADER];
  for (let precinct = 0; rows.join('\n').length < OFF_THREAD_MIN_BYTES * 1.5 && precinct < 100_000; precinct++) {
    for (let batch = 0; batch < 200; batch++, precinct++) {
      for (const candidate of ['Adams', 'Baker', 'Castillo']) {
        rows.push(`Polk County,${precinctPrefix}-${precinct},7,0.25,${candidate},20,20,,`);
      }
    }
  }
  return new TextEncoder().encode(`${rows.join('\n')}\n`);
}

let county: TempCounty;
beforeEach(async () => {
  county = await intakeCounty();
});
afterEach(() => county.cleanup());

describe('big files are parsed off the main thread', () => {
  it('gives exactly the parser’s Result, for good files and refused ones', async () => {
    const before = filesParsedOffThread();
    const cases: [string, Uint8Array][] = [
      ['BIG.csv', bigCsv('XX')],
      ['AL-01.xlsx', new Uint8Array(readFileSync(join(INTAKE_FIXTURES, 'good', 'AL-01.xlsx')))],
      ['DM-02.json', new Uint8Array(readFileSync(join(INTAKE_FIXTURES, 'good', 'DM-02.json')))],
      ['zip-bomb.xlsx', new Uint8Array(readFileSync(join(INTAKE_FIXTURES, 'malformed', 'zip-bomb.xlsx')))],
      ['truncated.xlsx', new Uint8Array(readFileSync(join(INTAKE_FIXTURES, 'malformed', 'truncated.xlsx')))],
      ['text-in-number.csv', new Uint8Array(readFileSync(join(INTAKE_FIXTURES, 'malformed', 'text-in-number.csv')))],
    ];
    expect(cases[0]?.[1].length).toBeGreaterThan(OFF_THREAD_MIN_BYTES);
    for (const [fileName, bytes] of cases) {
      expect(await parseReportFileOffThread(fileName, bytes), fileName).toEqual(parseReportFile(fileName, bytes));
    }
    // The work really went to the worker (a build without one parses in place, with the same answers).
    expect(filesParsedOffThread() - before).toBe(cases.length);
  }, 60_000);

  it('a drive with a big file imports as before: the same refusal, the other files imported', async () => {
    const drive = join(county.dir, 'STICK');
    mkdirSync(drive);
    writeFileSync(join(drive, 'ALL-PRECINCTS.csv'), bigCsv('XX'));
    writeFileSync(join(drive, 'DM-01.csv'), readFileSync(join(INTAKE_FIXTURES, 'good', 'DM-01.csv')));
    const before = filesParsedOffThread();
    const summary = await importPaths(county.store, [drive], { source: 'usb', operator: 'Desk' });
    // Every results file of an import is parsed on the worker (big or small), while this thread stores.
    expect(filesParsedOffThread() - before).toBe(2);
    expect(summary).toMatchObject({ imported: 1, duplicates: 0, conflicts: 0, pendingReview: 0 });
    // Every precinct of the file is unknown: the refusal says how many problems and lists them by row (up to 50).
    expect(summary.rejected).toEqual([
      {
        path: join(drive, 'ALL-PRECINCTS.csv'),
        code: 'UNKNOWN_PRECINCT',
        message: expect.stringMatching(
          /^ALL-PRECINCTS\.csv has [\d,]+ problems; the first: Precinct "XX-0" is not a precinct of Polk County\. Nothing was imported; fix the file and try again\.$/,
        ),
        problems: expect.any(Array),
      },
    ]);
    expect(summary.rejected[0]?.problems?.slice(0, 2)).toEqual([
      { row: 2, column: 'precinct', message: 'Precinct "XX-0" is not a precinct of Polk County.' },
      { row: 5, column: 'precinct', message: 'Precinct "XX-1" is not a precinct of Polk County.' },
    ]);
    expect(summary.rejected[0]?.problems).toHaveLength(50);
  }, 60_000);
});
