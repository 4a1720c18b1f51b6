/** Import files: one count of the running totals (imported, already here, refused...). */
import { formatCount } from '../../format';
import type { Outcome } from './import-files';

export function Total({ label, value, kind }: { label: string; value: number; kind: Outcome }) {
  return (
    <div className={`import-total outcome-${kind}${value === 0 ? ' zero' : ''}`}>
      <span className="import-total-value">{formatCount(value)}</span>
      <span className="import-total-label">{label}</span>
    </div>
  );
}
