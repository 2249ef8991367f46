/**
 * The storage items extension pages may watch instead of polling the background. The
 * background alone writes them (utils/background/); pages only read them, through the
 * watchers here. Each key is written once, here.
 */
import { storage } from 'wxt/utils/storage';
import {
  describeQueuedFeedback,
  type PendingFeedback,
  type QueuedFeedback,
} from './feedback-protocol';

/**
 * The feedback queue, oldest first (local storage: it survives the service worker stopping
 * and the browser closing).
 */
export const feedbackQueueItem = storage.defineItem<QueuedFeedback[]>('local:feedbackQueue', {
  fallback: [],
  version: 1,
});

/**
 * Calls `callback` with what is still waiting now and after every change of the queue. An
 * item whose request is running shows as `waiting` here (only the background knows it is
 * `sending`); `listPendingFeedback` tells. Returns the function that stops watching.
 */
export function watchPendingFeedback(callback: (pending: PendingFeedback[]) => void): () => void {
  const show = (items: QueuedFeedback[] | null) => {
    const now = Date.now();
    callback(
      [...(items ?? [])]
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((item) => describeQueuedFeedback(item, now)),
    );
  };
  let stopped = false;
  void feedbackQueueItem.getValue().then(
    (items) => {
      if (!stopped) show(items);
    },
    (error: unknown) => console.warn('Touchpoint: could not read the feedback queue', error),
  );
  const unwatch = feedbackQueueItem.watch((items) => show(items));
  return () => {
    stopped = true;
    unwatch();
  };
}
