import { browser } from 'wxt/browser';
import type { Messaging as MessagingItem } from '../../utils/api/schemas';
import { libraryPath } from '../library/library-view';
import { CopyButton } from './CopyButton';
import { FeedbackButtons, MESSAGING_CHOICES } from './FeedbackButtons';
import { formatDate } from './format';

/** Past its `validUntil`: a rep must not repeat it. */
export function isOutdated(messaging: MessagingItem, now: number): boolean {
  return messaging.validUntil !== undefined && Date.parse(messaging.validUntil) < now;
}

/** "TCO v2": how the rep tells entries apart. */
export function messagingName(item: MessagingItem): string {
  return item.version === undefined ? item.theme : `${item.theme} v${item.version}`;
}

function validity(messaging: MessagingItem): string | undefined {
  const from = formatDate(messaging.validFrom);
  const until = formatDate(messaging.validUntil);
  if (from && until) return `Valid ${from} – ${until}`;
  if (until) return `Valid until ${until}`;
  if (from) return `Valid from ${from}`;
  return undefined;
}

/**
 * The messaging the contact was exposed to (through the campaigns and content they got):
 * current messaging first, then outdated ones, marked so nobody repeats them. Self-contained
 * so exposure counts and conflict flags (issue 6) can be added here.
 */
export function Messaging({
  email,
  messaging,
  now,
}: {
  email: string;
  messaging: MessagingItem[];
  now: number;
}) {
  const ordered = [
    ...messaging.filter((item) => !isOutdated(item, now)),
    ...messaging.filter((item) => isOutdated(item, now)),
  ];
  return (
    <section id="messaging-section" aria-labelledby="messaging-heading">
      <h3 id="messaging-heading">Messaging</h3>
      <p className="library-link">
        <a href={browser.runtime.getURL(libraryPath())} target="_blank" rel="noopener">
          Open the messaging library
        </a>
      </p>
      {ordered.length === 0 ? (
        <p className="muted">No messaging.</p>
      ) : (
        <ul className="messaging">
          {ordered.map((item, index) => (
            <MessagingEntry
              key={item.id}
              email={email}
              item={item}
              outdated={isOutdated(item, now)}
              open={index === 0}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function MessagingEntry({
  email,
  item,
  outdated,
  open,
}: {
  email: string;
  item: MessagingItem;
  outdated: boolean;
  open: boolean;
}) {
  const period = validity(item);
  return (
    <li
      className={outdated ? 'messaging-item outdated' : 'messaging-item'}
      data-messaging-id={item.id}
      data-outdated={outdated}
    >
      <details open={open}>
        <summary>
          <span className="theme">{item.theme}</span>
          {item.version !== undefined && <span className="muted"> · v{item.version}</span>}
          {outdated && <span className="badge outdated-badge">Outdated, don&apos;t repeat</span>}
        </summary>
        <p className="statement">{item.statement}</p>
        {(period || item.owner) && (
          <p className="muted validity">
            {period}
            {period && item.owner ? ' · ' : ''}
            {item.owner ? `Owner: ${item.owner}` : ''}
          </p>
        )}
        {item.talkingPoints.length > 0 && (
          <>
            <h4>Talking points</h4>
            <ul className="talking-points">
              {item.talkingPoints.map((point) => (
                <li key={point}>
                  <span>{point}</span>
                  <CopyButton text={point} label="Copy" context={`talking point: ${point}`} />
                </li>
              ))}
            </ul>
          </>
        )}
        {item.proofPoints && item.proofPoints.length > 0 && (
          <>
            <h4>Proof points</h4>
            <ul className="proof-points">
              {item.proofPoints.map((point) => (
                <li key={point}>{point}</li>
              ))}
            </ul>
          </>
        )}
        {item.avoid && item.avoid.length > 0 && (
          <>
            <h4>Avoid</h4>
            <ul className="avoid">
              {item.avoid.map((phrase) => (
                <li key={phrase}>
                  <span className="avoid-label">avoid</span> “{phrase}”
                </li>
              ))}
            </ul>
          </>
        )}
      </details>
      <FeedbackButtons
        email={email}
        target={{ messagingId: item.id }}
        choices={MESSAGING_CHOICES}
        about={messagingName(item)}
      />
    </li>
  );
}
