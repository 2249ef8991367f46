/**
 * The feedback queue: reps' feedback waits in storage until a backend has it.
 *
 * - Enqueue writes the item before any request, so a closed browser or a stopped service
 *   worker loses nothing; the item is held `undoMs` first, so the rep can undo it.
 * - Delivery sends due items one by one, oldest first. The client's id is the contract's
 *   idempotency key: `201` and `200` both mean "the backend has it", and only then is the
 *   item removed. A request that may have reached the backend is simply sent again later,
 *   so nothing is lost and nothing is stored twice.
 * - A passing failure (no answer, 429, 5xx) backs off (10 s doubling to 30 min, jittered,
 *   `Retry-After` honoured) and pauses the run: the other items wait too instead of
 *   hammering a struggling backend. A refusal (400, 404, 413) marks the item `rejected`
 *   with the backend's reason: it is not sent again until the rep retries or discards it. A
 *   refused key marks every queued item, until the backends change or the rep retries.
 * - Exactly once holds per backend, so an item keeps the backend of its first attempt
 *   (`backendId`): a later switch of the feedback backend does not send it elsewhere, where
 *   it would be stored a second time. If that backend is removed or stops collecting
 *   feedback, the item is marked `rejected` for the rep: only their retry sends it to the
 *   backend that collects feedback now (or they discard it).
 * - Enqueue is idempotent by the client's id: the sidebar sends the same id again when it
 *   did not get an answer, and gets the stored item back.
 *
 * Pure apart from the injected store, target and send: the extension stores the queue in
 * `local:feedbackQueue` (`feedback-delivery.ts`); tests use memory and the real server.
 */
import type { FeedbackDelivery } from '../backend-client/feedback-client';
import type { FeedbackRequest } from '../contract/schemas';
import type { BackendConfig } from '../settings/schema';
import { serial } from '../settings/serial-update';
import {
  describeQueuedFeedback,
  FEEDBACK_UNDO_MS,
  type PendingFeedback,
  type QueuedFeedback,
  type UndoFeedbackResult,
} from '../protocol/feedback-protocol';

// The stored shape and its description for the rep are shared with the pages that watch it.
export { describeQueuedFeedback, FEEDBACK_UNDO_MS, type QueuedFeedback };

/** Items the queue holds at most: beyond that, something is wrong for far too long. */
const FEEDBACK_QUEUE_LIMIT = 500;
const RETRY_BASE_MS = 10_000;
export const RETRY_MAX_MS = 30 * 60_000;

/** Where the queue lives: a WXT storage item in the extension, memory in tests. */
export interface FeedbackQueueStore {
  getValue(): Promise<QueuedFeedback[]>;
  setValue(value: QueuedFeedback[]): Promise<void>;
}

/**
 * The backend to send to, with the body it should get, or why there is none: `gone` when
 * the backend asked for by id is not there (removed, switched off, no longer collecting
 * feedback), so waiting will not help.
 */
export type FeedbackTarget =
  | { backend: BackendConfig; prepare?(feedback: FeedbackRequest): Promise<FeedbackRequest> }
  | { message: string; gone?: boolean };

export interface FeedbackQueueOptions {
  store: FeedbackQueueStore;
  /**
   * The backend that collects feedback now (no argument), or the one with id `backendId`,
   * where an item went before. Asked at most once per backend per delivery run.
   */
  target(backendId?: string): Promise<FeedbackTarget>;
  send(backend: BackendConfig, feedback: FeedbackRequest): Promise<FeedbackDelivery>;
  /** Told, after every change, when the next item is due (undefined: nothing to send). */
  schedule?(at: number | undefined): void;
  now?: () => number;
  /** 0..1, for the back-off jitter. */
  random?: () => number;
  undoMs?: number;
}

export interface FeedbackQueue {
  /**
   * Stores the item (held for the undo window) and returns it; an item with the same id
   * already queued is returned instead (throws if it is about something else). Throws when
   * the queue is full.
   */
  enqueue(feedback: FeedbackRequest): Promise<QueuedFeedback>;
  /** Removes an item no request has been started for. */
  undo(id: string): Promise<UndoFeedbackResult>;
  /** Removes an item (not while its request runs): the rep gives up on it. */
  discard(id: string): Promise<UndoFeedbackResult>;
  /**
   * Makes rejected and waiting items (one, or all) due now, and starts delivering them. An
   * item whose first backend is gone goes to the one that collects feedback now.
   */
  retry(id?: string): Promise<void>;
  /**
   * The backends changed: items refused for their key, or waiting for their first backend
   * to come back, are tried again.
   */
  backendsChanged(): Promise<void>;
  /** What is still waiting, oldest first. */
  list(): Promise<PendingFeedback[]>;
  /** Sends every due item; concurrent calls share one run. Never rejects. */
  deliver(): Promise<void>;
}

