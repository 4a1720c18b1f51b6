/** The plain summary above the per-file table once an import has finished. */
import { type ImportTotals, importOutcome } from './import-outcome';
import './import-results.css';

export function ImportSummary({ files, totals }: { files: number; totals: ImportTotals }) {
  const outcome = importOutcome(files, totals);
  return (
    <div
      className={`notice notice-${outcome.tone} import-summary`}
      role={outcome.tone === 'error' ? 'alert' : 'status'}
      data-testid="import-summary"
      data-tone={outcome.tone}
    >
      <strong>{outcome.headline}</strong>
      <ul>
        {outcome.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
