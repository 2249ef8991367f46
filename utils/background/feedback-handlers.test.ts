import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { FeedbackSupport } from '../backend-client/feedback-client';
import type { FeedbackDraft, PendingFeedback } from '../protocol/feedback-protocol';
import { saveSettingsGroup } from '../settings/settings-store';
import type { BackendConfig } from '../settings/schema';
import { FEEDBACK_ALARM } from './feedback-delivery';
import { chooseFeedbackTarget } from './feedback-destination';
import { registerFeedbackHandlers } from './feedback-handlers';
import { createFeedbackQueue, FEEDBACK_UNDO_MS, type QueuedFeedback } from './feedback-queue';
import { feedbackQueueItem, watchPendingFeedback } from '../protocol/watched-items';

/**
 * The background's feedback messages over WXT's fake browser storage. No backend is
 * configured here, so nothing reaches a network: delivery is tested against the reference
 * server in test/server/feedback-queue.test.ts and in the browser (test/e2e).
 */

const PAGE = { url: fakeBrowser.runtime.getURL('/sidebar.html') };
const CONTENT_SCRIPT = { url: 'https://mail.google.com/mail/u/0/', tab: { id: 3 } };
const START = Date.parse('2026-03-02T09:00:00Z');

beforeAll(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  vi.setSystemTime(START);
  registerFeedbackHandlers();
});
afterAll(() => vi.useRealTimers());
beforeEach(async () => {
  vi.setSystemTime(START);
  await fakeBrowser.storage.local.clear();
  await fakeBrowser.storage.sync.clear();
  await saveSettingsGroup('identity', {
    ownEmails: ['rep@seller.example', 'other@seller.example'],
    internalDomains: [],
    neverLookUp: [],
  });
});

async function send(type: string, data: unknown, sender: { url?: string } = PAGE) {
  const answers = await (
    fakeBrowser.runtime.onMessage as unknown as {
      trigger(message: unknown, sender: unknown): Promise<unknown[]>;
    }
  ).trigger({ id: 1, type, data, timestamp: 0 }, sender);
  const answer = answers.find((a) => a !== undefined) as {
    res?: unknown;
    err?: { message: string };
  };
  if (answer.err) throw new Error(answer.err.message);
  return answer.res;
}

const landed: FeedbackDraft = {
  email: 'Jane@Client.example',
  kind: 'messaging_landed',
  messagingId: 'msg-roi',
};

/** What an alarm does: wake the queue and send what is due. */
async function fireAlarm(): Promise<void> {
  await (
    fakeBrowser.alarms.onAlarm as unknown as { trigger(alarm: unknown): Promise<unknown[]> }
  ).trigger({ name: FEEDBACK_ALARM, scheduledTime: Date.now() });
}

describe('sendFeedback', () => {
  it('stores the item before any request, with a client id, the time and the rep', async () => {
    const item = (await send('sendFeedback', landed)) as PendingFeedback;
    expect(item).toMatchObject({
      kind: 'messaging_landed',
      contact: { email: 'jane@client.example' },
      messagingId: 'msg-roi',
      state: 'undoable',
      undoableUntil: START + FEEDBACK_UNDO_MS,
      attempts: 0,
    });
    expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
    const [stored] = await feedbackQueueItem.getValue();
    expect(stored?.feedback).toEqual({
      id: item.id,
      contact: { email: 'jane@client.example' },
      kind: 'messaging_landed',
      messagingId: 'msg-roi',
      occurredAt: new Date(START).toISOString(),
      rep: { email: 'rep@seller.example' },
    });
    expect(await fakeBrowser.alarms.get(FEEDBACK_ALARM)).toBeDefined();
  });

  it('refuses content scripts, and drafts that lack what their kind needs', async () => {
    await expect(send('sendFeedback', landed, CONTENT_SCRIPT)).rejects.toThrow(/own pages/);
    await expect(send('listPendingFeedback', undefined, CONTENT_SCRIPT)).rejects.toThrow();
    await expect(send('sendFeedback', { ...landed, messagingId: undefined })).rejects.toThrow(
      /messagingId is required/,
    );
    await expect(
      send('sendFeedback', { email: 'jane@client.example', kind: 'content_helpful' }),
    ).rejects.toThrow(/assetId is required/);
    await expect(
      send('sendFeedback', { email: 'jane@client.example', kind: 'objection', text: '  ' }),
    ).rejects.toThrow(/text is required/);
    await expect(
      send('sendFeedback', { email: 'jane@client.example', kind: 'note', text: 'x'.repeat(2001) }),
    ).rejects.toThrow(/longer than 2000/);
    await expect(send('sendFeedback', { ...landed, email: 'not an address' })).rejects.toThrow(
      /contact/,
    );
    expect(await feedbackQueueItem.getValue()).toEqual([]);
  });

  it('leaves rep out when no own address is set', async () => {
    await saveSettingsGroup('identity', { ownEmails: [], internalDomains: [], neverLookUp: [] });
    await send('sendFeedback', {
      email: 'jane@client.example',
      kind: 'objection',
      text: ' Too expensive for this year ',
    });
    const [stored] = await feedbackQueueItem.getValue();
    expect(stored?.feedback.rep).toBeUndefined();
    expect(stored?.feedback.text).toBe('Too expensive for this year');
  });
});

