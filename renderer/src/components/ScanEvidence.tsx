/**
 * The scan a report was confirmed from, as evidence beside the numbers: the page as read, each
 * confirmed value's crop, and what the person changed from what OCR read. The original file as
 * received can be opened too (it is stored byte for byte with its sha256).
 */
import { useReportEvidence } from '../api/hooks';
import { formatCount, formatTime } from '../format';
import { ScanCrop, ScanPageView, useObjectUrl } from './ScanCrop';
import { ErrorNotice, Loading } from './ui';
import './ScanEvidence.css';

const COLUMN_LABELS = { first: 'first', final: 'final', delegates: 'delegates' } as const;

export function ScanEvidence({ reportId }: { reportId: number }) {
  const evidence = useReportEvidence(reportId);
  const data = evidence.data ?? null;
  const pageUrl = useObjectUrl(data?.page?.pngBase64);
  const originalUrl = useObjectUrl(data?.original.base64, data?.original.mediaType);
  if (evidence.isPending) return <Loading label={`Loading the scan of report #${reportId}…`} />;
  if (evidence.isError) return <ErrorNotice error={evidence.error} title="The scan could not be loaded." />;
  if (!data) return null;
  const changed = data.fields.filter((field) => field.changed);
  return (
    <figure className="scan-evidence" data-testid={`scan-evidence-${reportId}`}>
      <figcaption>
        <strong>Report #{reportId}</strong> was read from <span className="file-name">{data.fileName}</span>
        {data.pageNumber > 1 ? `, page ${data.pageNumber}` : ''} and confirmed by {data.confirmation.operator} (
        {formatTime(data.confirmation.confirmedAt)}).{' '}
        {changed.length === 0
          ? 'Every value was as read.'
          : `Corrected from what was read: ${changed
              .map(
                (field) =>
                  `${field.candidate} ${COLUMN_LABELS[field.column]} ${formatCount(field.readValue)} → ${formatCount(field.value)}`,
              )
              .join('; ')}.`}{' '}
        {originalUrl ? (
          <a href={originalUrl} download={data.fileName} className="scan-original-link">
            Save the original file
          </a>
        ) : null}
      </figcaption>
      <div className="scan-evidence-body">
        <div className="scan-evidence-page">
          <ScanPageView
            pageUrl={pageUrl}
            page={data.page}
            highlight={null}
            label={`Scan of report #${reportId}: ${data.fileName}`}
          />
        </div>
        <ul className="scan-evidence-crops" aria-label={`Values on the paper, report #${reportId}`}>
          {data.fields.map((field) => (
            <li key={`${field.candidate}:${field.column}`} data-changed={field.changed ? 'true' : undefined}>
              <span className="scan-evidence-label">
                {field.candidate} · {COLUMN_LABELS[field.column]}
              </span>
              {field.box ? (
                <ScanCrop
                  pageUrl={pageUrl}
                  page={data.page}
                  box={field.box}
                  height={32}
                  label={`${field.candidate} ${COLUMN_LABELS[field.column]} on the paper`}
                />
              ) : null}
              <span className="num">{formatCount(field.value)}</span>
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}
