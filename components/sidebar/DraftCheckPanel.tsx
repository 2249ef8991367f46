import type { Excerpt } from '../../utils/consistency/normalize';
import type { TabDraftCheck } from '../../utils/protocol/draft-protocol';
import { CopyButton } from './CopyButton';

/** The text around a hit, the hit marked. */
function InContext({ excerpt }: { excerpt: Excerpt }) {
  return (
    <q className="excerpt">
      {excerpt.text.slice(0, excerpt.hitStart)}
      <mark>{excerpt.text.slice(excerpt.hitStart, excerpt.hitEnd)}</mark>
      {excerpt.text.slice(excerpt.hitEnd)}
    </q>
  );
}

/**
 * The rep's open draft checked against the messaging its recipients saw: what to
 * take out first (phrases to avoid, outdated claims), then what it covers, then what it
 * could add. Checked in the browser; the draft is never sent.
 */
export function DraftCheckPanel({ draft }: { draft: TabDraftCheck }) {
  const { check } = draft;
  const problems = check.avoided.length + check.outdated.length;
  return (
    <section
      className="draft-check"
      aria-labelledby="draft-heading"
      data-testid="draft-check"
      data-problems={problems}
    >
      <h2 id="draft-heading">Your draft</h2>
      <p className="muted">
        {check.wordCount} words, checked in your browser against {draft.messagingCount} messaging{' '}
        {draft.messagingCount === 1 ? 'entry' : 'entries'}
        {draft.recipients.length > 0 ? ` for ${draft.recipients.join(', ')}` : ''}. The draft is
        never sent anywhere.
      </p>
      {draft.message && (
        <p role="status" className="banner" data-state="draft-note">
          {draft.message}
        </p>
      )}
      <p role="status" className={problems > 0 ? 'draft-summary warn' : 'draft-summary ok'}>
        {problems === 0
          ? 'On message: no phrase to avoid, no outdated claim.'
          : `${problems} ${problems === 1 ? 'thing' : 'things'} to change before sending.`}
      </p>
      {check.avoided.length > 0 && (
        <>
          <h3>Phrases to avoid</h3>
          <ul className="draft-list" data-testid="draft-avoided">
            {check.avoided.map((hit) => (
              <li key={`${hit.phrase}-${hit.where.start}`}>
                <strong>“{hit.phrase}”</strong>: <InContext excerpt={hit.where.excerpt} />
              </li>
            ))}
          </ul>
        </>
      )}
      {check.outdated.length > 0 && (
        <>
          <h3>Outdated claims</h3>
          <ul className="draft-list" data-testid="draft-outdated">
            {check.outdated.map((claim) => (
              <li key={`${claim.messagingId}-${claim.where.start}`}>
                <InContext excerpt={claim.where.excerpt} />{' '}
                <span className="muted">
                  from “{claim.theme}”, which expired{' '}
                  {new Date(claim.validUntil).toLocaleDateString()}
                  {claim.supersededBy ? '; use the current version' : ''}.
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {check.covered.length > 0 && (
        <>
          <h3>Talking points covered</h3>
          <ul className="draft-list" data-testid="draft-covered">
            {check.covered.map((point) => (
              <li key={`${point.messagingId}-${point.talkingPointIndex}`}>
                <span aria-hidden="true">✓ </span>
                {point.talkingPoint} <span className="muted">({point.theme})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {check.suggestions.length > 0 && (
        <>
          <h3>Worth adding</h3>
          <ul className="draft-list" data-testid="draft-suggestions">
            {check.suggestions.map((point) => (
              <li key={`${point.messagingId}-${point.talkingPointIndex}`}>
                {point.talkingPoint}{' '}
                <span className="muted">
                  ({point.theme}
                  {point.touches > 0
                    ? `; the recipient engaged with it ${point.touches} ${point.touches === 1 ? 'time' : 'times'}`
                    : ''}
                  )
                </span>{' '}
                <CopyButton text={point.talkingPoint} label="Copy" context={point.talkingPoint} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
