import { ARCHETYPE_NAMES, type ArchetypeId } from '../archetypes/archetype-names.js';

interface LegendProps {
  readonly totals: ReadonlyMap<ArchetypeId, number>;
  readonly totalVisitors: number;
}

const PERCENT = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

/** The chart's key, which doubles as the period's summary: visitors and share per archetype. */
export function ArchetypeLegend({ totals, totalVisitors }: LegendProps) {
  return (
    <ul className="legend" aria-label="Visitors by archetype over the period">
      {[...totals].map(([id, visitors]) => (
        <li key={id} className="legend-item">
          <span className={`legend-swatch series--${id}`} aria-hidden="true" />
          <span className="legend-name">{ARCHETYPE_NAMES[id]}</span>
          <span className="legend-value">
            {visitors} · {PERCENT.format(totalVisitors === 0 ? 0 : visitors / totalVisitors)}
          </span>
        </li>
      ))}
    </ul>
  );
}
