/**
 * Messages of feedback from reps to marketing and its delivery queue (issue 7). Part of
 * `ProtocolMap` (protocol.ts). Extension pages only: a content script gets an error.
 *
 * The sidebar sends with `sendFeedback`, may `undoFeedback` while the item is `undoable`
 * (5 s), and shows `listPendingFeedback`; to follow changes without polling it can use
 * `watchPendingFeedback` (utils/background/feedback-store.ts), which reads the stored queue.
 */
import type { ContactRef, FeedbackRequest } from '../api/schemas';

export type FeedbackKind = FeedbackRequest['kind'];

/** What the sidebar sends; the background adds the id, the time and the rep. */
export interface FeedbackDraft {
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
 * - `rejected`: the backend refused it or the key; `message` says why. It is not sent again
 *   until `retryFeedback` (or, for a refused key, a change of the backends); or discard it.
 */
export interface PendingFeedback {
  /** The client id (the contract's idempotency key). */
  id: string;
  kind: FeedbackKind;
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
   * Rejects with a message naming what is wrong (e.g. `messagingId is required`).
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
