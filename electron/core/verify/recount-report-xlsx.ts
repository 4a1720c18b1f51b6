/**
 * The recount report as a workbook: one row per precinct recounted (or corrected) and candidate,
 * before, after and the difference for each number, and who, when and why; county totals on a
 * second sheet. Text is stored as text cells, never as formulas.
 */
import * as XLSX from 'xlsx';
import type { CandidateChange, CandidateNumbers, RecountSummary } from '../model/recount';
import { VERIFICATION_POLICY } from '../status/verification-policy';

const NUMBERS = [
  ['firstAlignment', 'first_alignment'],
  ['finalAlignment', 'final_alignment'],
  ['delegates', 'delegates'],
  ['sde', 'sde'],
] as const;

type Cell = string | number | null;

export function recountReportXlsx(summary: RecountSummary): Uint8Array {
  const workbook = XLSX.utils.book_new();
  const changeHeader = ['precinct', 'precinct_name', 'kind', 'by', 'at', 'reason', 'candidate', ...numberHeaders()];
  const changeRows: Cell[][] = summary.changes.flatMap((change) =>
    change.candidates.map((line) => [
      change.precinct,
      change.precinctName,
      change.kind,
      change.operator,
      change.at,
      change.reason,
      line.candidate,
      ...numberCells(line),
    ]),
  );
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([changeHeader, ...changeRows]), 'Recounts');
  const totalRows: Cell[][] = summary.countyTotals.map((line) => [line.candidate, ...numberCells(line)]);
  XLSX.utils.book_append_sheet(
    workbook,
    XLSX.utils.aoa_to_sheet([['candidate', ...numberHeaders()], ...totalRows]),
    'County totals',
  );
  const about: Cell[][] = [
    ['county', summary.county],
    ['election', summary.election],
    ['rules profile', summary.rulesProfile],
    ['generated at', summary.generatedAt],
    ['precincts changed', new Set(summary.changes.map((change) => change.precinct)).size],
    ['verification policy', `${VERIFICATION_POLICY.id} v${VERIFICATION_POLICY.version}`],
    ['policy text', VERIFICATION_POLICY.text],
  ];
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(about), 'About');
  return new Uint8Array(XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
}

function numberHeaders(): string[] {
  return NUMBERS.flatMap(([, label]) => [`${label}_before`, `${label}_after`, `${label}_difference`]);
}

function numberCells(line: CandidateChange): Cell[] {
  return NUMBERS.flatMap(([field]) => {
    const before = line.before[field as keyof CandidateNumbers];
    const after = line.after[field as keyof CandidateNumbers];
    return [before, after, difference(before, after)];
  });
}

export function difference(before: number | null, after: number | null): number | null {
  if (before === null || after === null) return null;
  return Math.round((after - before) * 10000) / 10000;
}