describe('sendFeedback with the sidebar’s id', () => {
  it('stores one item per id: the same press sent again answers the stored item', async () => {
    const id = crypto.randomUUID();
    const first = (await send('sendFeedback', { ...landed, id })) as PendingFeedback;
    expect(first.id).toBe(id);
    // The worker stored it but its answer was lost; the sidebar sends the same press again.
    vi.setSystemTime(START + 1000);
    const again = (await send('sendFeedback', { ...landed, id })) as PendingFeedback;
    expect(again).toEqual(first);
    expect((await feedbackQueueItem.getValue()).map((item) => item.id)).toEqual([id]);
    // The same id for other feedback is a bug in the caller, not a repeat.
    await expect(send('sendFeedback', { ...landed, id, kind: 'messaging_missed' })).rejects.toThrow(
      /already used by other feedback/,
    );
    expect(await feedbackQueueItem.getValue()).toHaveLength(1);
  });

  it('refuses an id that is not a UUID, saying so', async () => {
    for (const id of ['fb-12345678', '', 'x'.repeat(36), 42]) {
      await expect(send('sendFeedback', { ...landed, id })).rejects.toThrow(/must be a UUID/);
    }
    expect(await feedbackQueueItem.getValue()).toEqual([]);
  });
});

describe('with hashed lookups on', () => {
  it('the queue on disk holds only the contact’s sha256, never the address', async () => {
    await saveSettingsGroup('privacy', {
      hashedLookups: true,
      lookupOnlyWhenOpened: false,
      persistCache: false,
      auditLog: false,
    });
    const item = (await send('sendFeedback', landed)) as PendingFeedback;
    const hex = createHash('sha256').update('jane@client.example').digest('hex');
    expect(item.contact).toEqual({ emailSha256: hex });
    const stored = await feedbackQueueItem.getValue();
    expect(stored[0]?.feedback.contact).toEqual({ emailSha256: hex });
    const onDisk = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(onDisk).not.toMatch(/jane@client/i);
  });
});

describe('the queue through messages', () => {
  it('undoes within the window; after it, without a backend, the item waits and says why', async () => {
    const undone = (await send('sendFeedback', landed)) as PendingFeedback;
    const kept = (await send('sendFeedback', {
      ...landed,
      kind: 'messaging_missed',
    })) as PendingFeedback;
    expect(await send('undoFeedback', { id: undone.id })).toEqual({ done: true });
    expect(await send('undoFeedback', { id: undone.id })).toMatchObject({ done: false });

    vi.setSystemTime(START + FEEDBACK_UNDO_MS + 1);
    await fireAlarm();
    const pending = (await send('listPendingFeedback', undefined)) as PendingFeedback[];
    expect(pending).toEqual([
      expect.objectContaining({
        id: kept.id,
        state: 'waiting',
        attempts: 0,
        message: expect.stringMatching(/No backend is configured/),
      }),
    ]);
    expect(await send('getFeedbackDestination', undefined)).toMatchObject({
      state: 'none',
      message: expect.stringMatching(/No backend is configured/),
    });
    // Nothing was sent, so it can still be taken back; discard also works.
    expect(await send('discardFeedback', { id: kept.id })).toEqual({ done: true });
    expect(await send('listPendingFeedback', undefined)).toEqual([]);
  });

  it('keeps the queue in local storage: a new worker finds every item', async () => {
    const items = await Promise.all(
      ['a', 'b', 'c'].map(
        (m) => send('sendFeedback', { ...landed, messagingId: m }) as Promise<PendingFeedback>,
      ),
    );
    const worker2 = createFeedbackQueue({
      store: feedbackQueueItem,
      target: async () => ({ message: 'down' }),
      send: async () => ({ outcome: 'retry', message: 'down' }),
    });
    expect((await worker2.list()).map((p) => p.id)).toEqual(items.map((i) => i.id));
  });

  it('lets pages watch the queue', async () => {
    const seen: string[][] = [];
    const stop = watchPendingFeedback((pending) => seen.push(pending.map((p) => p.state)));
    await vi.waitFor(() => expect(seen).toEqual([[]]));
    const item = (await send('sendFeedback', landed)) as PendingFeedback;
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['undoable']));
    await send('undoFeedback', { id: item.id });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([]));
    stop();
  });
});

