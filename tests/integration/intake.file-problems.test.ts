/**
 * A results file with several problems is refused whole, and the refusal lists every problem with
 * its row and column (as a county definition file's problems are listed), not only the first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { intakeCounty } from '../helpers/intake-county';
import { expectOk, type TempCounty } from '../helpers/temp-county';

let county: TempCounty;
beforeEach(async () => {
  county = await intakeCounty();
});
afterEach(() => county.cleanup());

const HEADER =
  'county,precinct,precinct_delegates,sde_per_delegate,candidate,first_alignment,final_alignment,delegates_awarded,sde';
const csv = (...rows: string[]) => ({
  fileName: 'three-problems.csv',
  contentBase64: Buffer.from(`${[HEADER, ...rows].join('\n')}\n`).toString('base64'),
});

describe('a results file with several problems', () => {
  it('is refused whole, with every problem by row and column', async () => {
    const result = expectOk(
      await county.api.importFiles({
        operator: 'Desk',
        files: [
          csv(
            'Polk County,DM-01,7,0.25,Adams,20,20,4,1',
            'Polk County,DM-01,7,0.25,Zephyr,10,10,2,0.5',
            'Polk County,DM-01,7,0.25,Castillo,-7,7,1,0.25',
            'Polk County,XX-9,3,0.25,Adams,5,5,3,0.75',
          ),
        ],
      }),
    );
    expect(result.imported).toBe(0);
    expect(result.rejected).toHaveLength(1);
    const [refusal] = result.rejected;
    expect(refusal?.message).toMatch(/three-problems\.csv has 3 problems/);
    expect(refusal?.message).toMatch(/Nothing was imported/);
    expect(refusal?.problems).toEqual([
      { row: 3, column: 'candidate', message: expect.stringContaining('"Zephyr"') },
      { row: 4, column: 'first_alignment', message: expect.stringContaining('-7') },
      { row: 5, column: 'precinct', message: expect.stringContaining('"XX-9"') },
    ]);
    // The per-file result carries the same list for the import screen.
    expect(result.files[0]?.summary.rejected[0]?.problems).toHaveLength(3);
    expect(expectOk(await county.api.getOverview({})).precincts.every((row) => row.reportCount === 0)).toBe(true);
  });

  it('a file with one problem keeps its one sentence, and names its row and column too', async () => {
    const result = expectOk(
      await county.api.importFiles({
        operator: 'Desk',
        files: [csv('Polk County,XX-9,3,0.25,Adams,5,5,3,0.75')],
      }),
    );
    expect(result.rejected).toEqual([
      {
        path: 'three-problems.csv',
        code: 'UNKNOWN_PRECINCT',
        message:
          'three-problems.csv has results for precinct "XX-9", which is not a precinct of Polk County. Nothing was imported.',
        problems: [{ row: 2, column: 'precinct', message: 'Precinct "XX-9" is not a precinct of Polk County.' }],
      },
    ]);
  });

  it('a file for another county is one problem, however many rows say so', async () => {
    const result = expectOk(
      await county.api.importFiles({
        operator: 'Desk',
        files: [csv('Story County,DM-01,7,0.25,Adams,20,20,4,1', 'Story County,DM-02,6,0.25,Adams,20,20,4,1')],
      }),
    );
    expect(result.rejected[0]?.code).toBe('WRONG_COUNTY');
    expect(result.rejected[0]?.problems).toEqual([{ row: 2, column: 'county', message: expect.any(String) }]);
  });
});
