import { ARCHETYPE_NAMES, ARCHETYPE_ORDER } from '../archetypes/archetype-names.js';
import type { Granularity, MixBucket } from '../archetypes/mix-series.js';
import { bucketLabel } from './archetype-mix-chart.js';

interface TableProps {
  readonly buckets: readonly MixBucket[];
  readonly granularity: Granularity;
}

/** The chart's numbers as a table, for screen readers, keyboard users and exact reading. */
export function ArchetypeMixTable({ buckets, granularity }: TableProps) {
  const withVisitors = buckets.filter((bucket) => bucket.total > 0);

  return (
    <details className="mix-table">
      <summary>Show the numbers as a table</summary>
      <div className="table-scroll">
        <table>
          <caption>
            Visitors per {granularity} by archetype (periods without visitors left out)
          </caption>
          <thead>
            <tr>
              <th scope="col">{granularity === 'hour' ? 'Hour' : 'Day'}</th>
              {ARCHETYPE_ORDER.map((id) => (
                <th key={id} scope="col">
                  {ARCHETYPE_NAMES[id]}
                </th>
              ))}
              <th scope="col">All</th>
            </tr>
          </thead>
          <tbody>
            {withVisitors.map((bucket) => (
              <tr key={bucket.start.toISOString()}>
                <th scope="row">{bucketLabel(bucket.start, granularity, true)}</th>
                {ARCHETYPE_ORDER.map((id) => (
                  <td key={id}>{bucket.counts.get(id) ?? 0}</td>
                ))}
                <td>{bucket.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
