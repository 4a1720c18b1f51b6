import type { CountySetupInput } from '../model/county';
import type { FileProblem } from '../model/file-problem';
import type { RulesProfileId } from '../model/rules-profile';
import { type AppError, ok, type Result } from '../result';
import { cell, isBlankRow, locateColumns, parseNumberCell } from './columns';
import { fileProblems } from './precinct-results';
import type { Table } from './table';

const REQUIRED = ['county', 'precinct', 'precinct_delegates', 'sde_per_delegate', 'candidate'] as const;
const OPTIONAL = ['chair_email', 'precinct_name'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface CountyDefinitionOptions {
  readonly rulesProfile: RulesProfileId;
  readonly electionName?: string;
  readonly date?: string;
}

/**
 * A county definition: the precinct results file with the counts left empty (docs/CONTRACTS.md `init`),
 * plus optional `chair_email` and `precinct_name` columns. Candidates are in ballot order of first
 * appearance. Every problem is listed by row and column; nothing is returned unless the file is clean.
 */
export function parseCountyDefinition(
  table: Table,
  fileName: string,
  options: CountyDefinitionOptions,
): Result<CountySetupInput, AppError> {
  const located = locateColumns(table, REQUIRED, OPTIONAL);
  if ('problems' in located) return fileProblems(fileName, located.problems);
  const { columns } = located;
  const problems: FileProblem[] = [];
  let county: string | null = null;
  let sdePerDelegate: number | null = null;
  const candidates: string[] = [];
  const precincts = new Map<
    string,
    { code: string; name: string; delegates: number; chairEmail: string | null; row: number }
  >();
  const seenPairs = new Set<string>();

  table.slice(1).forEach((row, index) => {
    const rowNumber = index + 2;
    if (isBlankRow(row)) return;
    const rowCounty = cell(row, columns.county);
    const code = cell(row, columns.precinct);
    const candidate = cell(row, columns.candidate);
    const delegatesText = cell(row, columns.precinct_delegates);
    const ratioText = cell(row, columns.sde_per_delegate);
    const chairEmail = cell(row, columns.chair_email) || null;
    const name = cell(row, columns.precinct_name) || code;

    if (rowCounty === '') problems.push({ row: rowNumber, column: 'county', message: 'The county is empty.' });
    else if (county === null) county = rowCounty;
    else if (rowCounty !== county) {
      problems.push({
        row: rowNumber,
        column: 'county',
        message: `This row names county "${rowCounty}" but earlier rows name "${county}"; a definition is for one county.`,
      });
    }
    if (code === '') problems.push({ row: rowNumber, column: 'precinct', message: 'The precinct is empty.' });
    if (candidate === '') problems.push({ row: rowNumber, column: 'candidate', message: 'The candidate is empty.' });

    const delegates = parseNumberCell(delegatesText);
    if (delegates === null || delegates === undefined || !Number.isInteger(delegates) || delegates < 0) {
      problems.push({
        row: rowNumber,
        column: 'precinct_delegates',
        message:
          delegatesText === ''
            ? 'The number of delegates the precinct elects is empty.'
            : `"${delegatesText}" is not a whole number of delegates (0 or more).`,
      });
    }
    const ratio = parseNumberCell(ratioText);
    if (ratio === null || ratio === undefined || !(ratio > 0)) {
      problems.push({
        row: rowNumber,
        column: 'sde_per_delegate',
        message:
          ratioText === ''
            ? 'The SDE per county delegate is empty.'
            : `"${ratioText}" is not a positive number of SDEs per delegate.`,
      });
    } else if (sdePerDelegate === null) {
      sdePerDelegate = ratio;
    } else if (ratio !== sdePerDelegate) {
      problems.push({
        row: rowNumber,
        column: 'sde_per_delegate',
        message: `The SDE per delegate is ${ratio} here but ${sdePerDelegate} on earlier rows; it is one value for the county.`,
      });
    }
    if (chairEmail !== null && !EMAIL.test(chairEmail)) {
      problems.push({ row: rowNumber, column: 'chair_email', message: `"${chairEmail}" is not an email address.` });
    }
    if (code === '' || candidate === '' || delegates === null || delegates === undefined) return;

    if (seenPairs.has(`${code}\u0000${candidate}`)) {
      problems.push({
        row: rowNumber,
        column: 'candidate',
        message: `${candidate} appears twice for precinct ${code}.`,
      });
    }
    seenPairs.add(`${code}\u0000${candidate}`);
    if (!candidates.includes(candidate)) candidates.push(candidate);
    const existing = precincts.get(code);
    if (!existing) {
      precincts.set(code, { code, name, delegates, chairEmail, row: rowNumber });
    } else if (existing.delegates !== delegates) {
      problems.push({
        row: rowNumber,
        column: 'precinct_delegates',
        message: `Precinct ${code} elects ${delegates} delegates here but ${existing.delegates} on row ${existing.row}.`,
      });
    } else if (chairEmail !== null && existing.chairEmail !== null && chairEmail !== existing.chairEmail) {
      problems.push({
        row: rowNumber,
        column: 'chair_email',
        message: `Precinct ${code} has chair ${chairEmail} here but ${existing.chairEmail} on row ${existing.row}.`,
      });
    } else if (existing.chairEmail === null && chairEmail !== null) {
      existing.chairEmail = chairEmail;
    }
  });

  if (problems.length === 0 && precincts.size === 0) {
    problems.push({ row: 2, column: null, message: 'The file has a header but no precinct rows.' });
  }
  if (problems.length > 0 || county === null || sdePerDelegate === null) return fileProblems(fileName, problems);
  return ok({
    county,
    name: options.electionName ?? `${county} caucus`,
    date: options.date ?? localDate(new Date()),
    rulesProfile: options.rulesProfile,
    sdePerDelegate,
    precincts: [...precincts.values()].map(({ code, name, delegates, chairEmail }) => ({
      code,
      name,
      delegates,
      chairEmail,
    })),
    candidates,
  });
}

/** Today's date where the county is, not in UTC: a caucus evening in Iowa is already tomorrow in UTC. */
function localDate(now: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
