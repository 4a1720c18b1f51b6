/**
 * Before and after, per candidate, in plain SVG (like BarChart): a pale bar for the certified
 * number, a solid bar for the number now, the change written at the end of the row.
 */
import { useId } from 'react';

export interface BeforeAfterItem {
  readonly label: string;
  readonly before: number;
  readonly after: number;
  readonly beforeLabel: string;
  readonly afterLabel: string;
}

const WIDTH = 620;
const LABEL_WIDTH = 120;
const VALUE_WIDTH = 200;
const ROW = 46;
const BAR = 14;
const TOP = 8;
const LEGEND = 26;

export function BeforeAfterChart({
  title,
  description,
  items,
  beforeName,
}: {
  title: string;
  description: string;
  items: readonly BeforeAfterItem[];
  /** What the pale bar is: "Certified" only once the county is certified, else "Before recounts". */
  beforeName: string;
}) {
  const id = useId();
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const max = Math.max(0.0001, ...items.flatMap((item) => [item.before, item.after]));
  const height = TOP + items.length * ROW + LEGEND;
  const width = (value: number) => Math.max((value / max) * plot, value > 0 ? 2 : 0);
  return (
    <svg
      className="bar-chart before-after-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={title}
      aria-describedby={`${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {items.map((item, index) => {
        const y = TOP + index * ROW + (ROW - 2 * BAR - 4) / 2;
        const changed = item.before !== item.after;
        return (
          <g key={item.label} className={`bar-row${changed ? ' changed' : ''}`} data-candidate={item.label}>
            <title>{`${item.label}: ${item.beforeLabel} ${beforeName.toLowerCase()}, ${item.afterLabel} now`}</title>
            <text
              className="bar-label"
              x={LABEL_WIDTH - 10}
              y={y + BAR + 2}
              dominantBaseline="central"
              textAnchor="end"
            >
              {item.label.length > 14 ? `${item.label.slice(0, 13)}…` : item.label}
            </text>
            <rect className="bar-track" x={LABEL_WIDTH} y={y} width={plot} height={2 * BAR + 4} rx={3} />
            <rect className="bar-before" x={LABEL_WIDTH} y={y} width={width(item.before)} height={BAR} rx={2} />
            <rect className="bar-after" x={LABEL_WIDTH} y={y + BAR + 4} width={width(item.after)} height={BAR} rx={2} />
            <text className="bar-value" x={LABEL_WIDTH + plot + 10} y={y + BAR + 2} dominantBaseline="central">
              {changed ? `${item.beforeLabel} → ${item.afterLabel}` : `${item.afterLabel} (no change)`}
            </text>
          </g>
        );
      })}
      <g className="chart-legend" transform={`translate(${LABEL_WIDTH}, ${height - 14})`}>
        <rect className="bar-before" width={12} height={10} rx={2} />
        <text className="bar-axis" x={18} y={9}>
          {beforeName}
        </text>
        <rect className="bar-after" x={140} width={12} height={10} rx={2} />
        <text className="bar-axis" x={158} y={9}>
          After recounts and corrections
        </text>
      </g>
    </svg>
  );
}
