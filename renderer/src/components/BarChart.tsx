/** A horizontal bar chart in plain SVG (no chart library): one bar per item, value at the bar's end. */
import { useId } from 'react';
import './BarChart.css';

export interface BarItem {
  readonly label: string;
  readonly value: number;
  readonly valueLabel: string;
}

interface Props {
  readonly title: string;
  readonly description: string;
  readonly items: readonly BarItem[];
  /** Counts of things (entries, precincts): gridlines only at whole numbers, never at 0.25. */
  readonly wholeNumbers?: boolean;
}

const WIDTH = 560;
const LABEL_WIDTH = 132;
const VALUE_WIDTH = 156;
const ROW = 42;
const BAR = 24;
const TOP = 6;
const AXIS = 24;

/** A round step giving about four gridlines up to `value` (1, 2, 2.5 or 5 times a power of ten). */
function niceStep(value: number): number {
  if (value <= 0) return 0.25;
  const rough = value / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (rough <= step * magnitude) return step * magnitude;
  }
  return 10 * magnitude;
}

function formatTick(value: number): string {
  return String(Number(value.toFixed(3)));
}

function truncate(text: string, max = 15): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function BarChart({ title, description, items, wholeNumbers = false }: Props) {
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const fineStep = niceStep(Math.max(0, ...items.map((item) => item.value)));
  const step = wholeNumbers ? Math.max(1, Math.ceil(fineStep)) : fineStep;
  const max = Math.max(step, Math.ceil(Math.max(0, ...items.map((item) => item.value)) / step - 1e-9) * step);
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = TOP + items.length * ROW + AXIS;
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, index) => index * step);
  const leader = Math.max(...items.map((item) => item.value));
  return (
    <svg
      className="bar-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={title}
      aria-describedby={descId}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {ticks.map((tick) => {
        const x = LABEL_WIDTH + (tick / max) * plot;
        return (
          <g key={tick} className="bar-tick">
            <line className="bar-grid" x1={x} x2={x} y1={TOP - 4} y2={TOP + items.length * ROW} />
            <text className="bar-axis" x={x} y={height - 6} textAnchor="middle">
              {formatTick(tick)}
            </text>
          </g>
        );
      })}
      {items.map((item, index) => {
        const y = TOP + index * ROW + (ROW - BAR) / 2;
        const width = max > 0 ? (item.value / max) * plot : 0;
        const isLeader = item.value > 0 && item.value === leader;
        return (
          <g key={item.label} className="bar-row">
            <title>{`${item.label}: ${item.valueLabel}`}</title>
            <text
              className="bar-label"
              x={LABEL_WIDTH - 10}
              y={y + BAR / 2}
              dominantBaseline="central"
              textAnchor="end"
            >
              {truncate(item.label)}
            </text>
            <rect className="bar-track" x={LABEL_WIDTH} y={y} width={plot} height={BAR} rx={3} />
            <rect
              className={`bar-fill${isLeader ? ' leader' : ''}`}
              x={LABEL_WIDTH}
              y={y}
              width={Math.max(width, item.value > 0 ? 2 : 0)}
              height={BAR}
              rx={3}
            />
            <text className="bar-value" x={LABEL_WIDTH + plot + 10} y={y + BAR / 2} dominantBaseline="central">
              {item.valueLabel}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
