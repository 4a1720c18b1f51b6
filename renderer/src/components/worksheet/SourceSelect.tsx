/** Where a keyed worksheet's numbers come from: the paper worksheet, or a phone call. */
import type { ReportSource } from '../../api/types';
import './SourceSelect.css';

export function SourceSelect({
  source,
  onChange,
}: {
  source: ReportSource;
  onChange(source: 'manual' | 'phone'): void;
}) {
  return (
    <fieldset className="source-select">
      <legend className="field-label">Source</legend>
      <label className={`segment${source === 'manual' ? ' on' : ''}`}>
        <input
          type="radio"
          name="source"
          value="manual"
          checked={source === 'manual'}
          onChange={() => onChange('manual')}
        />
        Paper worksheet
      </label>
      <label className={`segment${source === 'phone' ? ' on' : ''}`}>
        <input
          type="radio"
          name="source"
          value="phone"
          checked={source === 'phone'}
          onChange={() => onChange('phone')}
        />
        Phoned in
      </label>
    </fieldset>
  );
}
