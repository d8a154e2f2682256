import { useCallback, useState } from 'react';
import { type ArchetypeMix, fetchArchetypeMix } from '../api/archetype-mix-api.js';
import type { MemberShop } from '../api/auth-api.js';
import { ARCHETYPE_NAMES, type ArchetypeId } from '../archetypes/archetype-names.js';
import { bucketMix, type Granularity, totalsByArchetype } from '../archetypes/mix-series.js';
import { ArchetypeLegend } from '../components/archetype-legend.js';
import { ArchetypeMixChart } from '../components/archetype-mix-chart.js';
import { ArchetypeMixTable } from '../components/archetype-mix-table.js';
import { FormAlert } from '../components/form.js';
import { PageHeading } from '../components/page-heading.js';
import { SelectField } from '../components/select-field.js';
import { useLoader } from '../components/use-loader.js';
import { useSession } from '../session/session-context.js';
import { NoShop } from './no-shop.js';
import { OverviewEmptyState } from './overview-empty-state.js';

type RangeId = '24h' | '7d' | '30d';

interface RangeChoice {
  readonly label: string;
  readonly granularity: Granularity;
  /** The range ending now: hours for 'hour', whole calendar days (today included) for 'day'. */
  readonly span: number;
}

const RANGES: Readonly<Record<RangeId, RangeChoice>> = {
  '24h': { label: 'Last 24 hours', granularity: 'hour', span: 24 },
  '7d': { label: 'Last 7 days', granularity: 'day', span: 7 },
  '30d': { label: 'Last 30 days', granularity: 'day', span: 30 },
};

/** The shop's archetype mix over time: who visits, by the archetype each visitor leans to. */
export function OverviewScreen() {
  const { shop } = useSession();
  if (shop === null) return <NoShop title="Overview" />;

  return <ShopOverview key={shop.shopId} shop={shop} />;
}

function ShopOverview({ shop }: { readonly shop: MemberShop }) {
  const [rangeId, setRangeId] = useState<RangeId>('7d');
  const choice = RANGES[rangeId];
  const load = useCallback(async (): Promise<LoadedMix> => {
    const range = rangeEndingNow(choice);
    return { range, mix: await fetchArchetypeMix(shop.shopId, range) };
  }, [shop.shopId, choice]);
  const { state } = useLoader(load);

  return (
    <section className="page">
      <div className="page-header">
        <PageHeading title="Overview">Archetype mix of {shop.name}</PageHeading>
        <SelectField
          id="overview-range"
          label="Period"
          value={rangeId}
          options={Object.entries(RANGES).flatMap(([id, range]) =>
            isRangeId(id) ? [{ value: id, label: range.label }] : [],
          )}
          onValue={setRangeId}
        />
      </div>
      {state.status === 'loading' ? <p aria-busy="true">Loading…</p> : null}
      {state.status === 'failed' ? <FormAlert message={state.error.message} /> : null}
      {state.status === 'ready' ? <MixView loaded={state.data} choice={choice} /> : null}
    </section>
  );
}

function isRangeId(id: string): id is RangeId {
  return Object.hasOwn(RANGES, id);
}

function rangeEndingNow(choice: RangeChoice): { from: Date; to: Date } {
  const to = new Date();
  if (choice.granularity === 'hour') {
    const hourStart = new Date(to);
    hourStart.setMinutes(0, 0, 0);
    return { from: new Date(hourStart.getTime() - (choice.span - 1) * 3_600_000), to };
  }

  const from = new Date(to.getFullYear(), to.getMonth(), to.getDate() - (choice.span - 1));
  return { from, to };
}

interface LoadedMix {
  /** The range asked for, which the buckets cover (the API answers it rounded to hours). */
  readonly range: { readonly from: Date; readonly to: Date };
  readonly mix: ArchetypeMix | null;
}

function MixView({ loaded, choice }: { readonly loaded: LoadedMix; readonly choice: RangeChoice }) {
  const { mix, range } = loaded;
  if (mix === null || mix.totalVisitors === 0) return <OverviewEmptyState />;

  const buckets = bucketMix(mix.hours, range, choice.granularity);
  const totals = totalsByArchetype(mix.hours);
  const leading = leadingArchetype(totals);
  const summary =
    `${mix.totalVisitors} visitors ${choice.label.toLowerCase()}; the most common archetype ` +
    `was ${ARCHETYPE_NAMES[leading]}.`;

  return (
    <>
      <dl className="stats">
        <div className="stat">
          <dt>Visitors</dt>
          <dd>{mix.totalVisitors}</dd>
        </div>
        <div className="stat">
          <dt>Most common archetype</dt>
          <dd>{ARCHETYPE_NAMES[leading]}</dd>
        </div>
      </dl>
      <figure className="card chart-card">
        <figcaption className="subheading">
          Visitors per {choice.granularity}, by archetype
        </figcaption>
        <ArchetypeMixChart buckets={buckets} granularity={choice.granularity} summary={summary} />
        <ArchetypeLegend totals={totals} totalVisitors={mix.totalVisitors} />
      </figure>
      <ArchetypeMixTable buckets={buckets} granularity={choice.granularity} />
    </>
  );
}

function leadingArchetype(totals: ReadonlyMap<ArchetypeId, number>): ArchetypeId {
  let leading: ArchetypeId = 'explorer';
  let most = -1;
  for (const [id, visitors] of totals) {
    if (visitors > most) [leading, most] = [id, visitors];
  }

  return leading;
}