describe('chooseFeedbackTarget', () => {
  const backend = (id: string, enabled = true): BackendConfig => ({
    id,
    name: id.toUpperCase(),
    baseUrl: `https://${id}.example`,
    apiKey: 'k',
    enabled,
  });
  const supports =
    (answers: Record<string, FeedbackSupport>) =>
    async (b: BackendConfig): Promise<FeedbackSupport> =>
      answers[b.id] ?? { state: 'unknown', message: `${b.name} is down.` };
  const feedback: FeedbackSupport = { state: 'supported', features: ['feedback'] };
  const none: FeedbackSupport = { state: 'unsupported', message: 'lists no feedback.' };

  it('takes the first enabled backend listing feedback, or the admin’s pick', async () => {
    const backends = [backend('off', false), backend('a'), backend('b'), backend('c')];
    const support = supports({ a: none, b: feedback, c: feedback });
    const first = await chooseFeedbackTarget({ backends }, { hashedLookups: false, support });
    expect(first).toMatchObject({ backend: { id: 'b' } });
    const picked = await chooseFeedbackTarget(
      { backends, feedbackBackendId: 'c' },
      { hashedLookups: false, support },
    );
    expect(picked).toMatchObject({ backend: { id: 'c' } });
    // A pick that lists no feedback is not replaced by another backend.
    const badPick = await chooseFeedbackTarget(
      { backends, feedbackBackendId: 'a' },
      { hashedLookups: false, support },
    );
    expect(badPick).toMatchObject({ message: expect.stringMatching(/chose it to collect/) });
    // A pick that is gone or switched off falls back to the default.
    const gone = await chooseFeedbackTarget(
      { backends, feedbackBackendId: 'off' },
      { hashedLookups: false, support },
    );
    expect(gone).toMatchObject({ backend: { id: 'b' } });
  });

  it('waits for a backend that does not answer instead of sending to the next', async () => {
    const target = await chooseFeedbackTarget(
      { backends: [backend('a'), backend('b')] },
      { hashedLookups: false, support: supports({ b: feedback }) },
    );
    expect(target).toEqual({ message: 'A is down. Feedback waits until A answers.' });
    const nobody = await chooseFeedbackTarget(
      { backends: [backend('a')] },
      { hashedLookups: false, support: supports({ a: none }) },
    );
    expect(nobody).toMatchObject({ message: expect.stringMatching(/none lists the "feedback"/) });
  });

  it('with hashed lookups, names the contact by hash, and only to a backend announcing it', async () => {
    const without = await chooseFeedbackTarget(
      { backends: [backend('a')] },
      { hashedLookups: true, support: supports({ a: feedback }) },
    );
    expect(without).toMatchObject({ message: expect.stringMatching(/emailSha256/) });
    const target = await chooseFeedbackTarget(
      { backends: [backend('a')] },
      {
        hashedLookups: true,
        support: supports({ a: { state: 'supported', features: ['feedback', 'emailSha256'] } }),
      },
    );
    if (!('backend' in target) || !target.prepare) throw new Error('expected a hashing target');
    const body = await target.prepare({
      id: 'fb-12345678',
      kind: 'note',
      text: 'hi',
      contact: { email: 'jane@client.example' },
    });
    const hex = createHash('sha256').update('jane@client.example').digest('hex');
    expect(body.contact).toEqual({ emailSha256: hex });
  });
});

// Keeps the stored shape honest: an item is plain JSON.
it('stores plain JSON', async () => {
  await send('sendFeedback', landed);
  const items: QueuedFeedback[] = await feedbackQueueItem.getValue();
  expect(JSON.parse(JSON.stringify(items))).toEqual(items);
});
