/**
 * Where each finding of the live check shows on the keyed worksheet: beside a box, beside a
 * candidate, or at the top. A missing value is pointed out only once its box was left (or a save
 * was tried); a box that is not a number has its own message, so the checker's word on the empty
 * value sent for it is left out.
 */
import type { Finding, FindingField } from '../../api/types';
import type { Column, ParsedRow } from './useWorksheetDraft';

export interface PlacedFindings {
  readonly visible: readonly Finding[];
  readonly top: readonly Finding[];
  cell(candidate: string, field: FindingField): Finding[];
  row(candidate: string): Finding[];
}

export function placeFindings(input: {
  findings: readonly Finding[];
  columns: readonly Column[];
  parsed: readonly ParsedRow[];
  touched: ReadonlySet<string>;
  triedSave: boolean;
}): PlacedFindings {
  const { findings, columns, parsed, touched, triedSave } = input;
  const shown = (finding: Finding) => {
    if (finding.code !== 'MISSING_DATA') return true;
    if (triedSave) return true;
    if (finding.candidate && finding.field) return touched.has(`${finding.candidate}:${finding.field}`);
    return touched.size > 0;
  };
  const notANumber = new Set(
    parsed.flatMap((row) =>
      columns.filter((column) => row[column].problem).map((column) => `${row.candidate}:${column}`),
    ),
  );
  const visible = findings.filter(
    (finding) => shown(finding) && !notANumber.has(`${finding.candidate ?? ''}:${finding.field ?? ''}`),
  );
  return {
    visible,
    top: visible.filter((f) => !f.candidate),
    cell: (candidate, field) => visible.filter((f) => f.candidate === candidate && f.field === field),
    row: (candidate) =>
      visible.filter(
        (f) => f.candidate === candidate && (!f.field || !(columns as readonly string[]).includes(f.field as string)),
      ),
  };
}
