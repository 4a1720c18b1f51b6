/** Scan review: a confirmed page, each value as confirmed beside the crop it was read from. */
import { formatCount, formatTime } from '../../format';
import { useSession } from '../../session';
import { ScanCrop, useObjectUrl } from '../ScanCrop';
import { Card, Notice } from '../ui';
import type { PageView, ScanView } from './scan-types';

export const COLUMN_LABELS = {
  first: 'First alignment',
  final: 'Final alignment',
  delegates: 'Delegates awarded',
} as const;

/** A page already confirmed: what was confirmed, by whom, and what the person changed. */
export function ConfirmedPage({ scan, page }: { scan: ScanView; page: PageView }) {
  const { navigate } = useSession();
  const pageUrl = useObjectUrl(page.page?.pngBase64);
  const confirmation = page.confirmation;
  if (!confirmation) return null;
  const changed = confirmation.fields.filter((field) => field.changed);
  return (
    <Card
      title={`Page ${page.pageNumber}: confirmed`}
      actions={
        <button
          type="button"
          className="button small"
          onClick={() => navigate({ screen: 'precincts', precinct: confirmation.precinct })}
        >
          Open precinct {confirmation.precinct}
        </button>
      }
    >
      <Notice kind="success" role="status">
        Confirmed by <strong>{confirmation.operator}</strong> ({formatTime(confirmation.confirmedAt)}) as report #
        {confirmation.reportId} of precinct <strong>{confirmation.precinct}</strong>
        {confirmation.overrideReason
          ? `, not the QR’s ${confirmation.qrPrecinct}: “${confirmation.overrideReason}”`
          : ''}
        . {changed.length === 0 ? 'Every value was as read.' : `${changed.length} of the values read were corrected.`}
      </Notice>
      <div className="table-wrap">
        <table className="data-table scan-confirmed-table" aria-label="Confirmed values">
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Field</th>
              <th scope="col">On the paper</th>
              <th scope="col" className="num">
                Read
              </th>
              <th scope="col" className="num">
                Confirmed
              </th>
            </tr>
          </thead>
          <tbody>
            {confirmation.fields.map((field) => {
              const box = page.fields.find(
                (entry) => entry.candidate === field.candidate && entry.column === field.column,
              )?.box;
              return (
                <tr key={`${field.candidate}:${field.column}`} data-changed={field.changed ? 'true' : undefined}>
                  <th scope="row">{field.candidate}</th>
                  <td>{COLUMN_LABELS[field.column]}</td>
                  <td>
                    {box ? (
                      <ScanCrop
                        pageUrl={pageUrl}
                        page={page.page}
                        box={box}
                        label={`${field.candidate}, ${COLUMN_LABELS[field.column].toLowerCase()} on the paper`}
                      />
                    ) : null}
                  </td>
                  <td className="num">{formatCount(field.readValue)}</td>
                  <td className={`num${field.changed ? ' differs' : ''}`}>{formatCount(field.value)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="hint">The scan {scan.fileName} is stored with the report as its evidence.</p>
    </Card>
  );
}
