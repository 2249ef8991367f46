/**
 * Messages of feedback from reps to marketing and its delivery queue (issue 7). Part of
 * `ProtocolMap` (protocol.ts). Extension pages only: a content script gets an error.
 *
 * The sidebar sends with `sendFeedback`, may `undoFeedback` while the item is `undoable`
 * (5 s), and shows `listPendingFeedback`; to follow changes without polling it can use
 * `watchPendingFeedback` (utils/background/feedback-store.ts), which reads the stored queue.
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

export interface FeedbackProtocol {
  /**
   * Validates and queues one item (stored before any request; sent after the undo window).
   * Rejects with a message naming what is wrong (e.g. `messagingId is required`). Idempotent
   * by `id`: the same id again answers the item already queued, never a second one.
   */
  sendFeedback(data: FeedbackDraft): PendingFeedback;
  /** Removes the item if no request was started for it. */
  undoFeedback(data: { id: string }): UndoFeedbackResult;
  /** What is still waiting, oldest first. */
  listPendingFeedback(): PendingFeedback[];
  /** Sends one item (or, without `id`, every item) again now; answers the list after. */
  retryFeedback(data: { id?: string }): PendingFeedback[];
  /** Gives up on an item (any state but `sending`). */
  discardFeedback(data: { id: string }): UndoFeedbackResult;
  /** The backend feedback goes to (asks backends' health), for the options page and sidebar. */
  getFeedbackDestination(): FeedbackDestination;
}
