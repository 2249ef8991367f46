import type { SourcedEngagement } from '../../utils/api/context-merge';
import { formatDay, formatTime, safeHttpUrl, typeLabel } from './format';
import type { MoreEngagements } from './use-contact-context';

/** Engagements newest first, grouped by day; machine-suspected ones marked. */
export function Timeline({
  engagements,
  more,
}: {
  engagements: SourcedEngagement[];
  more: MoreEngagements;
}) {
  const days = groupByDay(engagements);
  return (
    <section aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">Engagements</h3>
      {days.length === 0 && <p className="muted">No engagements.</p>}
      {days.map(([day, items]) => (
        <section key={day} className="day" aria-label={day}>
          <h4>{day}</h4>
          <ul className="engagements">
            {items.map((engagement) => (
              <EngagementItem
                key={`${engagement.backendId}-${engagement.id}`}
                engagement={engagement}
              />
            ))}
          </ul>
        </section>
      ))}
      {more.cursors.length > 0 && (
        <button type="button" onClick={more.loadMore} disabled={more.loading}>
          {more.loading ? 'Loading…' : 'Load more'}
        </button>
      )}
      {more.error && (
        <p role="alert" className="error">
          {more.error}
        </p>
      )}
    </section>
  );
}

function EngagementItem({ engagement }: { engagement: SourcedEngagement }) {
  const url = safeHttpUrl(engagement.url);
  const machine = engagement.confidence === 'machine_suspected';
  return (
    <li
      className={machine ? 'engagement machine' : 'engagement'}
      data-type={engagement.type}
      data-confidence={engagement.confidence}
    >
      <span className="type">{typeLabel(engagement.type)}</span>
      <time dateTime={engagement.occurredAt}>{formatTime(engagement.occurredAt)}</time>
      <span className="engagement-title">
        {url ? (
          <a href={url} target="_blank" rel="noopener noreferrer">
            {engagement.title}
          </a>
        ) : (
          engagement.title
        )}
      </span>
      {machine && (
        <span
          className="machine-marker"
          title="Privacy proxies and link scanners open and click automatically"
        >
          possibly automated
        </span>
      )}
    </li>
  );
}

function groupByDay(engagements: SourcedEngagement[]): [string, SourcedEngagement[]][] {
  const sorted = [...engagements].sort(
    (a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt),
  );
  const days = new Map<string, SourcedEngagement[]>();
  for (const engagement of sorted) {
    const day = formatDay(engagement.occurredAt);
    days.set(day, [...(days.get(day) ?? []), engagement]);
  }
  return [...days];
}
