import { useId, useState } from 'react';
import type { SourcedEngagement } from '../../utils/protocol/page-to-background';
import { formatDay, formatTime, safeHttpUrl, typeLabel } from './format';
import {
  applyTimelineFilter,
  channelCounts,
  channelOf,
  isMachineSuspected,
  NO_FILTER,
  type AutomatedFilter,
  type TimelineFilter,
} from './timeline-filters';
import { TypeIcon } from './TypeIcon';
import type { MoreEngagements } from './use-contact-context';
import { LinkOrText } from './LinkOrText';

const AUTOMATED_OPTIONS: Record<AutomatedFilter, string> = {
  show: 'Show',
  hide: 'Hide',
  only: 'Show only these',
};

/**
 * Engagements newest first, grouped by day; machine-suspected ones marked. Filters (channel,
 * possibly automated) apply to everything loaded, "Load more" included.
 */
export function Timeline({
  engagements,
  more,
}: {
  engagements: SourcedEngagement[];
  more: MoreEngagements;
}) {
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  const shown = applyTimelineFilter(engagements, filter);
  const days = groupByDay(shown);
  const filtered = filter.channels.size > 0 || filter.automated !== 'show';
  return (
    <section id="timeline-section" aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">Engagements</h3>
      {engagements.length > 0 && (
        <TimelineFilters engagements={engagements} filter={filter} onChange={setFilter} />
      )}
      {engagements.length > 0 && (
        <p className="muted count" aria-live="polite" data-testid="timeline-count">
          {filtered
            ? `Showing ${shown.length} of ${engagements.length} loaded engagements.`
            : `${engagements.length} engagements loaded.`}
        </p>
      )}
      {engagements.length === 0 ? (
        <p className="muted">No engagements.</p>
      ) : (
        shown.length === 0 && (
          <p className="state" data-state="filtered_empty">
            No loaded engagement matches these filters.
            {more.cursors.length > 0 ? ' Load more, or change the filters.' : ''}
          </p>
        )
      )}
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

function TimelineFilters({
  engagements,
  filter,
  onChange,
}: {
  engagements: SourcedEngagement[];
  filter: TimelineFilter;
  onChange(filter: TimelineFilter): void;
}) {
  const selectId = useId();
  const channels = channelCounts(engagements, filter.automated);
  const machine = engagements.filter(isMachineSuspected).length;
  const toggle = (channel: string) => {
    const next = new Set(filter.channels);
    if (next.has(channel)) next.delete(channel);
    else next.add(channel);
    onChange({ ...filter, channels: next });
  };
  return (
    <div className="filters">
      <div role="group" aria-label="Filter by channel" className="chips">
        <button
          type="button"
          className="chip"
          aria-pressed={filter.channels.size === 0}
          onClick={() => onChange({ ...filter, channels: new Set() })}
        >
          All channels
        </button>
        {channels.map(([channel, count]) => (
          <button
            key={channel}
            type="button"
            className="chip"
            data-channel={channel}
            aria-pressed={filter.channels.has(channel)}
            onClick={() => toggle(channel)}
          >
            {channel} <span className="chip-count">{count}</span>
          </button>
        ))}
      </div>
      <div className="automated-filter">
        <label htmlFor={selectId}>Possibly automated opens and clicks ({machine})</label>
        <select
          id={selectId}
          value={filter.automated}
          onChange={(event) =>
            onChange({ ...filter, automated: event.target.value as AutomatedFilter })
          }
        >
          {Object.entries(AUTOMATED_OPTIONS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function EngagementItem({ engagement }: { engagement: SourcedEngagement }) {
  const url = safeHttpUrl(engagement.url);
  const machine = isMachineSuspected(engagement);
  return (
    <li
      className={machine ? 'engagement machine' : 'engagement'}
      data-type={engagement.type}
      data-channel={channelOf(engagement)}
      data-confidence={engagement.confidence}
    >
      <span className="type">
        <TypeIcon type={engagement.type} />
        {typeLabel(engagement.type)}
      </span>
      <time dateTime={engagement.occurredAt}>{formatTime(engagement.occurredAt)}</time>
      <span className="engagement-title">
        <LinkOrText url={url} text={engagement.title} />
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
