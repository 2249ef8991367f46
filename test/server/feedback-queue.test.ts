import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_KEYS } from '../../server/demo-keys';
import { startServer, type RunningServer } from '../../server/main';
import {
  feedbackSupport,
  listFeedback,
  postFeedback,
} from '../../utils/backend-client/feedback-client';
import type { FeedbackRequest } from '../../utils/contract/schemas';
import type { BackendConfig } from '../../utils/settings/schema';
import { chooseFeedbackTarget } from '../../utils/background/feedback-destination';
import {
  createFeedbackQueue,
  FEEDBACK_UNDO_MS,
  RETRY_MAX_MS,
  type FeedbackQueue,
  type QueuedFeedback,
} from '../../utils/background/feedback-queue';
import { feedbackRequestOf } from '../../utils/background/feedback-handlers';
import type { FeedbackDraft } from '../../utils/protocol/feedback-protocol';
import { DEFAULT_PRIVACY_SETTINGS } from '../../utils/settings/schema';
import { makeTempDir } from './harness';

// `feedbackRequestOf` (the background's answer to the sidebar's sendFeedback) reads the
// settings; the rest of its module wires the extension's messaging, not needed here.
vi.mock('../../utils/settings/settings-store', () => ({
  loadEffectiveSettings: async () => ({
    identity: { ownEmails: ['rep@touchpoint.example'], internalDomains: [], neverLookUp: [] },
    privacy: DEFAULT_PRIVACY_SETTINGS,
  }),
}));
vi.mock('../../utils/background/door', () => ({ onPageMessage: () => undefined }));
vi.mock('../../utils/background/feedback-delivery', () => ({}));

/**
 * The feedback queue with the real client against the real reference server: outages,
 * a restarted worker (a new queue over the same stored items), refusals and rate limits.
 * Time is a clock the test moves (the undo window, back-off); requests are real.
 */

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(
  options: { port?: number; dir?: string; feedbackRateLimitPerMinute?: number } = {},
): Promise<RunningServer & { dir: string; dbPath: string }> {
  const dir = options.dir ?? (await makeTempDir());
  if (!options.dir) cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const dbPath = join(dir, 'touchpoint.db');
  const server = await startServer({
    port: options.port ?? 0,
    dbPath,
    log: () => {},
    shutdownGraceMs: 100,
    feedbackRateLimitPerMinute: options.feedbackRateLimitPerMinute,
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await server.close();
  };
  cleanups.push(close);
  return { ...server, close, dir, dbPath };
}

function backendAt(
  server: { url: string },
  apiKey: string = DEMO_KEYS.read,
  id = 'ref',
): BackendConfig {
  return { id, name: id === 'ref' ? 'Reference' : id, baseUrl: server.url, apiKey, enabled: true };
}

/** The stored queue, as `local:feedbackQueue` holds it in the extension. */
function memoryStore() {
  let items: QueuedFeedback[] = [];
  return {
    getValue: async () => structuredClone(items),
    setValue: async (value: QueuedFeedback[]) => {
      items = structuredClone(value);
    },
  };
}

const clock = { now: Date.parse('2026-03-02T09:00:00Z') };

function queueFor(
  store: ReturnType<typeof memoryStore>,
  backends: () => BackendConfig[],
): FeedbackQueue {
  return createFeedbackQueue({
    store,
    target: (backendId) =>
      chooseFeedbackTarget(
        { backends: backends() },
        {
          hashedLookups: false,
          support: (b) => feedbackSupport(b, { retries: 0 }),
          ...(backendId === undefined ? {} : { backendId }),
        },
      ),
    send: (backend, feedback) => postFeedback(backend, feedback, { retries: 0 }),
    now: () => clock.now,
    random: () => 0.5,
  });
}

let counter = 0;
function feedback(overrides: Partial<FeedbackRequest> = {}): FeedbackRequest {
  counter += 1;
  return {
    id: crypto.randomUUID(),
    contact: { email: 'jane@acme.example' },
    kind: 'messaging_landed',
    messagingId: `msg-queue-${counter}`,
    occurredAt: new Date(clock.now).toISOString(),
    rep: { email: 'rep@touchpoint.example' },
    ...overrides,
  };
}

async function storedIds(server: RunningServer, query = ''): Promise<string[]> {
  const outcome = await listFeedback(backendAt(server), { limit: 200, ...parse(query) });
  if (outcome.state !== 'ok') throw new Error(outcome.message);
  return outcome.list.feedback.map((f) => f.id);
}

function parse(query: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(query));
}

