/** Downloads the printable worksheet PDF of one precinct, or of every precinct in one file (docs/OCR.md). */
import { useWorksheetPdf } from '../api/hooks';
import { saveFile } from './file-bytes';

export function PrintWorksheetButton({ precinct, className = 'button' }: { precinct?: string; className?: string }) {
  const download = useWorksheetPdf();
  const label = precinct === undefined ? 'Print all worksheets' : 'Print worksheet';
  const print = () =>
    download.mutate(precinct === undefined ? {} : { precinct }, {
      onSuccess: (file) =>
        saveFile({ fileName: file.fileName, mediaType: 'application/pdf', contentBase64: file.pdfBase64 }),
    });
  return (
    <span className="print-worksheet">
      <button
        type="button"
        className={className}
        disabled={download.isPending}
        onClick={print}
        title={
          precinct === undefined
            ? 'One PDF with every precinct’s worksheet, one page each'
            : `The worksheet of precinct ${precinct}, to print and fill by hand`
        }
      >
        {download.isPending ? 'Preparing PDF…' : label}
      </button>
      {download.isError ? (
        <span role="alert" className="error-text">
          {download.error instanceof Error ? download.error.message : 'The worksheet could not be made.'}
        </span>
      ) : null}
    </span>
  );
}
