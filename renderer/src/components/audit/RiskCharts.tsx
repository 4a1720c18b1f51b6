/**
 * Step 4's pictures, plain SVG: the measured risk after each round against the risk limit, and per
 * sampled precinct the discrepancy the hand count found (overstatements of the winner's margin count
 * against the outcome; understatements do not).
 */
import { useId } from 'react';
import type { AuditMeasurementView, AuditView } from '../../api/audit-hooks';

const WIDTH = 640;
const LABEL = 110;
const VALUE = 220;
const ROW = 34;
const BAR = 20;

/** The newest measurement of each round, the unsaved current one last when it is newer. */
export function riskPoints(audit: AuditView): AuditMeasurementView[] {
  const byRound = new Map<number, AuditMeasurementView>();
  for (const entry of audit.history) byRound.set(entry.round, entry);
  if (audit.current && !byRound.has(audit.current.round)) byRound.set(audit.current.round, audit.current);
  return [...byRound.values()].sort((a, b) => a.round - b.round);
}

export function RiskChart({ audit }: { audit: AuditView }) {
  const id = useId();
  const points = riskPoints(audit);
  const limit = audit.riskLimitPercent / 100;
  const max = Math.min(1, Math.max(limit * 2, ...points.map((point) => point.pValue)));
  const plot = WIDTH - LABEL - VALUE;
  const height = 10 + points.length * ROW + 26;
  const x = (value: number) => LABEL + (Math.min(value, max) / max) * plot;
  const description = points
    .map((point) => `round ${point.round}: risk ${point.pValue.toPrecision(3)} (${point.verdictText})`)
    .join('; ');
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label="Measured risk per round against the risk limit"
      aria-describedby={`${id}-desc`}
      data-testid="risk-chart"
      style={{ width: '100%', maxWidth: WIDTH }}
    >
      <desc id={`${id}-desc`}>{`Risk limit ${audit.riskLimitPercent}%. ${description}`}</desc>
      {points.map((point, index) => {
        const y = 10 + index * ROW + (ROW - BAR) / 2;
        const over = point.pValue > limit;
        return (
          <g key={point.round} data-round={point.round}>
            <text x={LABEL - 10} y={y + BAR / 2} textAnchor="end" dominantBaseline="central" fontSize="13">
              Round {point.round}
            </text>
            <rect x={LABEL} y={y} width={plot} height={BAR} rx={3} fill="var(--missing-soft, #eef1f5)" />
            <rect
              x={LABEL}
              y={y}
              width={Math.max(2, x(point.pValue) - LABEL)}
              height={BAR}
              rx={3}
              fill={over ? 'var(--warning, #a85a00)' : 'var(--success, #23883b)'}
            />
            <text x={LABEL + plot + 8} y={y + BAR / 2} dominantBaseline="central" fontSize="12">
              {`risk ${point.pValue.toPrecision(3)}${over ? ' > limit' : ' ≤ limit'}`}
            </text>
          </g>
        );
      })}
      <line
        x1={x(limit)}
        x2={x(limit)}
        y1={4}
        y2={10 + points.length * ROW}
        stroke="var(--danger, #b42318)"
        strokeWidth={2}
        strokeDasharray="5 3"
      />
      <text x={x(limit)} y={height - 8} textAnchor="middle" fontSize="12" fill="var(--danger, #b42318)">
        {`limit ${audit.riskLimitPercent}%`}
      </text>
    </svg>
  );
}

export function DiscrepancyChart({ audit }: { audit: AuditView }) {
  const id = useId();
  const rows = audit.sampled.filter((precinct) => precinct.discrepancyVotes !== null);
  if (rows.length === 0) return null;
  const largest = Math.max(1, ...rows.map((row) => Math.abs(row.discrepancyVotes ?? 0)));
  const plot = WIDTH - LABEL - VALUE;
  const zero = LABEL + plot / 2;
  const height = 10 + rows.length * ROW + 20;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label="Discrepancy per sampled precinct"
      aria-describedby={`${id}-desc`}
      data-testid="discrepancy-chart"
      style={{ width: '100%', maxWidth: WIDTH }}
    >
      <desc id={`${id}-desc`}>
        {rows
          .map(
            (row) =>
              `${row.precinct}: ${row.discrepancyVotes === 0 ? 'no discrepancy' : `${row.discrepancyVotes} votes`}, taint ${row.taint ?? '0'}`,
          )
          .join('; ')}
      </desc>
      {rows.map((row, index) => {
        const y = 10 + index * ROW + (ROW - BAR) / 2;
        const votes = row.discrepancyVotes ?? 0;
        const width = (Math.abs(votes) / largest) * (plot / 2);
        return (
          <g key={row.precinct} data-precinct={row.precinct}>
            <text x={LABEL - 10} y={y + BAR / 2} textAnchor="end" dominantBaseline="central" fontSize="13">
              {row.precinct}
            </text>
            <rect
              x={votes >= 0 ? zero : zero - width}
              y={y}
              width={Math.max(votes === 0 ? 0 : 2, width)}
              height={BAR}
              rx={3}
              fill={votes > 0 ? 'var(--warning, #a85a00)' : 'var(--muted, #677386)'}
            />
            <text x={LABEL + plot + 8} y={y + BAR / 2} dominantBaseline="central" fontSize="12">
              {votes === 0
                ? 'matches'
                : votes > 0
                  ? `overstated ${votes} · taint ${Number(row.taint ?? 0).toFixed(3)}`
                  : `understated ${-votes}`}
            </text>
          </g>
        );
      })}
      <line x1={zero} x2={zero} y1={4} y2={10 + rows.length * ROW} stroke="var(--border, #ccd)" strokeWidth={1.5} />
      <text x={zero} y={height - 4} textAnchor="middle" fontSize="11" fill="var(--muted, #677386)">
        ← understated · overstated →
      </text>
    </svg>
  );
}