describe('feedback queue against the reference server', () => {
  it('holds an item for the undo window, keeps it through an outage and a worker restart, and delivers it exactly once', async () => {
    const first = await start();
    const { port, dir } = first;
    let backends = [backendAt(first)];
    const store = memoryStore();
    const worker1 = queueFor(store, () => backends);

    const item = feedback();
    await worker1.enqueue(item);
    await worker1.deliver();
    // Held for the undo window: nothing sent yet.
    expect(await storedIds(first, `messagingId=${item.messagingId}`)).toEqual([]);
    expect(await worker1.list()).toEqual([
      expect.objectContaining({ id: item.id, state: 'undoable', attempts: 0 }),
    ]);

    await first.close();
    clock.now += FEEDBACK_UNDO_MS + 1;
    await worker1.deliver();
    const [waiting] = await worker1.list();
    expect(waiting).toMatchObject({ id: item.id, state: 'waiting' });
    expect(waiting?.message).toMatch(/refused|Cannot connect/);
    expect((await store.getValue()).map((i) => i.id)).toEqual([item.id]);

    // The worker stops; a new one starts with what storage kept, and the backend is back
    // on the same port and database.
    const second = await start({ port, dir });
    backends = [backendAt(second)];
    const worker2 = queueFor(store, () => backends);
    await worker2.deliver();
    expect(await worker2.list()).toEqual([]);
    expect(await storedIds(second, `messagingId=${item.messagingId}`)).toEqual([item.id]);

    // Delivering again (another wake, another worker) sends nothing more.
    await worker1.deliver();
    await worker2.deliver();
    expect(await storedIds(second, `messagingId=${item.messagingId}`)).toEqual([item.id]);
  });

  it('counts a repeat the backend already has (200) as delivered: stored once', async () => {
    const server = await start();
    const store = memoryStore();
    const queue = queueFor(store, () => [backendAt(server)]);
    const item = feedback();
    await queue.enqueue(item);
    // The first request reached the backend, but its answer was lost with the worker.
    expect(await postFeedback(backendAt(server), item)).toEqual({
      outcome: 'delivered',
      created: true,
    });
    clock.now += FEEDBACK_UNDO_MS + 1;
    await queue.deliver();
    expect(await queue.list()).toEqual([]);
    expect(await storedIds(server, `messagingId=${item.messagingId}`)).toEqual([item.id]);
  });

  it('delivers many items exactly once when wakes overlap and items arrive meanwhile', async () => {
    const server = await start();
    const store = memoryStore();
    const queue = queueFor(store, () => [backendAt(server)]);
    const items = Array.from({ length: 12 }, () => feedback({ campaignId: 'camp-burst' }));
    await Promise.all(items.slice(0, 8).map((item) => queue.enqueue(item)));
    clock.now += FEEDBACK_UNDO_MS + 1;
    const runs = [queue.deliver(), queue.deliver()];
    await Promise.all(items.slice(8).map((item) => queue.enqueue(item)));
    runs.push(queue.deliver());
    await Promise.all(runs);
    clock.now += FEEDBACK_UNDO_MS + 1;
    await queue.deliver();
    expect(await queue.list()).toEqual([]);
    const ids = await storedIds(server, 'campaignId=camp-burst');
    expect(ids.sort()).toEqual(items.map((i) => i.id).sort());
  });

  it('undoes an item before its first request, not after', async () => {
    const server = await start();
    const queue = queueFor(memoryStore(), () => [backendAt(server)]);
    const undone = feedback();
    const kept = feedback();
    await queue.enqueue(undone);
    await queue.enqueue(kept);
    expect(await queue.undo(undone.id)).toEqual({ done: true });
    clock.now += FEEDBACK_UNDO_MS + 1;
    await queue.deliver();
    expect(await queue.undo(kept.id)).toMatchObject({ done: false });
    expect(await storedIds(server, `messagingId=${undone.messagingId}`)).toEqual([]);
    expect(await storedIds(server, `messagingId=${kept.messagingId}`)).toEqual([kept.id]);
  });

  it('keeps an item the backend refuses, with its reason, without sending it again until retried', async () => {
    const server = await start();
    const store = memoryStore();
    const queue = queueFor(store, () => [backendAt(server)]);
    // Too long for the contract (the sidebar's messages refuse it; an older item may not).
    const refused = feedback({ kind: 'objection', text: 'x'.repeat(2001) });
    await queue.enqueue(refused);
    clock.now += FEEDBACK_UNDO_MS + 1;
    await queue.deliver();
    const [item] = await queue.list();
    expect(item).toMatchObject({ id: refused.id, state: 'rejected', attempts: 1 });
    expect(item?.message).toMatch(/HTTP 400.*text/);
    clock.now += RETRY_MAX_MS;
    await queue.deliver();
    expect((await queue.list())[0]).toMatchObject({ state: 'rejected', attempts: 1 });
    await queue.retry(refused.id);
    await queue.deliver();
    expect((await queue.list())[0]).toMatchObject({ state: 'rejected', attempts: 2 });
    expect(await queue.discard(refused.id)).toEqual({ done: true });
    expect(await queue.list()).toEqual([]);
  });

  it('waits while the key cannot see the features, and sends it all once the key changes', async () => {
    const server = await start();
    let key = 'not-a-key-at-all';
    const queue = queueFor(memoryStore(), () => [backendAt(server, key)]);
    const items = [feedback(), feedback()];
    for (const item of items) await queue.enqueue(item);
    clock.now += FEEDBACK_UNDO_MS + 1;
    await queue.deliver();
    const pending = await queue.list();
    expect(pending.map((p) => [p.state, p.attempts])).toEqual([
      ['waiting', 0],
      ['waiting', 0],
    ]);
    expect(pending[0]?.message).toMatch(/did not show its features to this API key/);
    key = DEMO_KEYS.read;
    await queue.backendsChanged();
    expect(await queue.list()).toEqual([]);
    for (const item of items) {
      expect(await storedIds(server, `messagingId=${item.messagingId}`)).toEqual([item.id]);
    }
  });

  it('refused key on the send itself: every queued item waits for a new key', async () => {
    const server = await start();
    const store = memoryStore();
    // Health is asked with the right key; the sends go with a wrong one.
    const queue = createFeedbackQueue({
      store,
      target: async () => ({ backend: backendAt(server) }),
      send: (backend, body) => postFeedback({ ...backend, apiKey: 'wrong-key-123' }, body),
      now: () => clock.now,
    });
    await queue.enqueue(feedback());
    await queue.enqueue(feedback());
    clock.now += FEEDBACK_UNDO_MS + 1;
    await queue.deliver();
    const pending = await queue.list();
    expect(pending.map((p) => [p.state, p.attempts])).toEqual([
      ['rejected', 1],
      ['rejected', 0],
    ]);
    expect(pending[0]?.message).toMatch(/refused the API key \(HTTP 401\)/);
  });

  it('backs off on 429 for as long as Retry-After says', async () => {
    const server = await start({ feedbackRateLimitPerMinute: 1 });
    const queue = queueFor(memoryStore(), () => [backendAt(server)]);
    const [a, b] = [feedback(), feedback()];
    await queue.enqueue(a);
    await queue.enqueue(b);
    clock.now += FEEDBACK_UNDO_MS + 1;
    await queue.deliver();
    const [waiting] = await queue.list();
    expect(waiting).toMatchObject({ id: b.id, state: 'waiting', attempts: 1 });
    expect(waiting?.message).toMatch(/rate limiting/);
    // Retry-After is whole seconds until one token is back: about a minute at 1/min.
    expect(waiting?.nextAttemptAt).toBeGreaterThanOrEqual(clock.now + 30_000);
    expect(await storedIds(server, `messagingId=${a.messagingId}`)).toEqual([a.id]);
  });

  it('summarises what the queue delivered for the library page', async () => {
    const server = await start();
    const queue = queueFor(memoryStore(), () => [backendAt(server)]);
    await queue.enqueue(feedback({ messagingId: 'msg-sum', kind: 'messaging_landed' }));
    await queue.enqueue(feedback({ messagingId: 'msg-sum', kind: 'messaging_missed' }));
    await queue.enqueue(
      feedback({ messagingId: 'msg-sum', kind: 'objection', text: 'Integration effort' }),
    );
    clock.now += FEEDBACK_UNDO_MS + 1;
    await queue.deliver();
    const outcome = await listFeedback(backendAt(server), { messagingId: 'msg-sum' });
    expect(outcome).toMatchObject({
      state: 'ok',
      list: { summary: { byMessaging: { 'msg-sum': { landed: 1, missed: 1, objections: 1 } } } },
    });
    const wrongKey = await listFeedback(backendAt(server, 'nope-nope-nope'), {});
    expect(wrongKey).toMatchObject({ state: 'error', message: expect.stringMatching(/HTTP 401/) });
  });
});

