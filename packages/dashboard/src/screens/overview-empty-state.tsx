import { ARCHETYPE_NAMES, ARCHETYPE_ORDER } from '../archetypes/archetype-names.js';

/** Before any visitor: what will appear here and what makes it appear. */
export function OverviewEmptyState() {
  return (
    <div className="card empty-state">
      <svg className="empty-illustration" viewBox="0 0 120 60" aria-hidden="true">
        {ARCHETYPE_ORDER.map((id, index) => (
          <rect
            key={id}
            className={`series--${id}`}
            x={6 + index * 16}
            y={52 - (index % 3) * 10 - 14}
            width="10"
            height={(index % 3) * 10 + 14}
            rx="2"
          />
        ))}
      </svg>
      <h2 className="subheading">No visitors yet</h2>
      <p>
        Once the Auraflow app embed is switched on in your theme, this page shows how your visitors
        lean, hour by hour, across {ARCHETYPE_ORDER.length} shopper archetypes, from{' '}
        {ARCHETYPE_NAMES.deal_seeker.toLowerCase()}s to {ARCHETYPE_NAMES.explorer.toLowerCase()}s.
      </p>
      <p className="muted">
        Visitors are classified in their own browser; Auraflow receives only the derived scores,
        never the pages they viewed or who they are.
      </p>
    </div>
  );
}
