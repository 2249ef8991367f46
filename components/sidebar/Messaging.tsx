import { browser } from 'wxt/browser';
import type { Messaging as MessagingItem } from '../../utils/contract/schemas';
import type { ExposureEntry } from '../../utils/consistency/exposure';
import { libraryPath } from '../library/library-view';
import { CopyButton } from './CopyButton';
import {
  conflictFlags,
  exposureLine,
  exposureOrder,
  exposureRoutes,
  messagingName,
} from './exposure-view';
import { FeedbackButtons, MESSAGING_CHOICES } from './FeedbackButtons';
import { formatDate } from './format';

function validity(messaging: MessagingItem): string | undefined {
  const from = formatDate(messaging.validFrom);
  const until = formatDate(messaging.validUntil);
  if (from && until) return `Valid ${from} – ${until}`;
  if (until) return `Valid until ${until}`;
  if (from) return `Valid from ${from}`;
  return undefined;
}

/**
 * The messaging the contact was exposed to, most recently heard first, each with
 * when and how often it reached them, flagged when outdated (don't repeat it) or when it
 * conflicts with another entry they saw; the flags are words, not colour only. The rep's
 * Landed / Missed sit on every entry, outside its disclosure.
 */
export function Messaging({ email, exposure }: { email: string; exposure: ExposureEntry[] }) {
  const ordered = exposureOrder(exposure);
  const byId = new Map(exposure.map((entry) => [entry.messagingId, entry.messaging]));
  // Open the most recent one a rep may repeat.
  const open =
    ordered.find((entry) => !entry.outdated && entry.conflicts.length === 0) ??
    ordered.find((entry) => !entry.outdated);
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
          {ordered.map((entry) => (
            <MessagingEntry
              key={entry.messagingId}
              email={email}
              entry={entry}
              byId={byId}
              open={entry === open}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function MessagingEntry({
  email,
  entry,
  byId,
  open,
}: {
  email: string;
  entry: ExposureEntry;
  byId: ReadonlyMap<string, MessagingItem>;
  open: boolean;
}) {
  const { messaging: item, outdated } = entry;
  const period = validity(item);
  const conflicts = conflictFlags(entry, byId);
  const routes = exposureRoutes(entry);
  return (
    <li
      className={outdated ? 'messaging-item outdated' : 'messaging-item'}
      data-messaging-id={item.id}
      data-outdated={outdated}
      data-conflicts={conflicts.map((flag) => flag.withId).join(' ')}
      data-last-exposure={entry.lastExposure ?? entry.firstExposure}
    >
      <details open={open}>
        <summary>
          <span className="theme">{item.theme}</span>
          {item.version !== undefined && <span className="muted"> · v{item.version}</span>}
          {outdated && <span className="badge outdated-badge">Outdated — don&apos;t repeat</span>}
          {conflicts.length > 0 && <span className="badge conflict-badge">Conflicts</span>}
        </summary>
        <p className="statement">{item.statement}</p>
        {(period || item.owner) && (
          <p className="muted validity">
            {period}
            {period && item.owner ? ' · ' : ''}
            {item.owner ? `Owner: ${item.owner}` : ''}
          </p>
        )}
        {routes && <p className="muted exposure-routes">Reached them through {routes}.</p>}
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
      <p className="muted exposure" data-testid="exposure">
        {exposureLine(entry)}
      </p>
      {conflicts.length > 0 && (
        <ul className="flags" aria-label={`Conflicts of ${messagingName(item)}`}>
          {conflicts.map((flag) => (
            <li key={flag.withId} className="flag conflict" data-with={flag.withId}>
              <strong>Conflicts with {flag.withName}</strong>: {flag.reasons.join('; ')}.
            </li>
          ))}
        </ul>
      )}
      <FeedbackButtons
        email={email}
        target={{ messagingId: item.id }}
        choices={MESSAGING_CHOICES}
        about={messagingName(item)}
      />
    </li>
  );
}
