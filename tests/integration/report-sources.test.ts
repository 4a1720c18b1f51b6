/**
 * Sources are permissions: the source a report is labelled with is something a role may or may
 * not record (electron/core/operators/roles.ts). A data-entry person cannot call a file they bring
 * in a recount, whichever method stores it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPORT_SOURCES } from '../../electron/core/model/report';
import { OPERATOR_ROLES, roleMayRecord } from '../../electron/core/operators/roles';
import { countyWithTeam, lines, type Team } from '../helpers/county-team';
import { INTAKE_FIXTURES } from '../helpers/intake-county';
import { expectOk, type TempCounty, tempCounty } from '../helpers/temp-county';

let county: TempCounty;
let team: Team;
beforeEach(async () => {
  county = tempCounty();
  team = await countyWithTeam(county);
});
afterEach(() => county.cleanup());

const csv = () => [
  { fileName: 'DM-01.csv', contentBase64: readFileSync(join(INTAKE_FIXTURES, 'good/DM-01.csv')).toString('base64') },
];

describe('who may record which source', () => {
  it('refuses an entry-role person labelling imported files as a recount, and stores nothing', async () => {
    const refused = await county.api.importFiles({ session: team.jordan, files: csv(), source: 'recount' });
    expect(refused.ok ? 'OK' : refused.error.code).toBe('NOT_ALLOWED');
    expect(expectOk(await county.api.getPrecinct({ precinct: 'DM-01' })).reports).toHaveLength(0);

    expect(expectOk(await county.api.importFiles({ session: team.jordan, files: csv(), source: 'usb' }))).toMatchObject(
      {
        imported: 1,
      },
    );
  });

  it('lets a recount verifier record a recount from a file', async () => {
    expect(
      expectOk(await county.api.importFiles({ session: team.riley, files: csv(), source: 'recount' })),
    ).toMatchObject({ imported: 1 });
  });

  it('refuses an entry-role person keying a worksheet as a recount', async () => {
    const refused = await county.api.submitWorksheet({
      session: team.sam,
      precinct: 'DM-01',
      source: 'recount',
      lines: lines([
        [20, 20, 4],
        [10, 10, 2],
        [7, 7, 1],
      ]),
    });
    expect(refused.ok ? 'OK' : refused.error.code).toBe('NOT_ALLOWED');
  });

  it('gives every role a line in one table: the chair records every source, data entry never a recount', () => {
    for (const source of REPORT_SOURCES) expect(roleMayRecord('chair', source)).toBe(true);
    expect(roleMayRecord('entry', 'recount')).toBe(false);
    expect(OPERATOR_ROLES.every((role) => roleMayRecord(role, 'manual'))).toBe(true);
  });
});
