import { toCsvLine } from '../../results-file/csv';
import type { AuditMeasurement } from '../audit/measure-audit';
import { AUDIT_REPORT_COLUMNS, auditReportRows } from './audit-report-rows';

/** The audit report as CSV text (formula-looking values escaped by toCsvLine). */
export function auditReportCsv(audit: AuditMeasurement): string {
  const lines = [toCsvLine(AUDIT_REPORT_COLUMNS)];
  for (const row of auditReportRows(audit)) lines.push(toCsvLine(AUDIT_REPORT_COLUMNS.map((column) => row[column])));
  return `${lines.join('\n')}\n`;
}