/** Back-off before attempt `attempts + 1`: 10 s doubling to 30 min, ±20 % jitter. */
function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** The same feedback (the contact may be stored hashed, so it is left out). */
function sameFeedback(a: FeedbackRequest, b: FeedbackRequest): boolean {
  return (
    a.kind === b.kind &&
    a.messagingId === b.messagingId &&
    a.assetId === b.assetId &&
    a.campaignId === b.campaignId &&
    a.text === b.text
  );
}

/** A held item goes back in line, no later than `at`. */
function requeue(item: QueuedFeedback, at: number): void {
  item.status = 'queued';
  delete item.rejectedFor;
  item.notBefore = Math.min(item.notBefore, at);
}

export function createFeedbackQueue(options: FeedbackQueueOptions): FeedbackQueue {
  const { store, now = Date.now, random = Math.random, undoMs = FEEDBACK_UNDO_MS } = options;
  /** Items whose request is running in this worker. */
  const inFlight = new Set<string>();
  /** A passing failure pauses every item until then (memory: a new worker tries at once). */
  let pausedUntil = 0;
  /** Runs without a target in a row, for their back-off. */
  let targetlessRuns = 0;
  /** The rep or the admin changed something: try at once, not after the back-off. */
  const resume = () => {
    pausedUntil = 0;
    targetlessRuns = 0;
  };

  // Read-modify-write cycles one at a time: the sidebar, alarms and the delivery run all
  // change the queue, and two overlapping writes would each drop the other's change.
  const writes = serial();
  function mutate<T>(change: (items: QueuedFeedback[]) => T): Promise<T> {
    return writes.run(async () => {
      // A copy: a store may hand out its fallback object, which must never change.
      const items = structuredClone(await store.getValue());
      const result = change(items);
      await store.setValue(items);
      return result;
    });
  }

  async function scheduleNext(): Promise<void> {
    if (!options.schedule) return;
    await writes.idle();
    const queued = (await store.getValue()).filter((item) => item.status === 'queued');
    if (queued.length === 0) return options.schedule(undefined);
    const earliest = Math.min(...queued.map((item) => item.notBefore));
    options.schedule(Math.max(earliest, pausedUntil));
  }

  /**
   * The item, taken for a request to `backend`: counted as an attempt, and tied to that
   * backend, before it starts (the request may reach it even if its answer is lost).
   */
  function claim(
    id: string,
    at: number,
    backend: BackendConfig,
  ): Promise<QueuedFeedback | undefined> {
    return mutate((items) => {
      const item = items.find((i) => i.id === id);
      if (!item || item.status !== 'queued' || item.notBefore > at || inFlight.has(id)) {
        return undefined;
      }
      if (item.backendId !== undefined && item.backendId !== backend.id) return undefined;
      inFlight.add(id);
      item.attempts += 1;
      item.lastAttemptAt = at;
      item.backendId = backend.id;
      return structuredClone(item);
    });
  }

  function settle(id: string, result: FeedbackDelivery, at: number): Promise<void> {
    return mutate((items) => {
      inFlight.delete(id);
      const index = items.findIndex((i) => i.id === id);
      const item = items[index];
      if (!item) return;
      if (result.outcome === 'delivered') {
        items.splice(index, 1);
      } else if (result.outcome === 'retry') {
        item.lastError = result.message;
        item.notBefore =
          at + Math.max(retryDelayMs(item.attempts, random), result.retryAfterMs ?? 0);
        pausedUntil = item.notBefore;
      } else if (result.reason === 'key') {
        // The key is refused for all of them: none is sent again until it changes.
        for (const other of items) {
          if (other.status !== 'queued' && other !== item) continue;
          other.status = 'rejected';
          other.rejectedFor = 'key';
          other.lastError = result.message;
        }
      } else {
        item.status = 'rejected';
        item.rejectedFor = 'request';
        item.lastError = result.message;
      }
    });
  }

  async function runOnce(): Promise<void> {
    const started = now();
    if (pausedUntil > started) return;
    const due = (await store.getValue())
      .filter((item) => item.status === 'queued' && item.notBefore <= started)
      .sort((a, b) => a.createdAt - b.createdAt);
    if (due.length === 0) return;
    // Items never tried go where feedback goes now (''); the others to their first backend.
    const targets = new Map<string, FeedbackTarget>();
    for (const backendId of new Set(due.map((item) => item.backendId ?? ''))) {
      let target: FeedbackTarget;
      try {
        target = await options.target(backendId || undefined);
      } catch (error) {
        target = { message: `Could not choose a backend for feedback: ${String(error)}` };
      }
      targets.set(backendId, target);
    }
    const targetOf = (item: QueuedFeedback) => targets.get(item.backendId ?? '') as FeedbackTarget;
    // Items that cannot go anywhere now say why; those whose first backend is gone wait
    // for the rep (retry elsewhere, or discard) instead of going to another backend.
    const stuck = new Map<string, { message: string; gone?: boolean }>();
    for (const item of due) {
      const target = targetOf(item);
      if ('message' in target) stuck.set(item.id, target);
    }
    const targetless = [...stuck.values()].some((target) => !target.gone);
    if (stuck.size > 0) {
      await mutate((items) => {
        for (const item of items) {
          const target = stuck.get(item.id);
          if (!target || item.status !== 'queued') continue;
          item.lastError = target.message;
          if (target.gone) {
            item.status = 'rejected';
            item.rejectedFor = 'backend';
          }
        }
      });
    }
    if (targetless) {
      targetlessRuns += 1;
      pausedUntil = started + retryDelayMs(targetlessRuns, random);
    } else {
      targetlessRuns = 0;
    }
    for (const queued of due) {
      const target = targetOf(queued);
      if ('message' in target) continue;
      const { id } = queued;
      const at = now();
      const item = await claim(id, at, target.backend);
      if (!item) continue;
      let result: FeedbackDelivery;
      try {
        const body = target.prepare ? await target.prepare(item.feedback) : item.feedback;
        result = await options.send(target.backend, body);
      } catch (error) {
        result = { outcome: 'retry', message: `Sending failed: ${String(error)}` };
      }
      await settle(id, result, now());
      if (result.outcome === 'retry' || (result.outcome === 'rejected' && result.reason === 'key'))
        break;
    }
  }

  let running: Promise<void> | undefined;
  let again = false;
  function deliver(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await runOnce();
        } catch (error) {
          console.warn('Touchpoint: feedback delivery failed', error);
        }
      } while (again);
      await scheduleNext().catch((error: unknown) =>
        console.warn('Touchpoint: could not schedule feedback delivery', error),
      );
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    async enqueue(feedback) {
      const createdAt = now();
      const item: QueuedFeedback = {
        id: feedback.id,
        feedback,
        createdAt,
        notBefore: createdAt + undoMs,
        attempts: 0,
        status: 'queued',
      };
      const added = await mutate((items) => {
        const existing = items.find((i) => i.id === feedback.id);
        if (existing) {
          // The same press again (its answer was lost): the item it stored, not a second one.
          if (!sameFeedback(existing.feedback, feedback)) {
            throw new Error(
              `Feedback not queued: its id ${feedback.id} is already used by other feedback; each press needs its own id.`,
            );
          }
          return structuredClone(existing);
        }
        if (items.length >= FEEDBACK_QUEUE_LIMIT) {
          throw new Error(
            `${FEEDBACK_QUEUE_LIMIT} feedback items are already waiting to be sent; nothing more is queued until they are. Check the backend in the options, or discard some.`,
          );
        }
        items.push(item);
        return item;
      });
      void scheduleNext().catch(() => undefined);
      return added;
    },

    undo(id) {
      return mutate((items): UndoFeedbackResult => {
        const index = items.findIndex((i) => i.id === id);
        const item = items[index];
        if (!item) return { done: false, message: 'It was already sent or discarded.' };
        if (inFlight.has(id) || item.attempts > 0) {
          return { done: false, message: 'Too late to undo: it is being sent, or was sent.' };
        }
        items.splice(index, 1);
        return { done: true };
      }).finally(() => void scheduleNext().catch(() => undefined));
    },

    discard(id) {
      return mutate((items): UndoFeedbackResult => {
        const index = items.findIndex((i) => i.id === id);
        if (index < 0) return { done: false, message: 'It was already sent or discarded.' };
        if (inFlight.has(id)) {
          return { done: false, message: 'It is being sent right now; try again in a moment.' };
        }
        items.splice(index, 1);
        return { done: true };
      }).finally(() => void scheduleNext().catch(() => undefined));
    },

    async retry(id) {
      const at = now();
      await mutate((items) => {
        for (const item of items) {
          if (id !== undefined && item.id !== id) continue;
          // An item still in its undo window keeps it.
          if (item.attempts === 0 && item.lastError === undefined && item.notBefore > at) continue;
          // The rep chose to send it where feedback goes now: its first backend is gone.
          if (item.rejectedFor === 'backend') {
            delete item.backendId;
            delete item.lastError;
          }
          requeue(item, at);
        }
      });
      resume();
      // Not awaited: the rep sees the list at once; `deliver()` joins this run.
      void deliver();
    },

    async backendsChanged() {
      const at = now();
      await mutate((items) => {
        for (const item of items) {
          // Its first backend may be back (switched on again); if not, it is marked again.
          if (item.rejectedFor !== 'key' && item.rejectedFor !== 'backend') continue;
          requeue(item, at);
        }
      });
      resume();
      await deliver();
    },

    async list() {
      await writes.idle();
      const at = now();
      return [...(await store.getValue())]
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((item) =>
          describeQueuedFeedback(item, at, { sending: inFlight.has(item.id), pausedUntil }),
        );
    },

    deliver,
  };
}
