import { useId } from 'react';
import { ARCHETYPE_NAMES, ARCHETYPE_ORDER } from '../archetypes/archetype-names.js';
import type { Granularity, MixBucket } from '../archetypes/mix-series.js';
import { formatDay, formatHour } from '../format/date-format.js';

// Drawing units of the viewBox; CSS scales the whole SVG to the container's width.
const WIDTH = 720;
const HEIGHT = 280;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 44 } as const;
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;
const MAX_X_LABELS = 8;

interface ChartProps {
  readonly buckets: readonly MixBucket[];
  readonly granularity: Granularity;
  /** One sentence for screen readers: what the chart shows and its main finding. */
  readonly summary: string;
}

/**
 * Visitors per hour or day as bars stacked by archetype, drawn as plain SVG (no chart library,
 * nothing inline that the CSP would refuse: colours come from classes in styles.css).
 */
export function ArchetypeMixChart({ buckets, granularity, summary }: ChartProps) {
  const titleId = useId();
  const descId = useId();
  const scaleMax = niceCeiling(Math.max(2, ...buckets.map((bucket) => bucket.total)));
  const slot = PLOT_WIDTH / Math.max(1, buckets.length);

  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
    >
      <title id={titleId}>Archetype mix of visitors per {granularity}</title>
      <desc id={descId}>{summary}</desc>
      <YAxis scaleMax={scaleMax} />
      {buckets.map((bucket, index) => (
        <Bar
          key={bucket.start.toISOString()}
          bucket={bucket}
          x={MARGIN.left + index * slot}
          slot={slot}
          scaleMax={scaleMax}
          granularity={granularity}
        />
      ))}
      <XAxis buckets={buckets} slot={slot} granularity={granularity} />
    </svg>
  );
}

function YAxis({ scaleMax }: { readonly scaleMax: number }) {
  const ticks = [0, scaleMax / 2, scaleMax];

  return (
    <g className="chart-axis">
      {ticks.map((tick) => {
        const y = MARGIN.top + PLOT_HEIGHT - (tick / scaleMax) * PLOT_HEIGHT;
        return (
          <g key={tick}>
            <line className="chart-grid" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y} y2={y} />
            <text x={MARGIN.left - 8} y={y} dy="0.32em" textAnchor="end">
              {formatCount(tick)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

interface BarProps {
  readonly bucket: MixBucket;
  readonly x: number;
  readonly slot: number;
  readonly scaleMax: number;
  readonly granularity: Granularity;
}

/** One bucket's stack, bottom-up in the taxonomy's order; each segment names itself on hover. */
function Bar({ bucket, x, slot, scaleMax, granularity }: BarProps) {
  const width = Math.max(1, slot * 0.72);
  const left = x + (slot - width) / 2;
  let base = MARGIN.top + PLOT_HEIGHT;
  const when = bucketLabel(bucket.start, granularity, true);

  return (
    <g className="chart-bar">
      {ARCHETYPE_ORDER.map((id) => {
        const visitors = bucket.counts.get(id) ?? 0;
        if (visitors === 0) return null;
        const height = (visitors / scaleMax) * PLOT_HEIGHT;
        base -= height;
        return (
          <rect
            key={id}
            className={`chart-segment series--${id}`}
            x={left}
            y={base}
            width={width}
            height={height}
          >
            <title>{`${ARCHETYPE_NAMES[id]}: ${visitors} visitors, ${when}`}</title>
          </rect>
        );
      })}
    </g>
  );
}

interface XAxisProps {
  readonly buckets: readonly MixBucket[];
  readonly slot: number;
  readonly granularity: Granularity;
}

function XAxis({ buckets, slot, granularity }: XAxisProps) {
  const every = Math.max(1, Math.ceil(buckets.length / MAX_X_LABELS));
  const y = MARGIN.top + PLOT_HEIGHT;

  return (
    <g className="chart-axis">
      <line className="chart-baseline" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y} y2={y} />
      {buckets.map((bucket, index) =>
        index % every === 0 ? (
          <text
            key={bucket.start.toISOString()}
            x={MARGIN.left + index * slot + slot / 2}
            y={y + 18}
            textAnchor="middle"
          >
            {bucketLabel(bucket.start, granularity)}
          </text>
        ) : null,
      )}
    </g>
  );
}

/** Short for the axis ("17:00", "3 Dec"); `full` adds the day to hours, for tooltips and tables. */
export function bucketLabel(start: Date, granularity: Granularity, full = false): string {
  if (granularity === 'day') return formatDay(start);

  return full ? `${formatDay(start)}, ${formatHour(start)}` : formatHour(start);
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value`, so axis labels are round numbers. */
export function niceCeiling(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= value) ?? 10;

  return step * magnitude;
}

const COUNT = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

function formatCount(value: number): string {
  return COUNT.format(value);
}
