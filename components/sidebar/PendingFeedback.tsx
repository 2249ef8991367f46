import { useState } from 'react';
import { FEEDBACK_UNDO_MS } from '../../utils/protocol/feedback-protocol';
import type { PendingFeedback } from '../../utils/protocol/feedback-protocol';
import { FEEDBACK_KIND_LABELS, useFeedback } from './use-feedback';
import { useNow } from './use-now';

/** An item being sent normally leaves the queue within this; after it, the rep sees it. */
const QUIET_MS = 10_000;

const STATE_LABELS: Record<PendingFeedback['state'], string> = {
  undoable: 'can still be undone',
  waiting: 'waiting',
  sending: 'sending',
  rejected: 'refused',
};

/**
 * Worth showing: refused, failed at least once (or no backend takes it), or unusually slow.
 * Items in their undo window have their own confirmation beside the button, and an item on
 * its way out of the queue would only flicker here.
 */
export function needsAttention(item: PendingFeedback, now: number): boolean {
  if (item.state === 'undoable') return false;
  return (
    item.state === 'rejected' ||
    item.message !== undefined ||
    now - item.createdAt > FEEDBACK_UNDO_MS + QUIET_MS
  );
}

/**
 * Who the item is about. With hashed lookups on, the queue holds only the address's sha256;
 * the address is shown only while this sidebar still has it in memory (the rep pressed the
 * button here), and is never looked up or stored for the list.
 */
export function contactLabel(item: PendingFeedback, shownEmails: ReadonlyMap<string, string>) {
  if (item.contact.email) return item.contact.email;
  const shown = shownEmails.get(item.id);
  if (shown) return shown;
  return item.contact.emailSha256 ? 'hashed contact' : 'contact';
}

function subject(item: PendingFeedback): string {
  if (item.text) return `“${item.text.length > 60 ? `${item.text.slice(0, 59)}…` : item.text}”`;
  return item.messagingId ?? item.assetId ?? item.campaignId ?? '';
}

/**
 * The footer's "Waiting to send" list: feedback the background still holds, with
 * why; refused ones can be retried, waiting ones sent now, either discarded. Hidden when nothing waits. When no backend
 * collects feedback, says so: the buttons still queue, and the items wait here.
 */
export function PendingFeedbackList() {
  const { pending, destination, choices } = useFeedback();
  const now = useNow(5000);
  const shown = pending.filter((item) => needsAttention(item, now));
  const shownEmails = new Map(
    Object.values(choices).flatMap((choice) =>
      choice.draft.id ? [[choice.draft.id, choice.draft.email] as const] : [],
    ),
  );
  return (
    <>
      {destination?.state === 'none' && (
        <p className="feedback-destination" data-state="feedback-waits">
          Feedback is kept in the browser until a backend collects it: {destination.message}
        </p>
      )}
      {shown.length > 0 && (
        <section className="pending-feedback" aria-labelledby="pending-feedback-heading">
          <h3 id="pending-feedback-heading">
            Waiting to send ({shown.length})
            {destination?.state === 'ok' ? (
              <span className="muted"> to {destination.name}</span>
            ) : null}
          </h3>
          <ul>
            {shown.map((item) => (
              <PendingItem key={item.id} item={item} contact={contactLabel(item, shownEmails)} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function PendingItem({ item, contact }: { item: PendingFeedback; contact: string }) {
  const { retry, discard } = useFeedback();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const label = FEEDBACK_KIND_LABELS[item.kind];
  const act = (action: (id: string) => Promise<string | undefined>) => {
    setBusy(true);
    void action(item.id).then((message) => {
      setProblem(message);
      setBusy(false);
    });
  };
  return (
    <li className="pending-item" data-feedback-id={item.id} data-state={item.state}>
      <span>
        <strong>{label}</strong> · {contact}
        {subject(item) ? ` · ${subject(item)}` : ''}
      </span>
      <span className={item.state === 'rejected' ? 'error' : undefined}>
        {STATE_LABELS[item.state]}
        {item.message ? `: ${item.message}` : ''}
      </span>
      {(item.state === 'rejected' || item.state === 'waiting') && (
        <span className="pending-actions">
          <button type="button" className="small" disabled={busy} onClick={() => act(retry)}>
            {item.state === 'rejected' ? 'Retry' : 'Send now'}
            <span className="visually-hidden"> {label}</span>
          </button>
          <button type="button" className="small" disabled={busy} onClick={() => act(discard)}>
            Discard<span className="visually-hidden"> {label}</span>
          </button>
        </span>
      )}
      {problem && (
        <span role="alert" className="error">
          {problem}
        </span>
      )}
    </li>
  );
}
