import type { LibraryEntry } from '../../utils/protocol/page-to-background';
import type { Campaign } from '../../utils/contract/schemas';
import { safeHttpUrl } from '../sidebar/format';
import { campaignsOf, entryAnchor, formatDate, relativeDays, validityAt } from './library-view';

const VALIDITY_LABELS = {
  expired: 'Expired',
  upcoming: 'Not yet valid',
  current: 'Current',
  unknown: 'No validity dates',
} as const;

function Validity({ entry, now }: { entry: LibraryEntry; now: number }) {
  const { validFrom, validUntil } = entry.messaging;
  const validity = validityAt(entry.messaging, now);
  const range = [
    validFrom ? `from ${formatDate(validFrom)}` : '',
    validUntil ? `until ${formatDate(validUntil)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <span className={`badge ${validity}`} data-validity={validity}>
        {VALIDITY_LABELS[validity]}
      </span>{' '}
      {range}
      {validity === 'expired' && validUntil ? ` (expired ${relativeDays(validUntil, now)})` : ''}
      {validity === 'upcoming' && validFrom ? ` (starts ${relativeDays(validFrom, now)})` : ''}
    </>
  );
}

function CampaignItem({ id, campaign }: { id: string; campaign?: Campaign }) {
  const url = safeHttpUrl(campaign?.url);
  const name = campaign?.name ?? id;
  return (
    <li data-campaign-id={id}>
      {url ? (
        <a href={url} target="_blank" rel="noreferrer noopener">
          {name}
        </a>
      ) : (
        name
      )}{' '}
      <span className="campaign-status" data-status={campaign?.status ?? 'unknown'}>
        {campaign?.status ?? 'status unknown'}
      </span>
    </li>
  );
}

function TextList({
  title,
  items,
  className,
}: {
  title: string;
  items?: string[];
  className?: string;
}) {
  if (!items || items.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul className={className}>
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </>
  );
}

function FeedbackCounts({ entry }: { entry: LibraryEntry }) {
  const { feedback } = entry;
  if (!feedback) return <p className="muted">No feedback from reps.</p>;
  return (
    <ul className="counts" aria-label="Feedback from reps">
      <li data-count="landed">
        <strong>{feedback.landed}</strong> landed
      </li>
      <li data-count="missed">
        <strong>{feedback.missed}</strong> missed
      </li>
      <li data-count="objections">
        <strong>{feedback.objections}</strong>{' '}
        {feedback.objections === 1 ? 'objection' : 'objections'}
      </li>
    </ul>
  );
}

/** One messaging entry: what it says, where it runs, and what reps report about it. */
export function MessagingEntryCard(props: {
  entry: LibraryEntry;
  campaigns: ReadonlyMap<string, Campaign>;
  now: number;
  /** How many lint findings name this entry. */
  findings: number;
}) {
  const { entry, campaigns, now, findings } = props;
  const m = entry.messaging;
  const anchor = entryAnchor(m.id);
  const validity = validityAt(m, now);
  const usedBy = campaignsOf(entry, campaigns);
  return (
    <article
      id={anchor}
      className={`entry ${validity}`}
      aria-labelledby={`${anchor}-title`}
      data-messaging-id={m.id}
      tabIndex={-1}
    >
      <header>
        <h3 id={`${anchor}-title`}>
          {m.theme}
          {m.version !== undefined && <span className="version"> v{String(m.version)}</span>}
        </h3>
        {findings > 0 && (
          <span className="badge finding">
            {findings} {findings === 1 ? 'finding' : 'findings'}
          </span>
        )}
      </header>
      <p className="statement">{m.statement}</p>
      <dl className="facts">
        <dt>Validity</dt>
        <dd>
          <Validity entry={entry} now={now} />
        </dd>
        {m.owner && (
          <>
            <dt>Owner</dt>
            <dd>{m.owner}</dd>
          </>
        )}
        {m.audience && m.audience.length > 0 && (
          <>
            <dt>Audience</dt>
            <dd>{m.audience.join(', ')}</dd>
          </>
        )}
        <dt>Campaigns</dt>
        <dd>
          {usedBy.length === 0 ? (
            <span className="muted">none</span>
          ) : (
            <ul className="campaigns">
              {usedBy.map((item) => (
                <CampaignItem key={item.id} {...item} />
              ))}
            </ul>
          )}
        </dd>
        <dt>Id</dt>
        <dd>
          <code>{m.id}</code>
        </dd>
      </dl>
      <div className="columns">
        <div>
          <TextList title="Talking points" items={m.talkingPoints} className="talking-points" />
          <TextList title="Proof points" items={m.proofPoints} />
          <TextList title="Avoid" items={m.avoid} className="avoid" />
        </div>
        <div className="feedback">
          <h4>Feedback from reps</h4>
          <FeedbackCounts entry={entry} />
          {entry.objections.length > 0 && (
            <>
              <h4>Latest objections</h4>
              <ul className="objections">
                {entry.objections.map((objection) => (
                  <li key={`${objection.backendId}-${objection.id}`}>
                    <p>{objection.text ?? <span className="muted">(no text)</span>}</p>
                    <p className="muted">
                      {[
                        objection.repName,
                        formatDate(objection.at),
                        objection.campaignId && campaigns.get(objection.campaignId)?.name,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </article>
  );
}