/**
 * Answers lost on the way back: the request reaches the backend (or the worker stores the
 * item) and then the worker stops before anyone hears of it.
 */
describe('feedback whose answer was lost', () => {
  it('a re-press of the same button (same id) after the worker stopped before answering is stored once', async () => {
    const server = await start();
    const store = memoryStore();
    const worker1 = queueFor(store, () => [backendAt(server)]);
    // The sidebar makes the id once per press and sends it again when it retries the press.
    const draft: FeedbackDraft = {
      id: crypto.randomUUID(),
      email: 'jane@acme.example',
      kind: 'messaging_landed',
      messagingId: 'msg-lost-answer',
    };
    await worker1.enqueue(await feedbackRequestOf(draft));
    // …and stopped before answering: the sidebar says "failed", the rep presses again.
    const worker2 = queueFor(store, () => [backendAt(server)]);
    await worker2.enqueue(await feedbackRequestOf(draft));
    expect((await worker2.list()).map((p) => p.id)).toEqual([draft.id]);

    // The first request reaches the backend, its answer is lost with the worker…
    clock.now += FEEDBACK_UNDO_MS + 1;
    const lossy = createFeedbackQueue({
      store,
      target: async () => ({ backend: backendAt(server) }),
      send: async (backend, body) => {
        await postFeedback(backend, body, { retries: 0 });
        return { outcome: 'retry', message: 'The worker stopped before the answer came.' };
      },
      now: () => clock.now,
      random: () => 0.5,
    });
    await lossy.deliver();
    // …the rep presses once more, and a new worker sends what is waiting.
    const worker3 = queueFor(store, () => [backendAt(server)]);
    await worker3.enqueue(await feedbackRequestOf(draft));
    clock.now += RETRY_MAX_MS;
    await worker3.deliver();
    expect(await worker3.list()).toEqual([]);
    expect(await storedIds(server, 'messagingId=msg-lost-answer')).toEqual([draft.id]);
  });

  it('is not sent to a new feedback backend after the admin switched: the first one has it', async () => {
    const [serverA, serverB] = [await start(), await start()];
    const a = backendAt(serverA, DEMO_KEYS.read, 'a');
    const b = backendAt(serverB, DEMO_KEYS.read, 'b');
    let settings: { backends: BackendConfig[]; feedbackBackendId?: string } = {
      backends: [a, b],
      feedbackBackendId: 'a',
    };
    const store = memoryStore();
    let loseAnswers = true;
    const queue = createFeedbackQueue({
      store,
      target: (backendId) =>
        chooseFeedbackTarget(settings, {
          hashedLookups: false,
          support: (backend) => feedbackSupport(backend, { retries: 0 }),
          ...(backendId === undefined ? {} : { backendId }),
        }),
      send: async (backend, body) => {
        const delivery = await postFeedback(backend, body, { retries: 0 });
        return loseAnswers ? { outcome: 'retry', message: 'No answer came back.' } : delivery;
      },
      now: () => clock.now,
      random: () => 0.5,
    });
    const kept = feedback({ messagingId: 'msg-switched' });
    const neverSent = feedback({ messagingId: 'msg-switched' });
    await queue.enqueue(kept);
    await queue.enqueue(neverSent);
    clock.now += FEEDBACK_UNDO_MS + 1;
    await queue.deliver();
    // The first reached A; its answer did not come back, so the run paused there.
    expect(await storedIds(serverA, 'messagingId=msg-switched')).toEqual([kept.id]);

    // The admin picks B. The item A may have goes to A again (A answers 200: stored once);
    // the one never sent goes where feedback goes now.
    settings = { ...settings, feedbackBackendId: 'b' };
    loseAnswers = false;
    clock.now += RETRY_MAX_MS;
    await queue.deliver();
    expect(await queue.list()).toEqual([]);
    expect(await storedIds(serverA, 'messagingId=msg-switched')).toEqual([kept.id]);
    expect(await storedIds(serverB, 'messagingId=msg-switched')).toEqual([neverSent.id]);
  });

  it('waits for the rep when its first backend is switched off: not sent to the new one on its own', async () => {
    const [serverA, serverB] = [await start(), await start()];
    const a = backendAt(serverA, DEMO_KEYS.read, 'a');
    const b = backendAt(serverB, DEMO_KEYS.read, 'b');
    let backends = [a, b];
    const store = memoryStore();
    let loseAnswers = true;
    const queue = createFeedbackQueue({
      store,
      target: (backendId) =>
        chooseFeedbackTarget(
          { backends },
          {
            hashedLookups: false,
            support: (backend) => feedbackSupport(backend, { retries: 0 }),
            ...(backendId === undefined ? {} : { backendId }),
          },
        ),
      send: async (backend, body) => {
        const delivery = await postFeedback(backend, body, { retries: 0 });
        return loseAnswers ? { outcome: 'retry', message: 'No answer came back.' } : delivery;
      },
      now: () => clock.now,
      random: () => 0.5,
    });
    const item = feedback({ messagingId: 'msg-switched-off' });
    await queue.enqueue(item);
    clock.now += FEEDBACK_UNDO_MS + 1;
    await queue.deliver();
    expect(await storedIds(serverA, 'messagingId=msg-switched-off')).toEqual([item.id]);

    backends = [{ ...a, enabled: false }, b];
    loseAnswers = false;
    await queue.backendsChanged();
    clock.now += RETRY_MAX_MS;
    await queue.deliver();
    const [pending] = await queue.list();
    expect(pending).toMatchObject({ id: item.id, state: 'rejected', attempts: 1 });
    expect(pending?.message).toMatch(/Sent to a before.*switched off/);
    expect(await storedIds(serverB, 'messagingId=msg-switched-off')).toEqual([]);

    // The rep's explicit retry is what sends it to B.
    await queue.retry(item.id);
    await queue.deliver();
    expect(await queue.list()).toEqual([]);
    expect(await storedIds(serverB, 'messagingId=msg-switched-off')).toEqual([item.id]);
  });
});
