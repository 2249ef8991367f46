import type { LibrarySource } from '../../utils/protocol/page-to-background';

/** A failure message names its backend already in most cases; otherwise it is prefixed. */
function named(name: string, message: string): string {
  return message.includes(name) ? message : `${name}: ${message}`;
}

/**
 * Per backend: why its library or its feedback is missing, and what it does not offer
 * (campaign status, feedback). Failures are alerts; the rest are notes.
 */
export function SourceNotes({ sources }: { sources: readonly LibrarySource[] }) {
  const failures: Array<{ key: string; state: string; text: string }> = [];
  const notes: Array<{ key: string; text: string }> = [];
  for (const source of sources) {
    const { backendId: id, name, messaging, feedback } = source;
    if (messaging.state !== 'ok') {
      failures.push({
        key: `${id}-messaging`,
        state: messaging.state,
        text: named(name, messaging.message),
      });
      continue;
    }
    if (feedback && feedback.state !== 'ok') {
      failures.push({
        key: `${id}-feedback`,
        state: feedback.state,
        text: `Feedback counts from ${name} could not be read. ${named(name, feedback.message)}`,
      });
    } else if (!feedback) {
      notes.push({
        key: `${id}-no-feedback`,
        text: `${name} does not collect feedback from reps (no "feedback" feature), so its entries show no counts.`,
      });
    }
    if (source.objectionsTruncated) {
      notes.push({
        key: `${id}-truncated`,
        text: `${name} has more feedback than was read; older objections are not shown (counts are complete).`,
      });
    }
    if (!source.campaignsListed) {
      notes.push({
        key: `${id}-no-campaigns`,
        text: `${name} does not list campaigns with its messaging, so campaign status is unknown and expired messaging on running campaigns cannot be flagged.`,
      });
    }
  }
  if (failures.length === 0 && notes.length === 0) return null;
  return (
    <section className="source-notes" aria-label="Backends">
      {failures.map((failure) => (
        <p key={failure.key} role="alert" className="state error" data-state={failure.state}>
          {failure.text}
        </p>
      ))}
      {notes.map((note) => (
        <p key={note.key} className="note">
          {note.text}
        </p>
      ))}
    </section>
  );
}
