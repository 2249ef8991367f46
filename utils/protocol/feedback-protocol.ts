/**
 * Data of feedback from reps to marketing and its delivery queue. Its messages are
 * page-to-background.ts's (extension pages only: a content script is refused).
 *
 * The sidebar sends with `sendFeedback`, may `undoFeedback` while the item is `undoable`
 * (5 s), and shows `listPendingFeedback`; to follow changes without polling it can use
 * `watchPendingFeedback` (utils/protocol/watched-items.ts), which reads the stored queue.
 */
import type { ContactRef, FeedbackRequest } from '../contract/schemas';

export type FeedbackKind = FeedbackRequest['kind'];

/** What the sidebar sends; the background adds the time and the rep (and an id if none). */
export interface FeedbackDraft {
  /**
   * The client id (the contract's idempotency key): a UUID (`crypto.randomUUID()`) made once
   * per press and sent again when the same press is retried, so an item stored by a worker
   * that stopped before answering is not queued twice. Without it the background makes one.
   */
  id?: string;
  /** The contact the feedback is about, as the sidebar shows it. */
  email: string;
  /**
   * `messaging_landed` / `messaging_missed` need `messagingId`; `content_helpful` /
   * `content_not_helpful` need `assetId`; `objection` and `note` need `text`.
   */
  kind: FeedbackKind;
  messagingId?: string;
  assetId?: string;
  campaignId?: string;
  /** At most 2,000 characters (trimmed). */
  text?: string;
}

/**
 * One item still waiting, as the rep sees it:
 * - `undoable`: held until `undoableUntil` before the first request; `undoFeedback` removes it;
 * - `waiting`: will be sent (again) at `nextAttemptAt`; `message` says why it is not yet;
 * - `sending`: its request is running;
 * - `rejected`: the backend refused it or the key, or the backend it was first sent to no
 *   longer collects feedback; `message` says why. It is not sent again until `retryFeedback`
 *   (or, for a refused key or a backend switched off, a change of the backends); or discard it.
 *   Only `retryFeedback` sends an item to another backend than the one it first went to.
 */
export interface PendingFeedback {
  /** The client id (the contract's idempotency key). */
  id: string;
  kind: FeedbackKind;
  /**
   * As stored: `{ emailSha256 }` when hashed lookups were on at enqueue (the queue on disk
   * never holds the address then); the sidebar shows the address only if it still has it.
   */
  contact: ContactRef;
  messagingId?: string;
  assetId?: string;
  campaignId?: string;
  text?: string;
  /** ms since epoch. */
  createdAt: number;
  state: 'undoable' | 'waiting' | 'sending' | 'rejected';
  /** ms since epoch, for `undoable`. */
  undoableUntil?: number;
  /** ms since epoch, for `waiting`. */
  nextAttemptAt?: number;
  /** Requests made so far. */
  attempts: number;
  /** What went wrong last, in words for the rep. */
  message?: string;
}

/** The answer to `undoFeedback` and `discardFeedback`. */
export interface UndoFeedbackResult {
  done: boolean;
  /** Why not, when `done` is false. */
  message?: string;
}

/** Which backend collects feedback now, or why none does. */
export type FeedbackDestination =
  { state: 'ok'; backendId: string; name: string } | { state: 'none'; message: string };

/** How long a new item waits before its first request, so the rep can undo it. */
export const FEEDBACK_UNDO_MS = 5000;
/** One item as stored. */
export interface QueuedFeedback {
  /** The client's id, sent as the contract's idempotency key. */
  id: string;
  /** The request body (its `id` is the same). */
  feedback: FeedbackRequest;
  /** ms since epoch. */
  createdAt: number;
  /** Not sent before this (ms since epoch): the undo window, then the back-off. */
  notBefore: number;
  /** Requests started so far: above 0, the backend may already have it. */
  attempts: number;
  status: 'queued' | 'rejected';
  /**
   * Why a rejected item was refused: its key, the item itself, or the backend of its first
   * attempt no longer collects feedback.
   */
  rejectedFor?: 'key' | 'request' | 'backend';
  /** The backend of the first attempt (set as it starts): every later attempt goes there. */
  backendId?: string;
  /** What went wrong last, in words for the rep. */
  lastError?: string;
  lastAttemptAt?: number;
}

/**
 * An item as the rep sees it. `sending` is known only to the background (`inFlight`);
 * `pausedUntil` is when a paused run resumes.
 */
export function describeQueuedFeedback(
  item: QueuedFeedback,
  now: number,
  { sending = false, pausedUntil = 0 }: { sending?: boolean; pausedUntil?: number } = {},
): PendingFeedback {
  const { feedback } = item;
  const base = {
    id: item.id,
    kind: feedback.kind,
    contact: feedback.contact,
    ...(feedback.messagingId === undefined ? {} : { messagingId: feedback.messagingId }),
    ...(feedback.assetId === undefined ? {} : { assetId: feedback.assetId }),
    ...(feedback.campaignId === undefined ? {} : { campaignId: feedback.campaignId }),
    ...(feedback.text === undefined ? {} : { text: feedback.text }),
    createdAt: item.createdAt,
    attempts: item.attempts,
    ...(item.lastError === undefined ? {} : { message: item.lastError }),
  };
  if (sending) return { ...base, state: 'sending' };
  if (item.status === 'rejected') return { ...base, state: 'rejected' };
  if (item.attempts === 0 && item.lastError === undefined && now < item.notBefore) {
    return { ...base, state: 'undoable', undoableUntil: item.notBefore };
  }
  return { ...base, state: 'waiting', nextAttemptAt: Math.max(item.notBefore, pausedUntil, now) };
}
