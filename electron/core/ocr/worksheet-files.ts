/**
 * Worksheet PDFs of a county database: what the CLI and the API both hand out, so a worksheet
 * printed from the app and one printed from the command line are the same file.
 */
import { appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { worksheetPdf } from './worksheet-pdf';

export interface WorksheetFile {
  readonly fileName: string;
  readonly pdf: Uint8Array;
  /** Precinct codes on its pages, in page order. */
  readonly precincts: readonly string[];
}

/** One precinct's worksheet, or every precinct's (one page each, in the county's order) when `precinct` is omitted. */
export async function worksheetFile(
  store: CountyStore,
  createdAt: Date,
  precinct?: string,
): Promise<Result<WorksheetFile>> {
  const election = store.getElection();
  if (!election) return appError('NO_COUNTY', 'Set up the county before printing worksheets.');
  const all = store.listPrecincts();
  const precincts = precinct === undefined ? all : all.filter((entry) => entry.code === precinct);
  if (precinct !== undefined && precincts.length === 0) {
    return appError('UNKNOWN_PRECINCT', `There is no precinct "${precinct}" in ${election.county}.`);
  }
  if (precincts.length === 0) return appError('NO_PRECINCTS', `${election.county} has no precincts to print.`);
  const pdf = await worksheetPdf({ election, candidates: store.listCandidates(), precincts }, createdAt);
  if (!pdf.ok) return pdf;
  const stem = precinct === undefined ? `worksheets-${slug(election.county)}` : `worksheet-${slug(precinct)}`;
  return ok({ fileName: `${stem}.pdf`, pdf: pdf.value, precincts: precincts.map((entry) => entry.code) });
}

/** A file-name-safe form of a county name or precinct code ("Tally County" -> "Tally-County"). */
export function slug(text: string): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned || 'precinct';
}
