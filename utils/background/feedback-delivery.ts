/**
 * The background's feedback queue, wired: stored in `local:feedbackQueue`, sent to
 * the backend `feedback-destination.ts` picks, woken by a timer while the worker lives and by
 * an alarm after it stopped; on every worker start, waiting items are sent.
 */
import { browser } from 'wxt/browser';
import { feedbackSupport, postFeedback } from '../backend-client/feedback-client';
import type { FeedbackDestination } from '../protocol/feedback-protocol';
import { loadEffectiveSettings, watchSettingsView } from '../settings/settings-store';
import { chooseFeedbackTarget } from './feedback-destination';
import { createFeedbackQueue, type FeedbackQueue } from './feedback-queue';
import { feedbackQueueItem } from '../protocol/watched-items';

export const FEEDBACK_ALARM = 'touchpoint-feedback';
/** Chrome fires alarms no sooner than 30 s ahead; nearer wakes are the timer's. */
const MIN_ALARM_DELAY_MS = 30_000;

let timer: ReturnType<typeof setTimeout> | undefined;

/** Wakes the queue at `at`: a timer (the worker may live that long) and an alarm (if not). */
function scheduleWake(at: number | undefined): void {
  clearTimeout(timer);
  timer = undefined;
  if (at === undefined) {
    void browser.alarms.clear(FEEDBACK_ALARM).catch(() => undefined);
    return;
  }
  const delay = Math.max(0, at - Date.now());
  timer = setTimeout(() => void feedbackQueue().deliver(), delay);
  // The timer delivers while the worker lives; the alarm wakes it if it was stopped first.
  void browser.alarms
    .create(FEEDBACK_ALARM, { when: Math.max(at, Date.now() + MIN_ALARM_DELAY_MS) })
    .catch((error: unknown) =>
      console.warn('Touchpoint: could not set the alarm that retries queued feedback', error),
    );
}

/** Where feedback goes now, or (`backendId`) the backend an item went to before. */
async function currentTarget(backendId?: string) {
  const { backends, privacy } = await loadEffectiveSettings();
  return chooseFeedbackTarget(backends, {
    hashedLookups: privacy.hashedLookups,
    support: (backend) => feedbackSupport(backend),
    ...(backendId === undefined ? {} : { backendId }),
  });
}

let queue: FeedbackQueue | undefined;

/** The one queue of this worker. */
export function feedbackQueue(): FeedbackQueue {
  queue ??= createFeedbackQueue({
    store: feedbackQueueItem,
    target: (backendId) => currentTarget(backendId),
    send: (backend, feedback) => postFeedback(backend, feedback),
    schedule: scheduleWake,
  });
  return queue;
}

/** Where feedback goes now, or why nowhere. */
export async function feedbackDestination(): Promise<FeedbackDestination> {
  const target = await currentTarget();
  if ('message' in target) return { state: 'none', message: target.message };
  return { state: 'ok', backendId: target.backend.id, name: target.backend.name };
}

/**
 * Listens for the alarm and for backend changes, and sends what is waiting. Called once
 * at worker start, synchronously: a listener added later misses the alarm that woke it.
 */
export function startFeedbackDelivery(): void {
  browser.alarms.onAlarm.addListener((alarm) =>
    alarm.name === FEEDBACK_ALARM ? feedbackQueue().deliver() : undefined,
  );
  let backendsJson: string | undefined;
  void loadEffectiveSettings().then(
    ({ backends }) => void (backendsJson ??= JSON.stringify(backends)),
    () => undefined,
  );
  watchSettingsView(({ values }) => {
    const json = JSON.stringify(values.backends);
    if (json === backendsJson) return;
    backendsJson = json;
    // A new key or backend may take what was refused, or what waited for a backend.
    void feedbackQueue().backendsChanged();
  });
  void feedbackQueue().deliver();
}
