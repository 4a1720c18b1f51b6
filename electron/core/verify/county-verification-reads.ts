/** What the verification screens read of the whole county: the discrepancy queue, the recount summary and its report. */
import { buildCountyView } from '../county/county-view';
import type { RecountReportFile, RecountSummary } from '../model/recount';
import type { Discrepancy } from '../model/verification';
import { reportFileSlug } from '../report-pdf/report-file-name';
import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore, ElectionRow } from '../store/county-store';
import { listDiscrepancies } from './discrepancies';
import { recountReportPdf } from './recount-report-pdf';
import { recountReportXlsx } from './recount-report-xlsx';
import { buildRecountSummary } from './recount-summary';

export function countyDiscrepancies(store: CountyStore): Result<Discrepancy[], AppError> {
  const election = needCounty(store);
  return election.ok ? ok(listDiscrepancies(buildCountyView(store, election.value))) : election;
}

export function countyRecountSummary(store: CountyStore, at: string): Result<RecountSummary, AppError> {
  const election = needCounty(store);
  return election.ok ? ok(buildRecountSummary(store, election.value, at)) : election;
}

/** The recount report to download, as a spreadsheet or a printable PDF. */
export async function recountReportFile(
  store: CountyStore,
  format: 'pdf' | 'xlsx',
  at: string,
): Promise<Result<RecountReportFile, AppError>> {
  const election = needCounty(store);
  if (!election.ok) return election;
  const summary = buildRecountSummary(store, election.value, at);
  const stem = `recount-report-${reportFileSlug(election.value.county)}`;
  if (format === 'xlsx') {
    return ok({
      fileName: `${stem}.xlsx`,
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      contentBase64: Buffer.from(recountReportXlsx(summary)).toString('base64'),
    });
  }
  return ok({
    fileName: `${stem}.pdf`,
    mediaType: 'application/pdf',
    contentBase64: Buffer.from(await recountReportPdf(summary)).toString('base64'),
  });
}

function needCounty(store: CountyStore): Result<ElectionRow, AppError> {
  const election = store.getElection();
  return election ? ok(election) : appError('NO_COUNTY', 'Set up the county first.');
}
