import { describe, expect, it } from 'vitest';
import type { FeedbackDelivery } from '../backend-client/feedback-client';
import type { FeedbackRequest } from '../contract/schemas';
import type { BackendConfig, BackendSettings } from '../settings/schema';
import { chooseFeedbackTarget } from './feedback-destination';
import { createFeedbackQueue, FEEDBACK_UNDO_MS, type QueuedFeedback } from './feedback-queue';

/**
 * The queue's choice of backend, in memory: an item keeps the backend of its first attempt
 * (exactly once holds per backend). Delivery over HTTP is in test/server/feedback-queue.test.ts.
 */

const backend = (id: string, enabled = true): BackendConfig => ({
  id,
  name: id.toUpperCase(),
  baseUrl: `https://${id}.example`,
  apiKey: 'k',
  enabled,
});

function setup(initial: BackendSettings) {
  let items: QueuedFeedback[] = [];
  const clock = { now: Date.parse('2026-03-02T09:00:00Z') };
  const settings = { current: initial };
  const sent: string[] = [];
  /** What the next sends answer. */
  const answer: { current: FeedbackDelivery } = {
    current: { outcome: 'delivered', created: true },
  };
  const queue = createFeedbackQueue({
    store: {
      getValue: async () => structuredClone(items),
      setValue: async (value) => {
        items = structuredClone(value);
      },
    },
    target: (backendId) =>
      chooseFeedbackTarget(settings.current, {
        hashedLookups: false,
        support: async () => ({ state: 'supported', features: ['feedback'] }),
        ...(backendId === undefined ? {} : { backendId }),
      }),
    send: async (to, feedback) => {
      sent.push(`${to.id}:${feedback.id}`);
      return answer.current;
    },
    now: () => clock.now,
    random: () => 0.5,
  });
  return { queue, clock, settings, sent, answer, stored: () => items };
}

const feedback = (id: string): FeedbackRequest => ({
  id,
  contact: { email: 'jane@acme.example' },
  kind: 'messaging_landed',
  messagingId: 'msg-1',
});

describe('an item keeps the backend of its first attempt', () => {
  it('is sent again to that backend after the admin picks another one', async () => {
    const t = setup({ backends: [backend('a'), backend('b')], feedbackBackendId: 'a' });
    await t.queue.enqueue(feedback('item-0001'));
    t.clock.now += FEEDBACK_UNDO_MS + 1;
    // The request reached A, perhaps; its answer did not.
    t.answer.current = { outcome: 'retry', message: 'No answer.' };
    await t.queue.deliver();
    expect(t.sent).toEqual(['a:item-0001']);
    expect(t.stored()[0]).toMatchObject({ backendId: 'a', attempts: 1 });

    t.settings.current = { ...t.settings.current, feedbackBackendId: 'b' };
    t.answer.current = { outcome: 'delivered', created: false };
    await t.queue.retry('item-0001');
    await t.queue.deliver();
    expect(t.sent).toEqual(['a:item-0001', 'a:item-0001']);
    expect(t.stored()).toEqual([]);
  });

  it('waits for the rep when that backend is switched off: only their retry sends it elsewhere', async () => {
    const t = setup({ backends: [backend('a'), backend('b')] });
    await t.queue.enqueue(feedback('item-0002'));
    t.clock.now += FEEDBACK_UNDO_MS + 1;
    t.answer.current = { outcome: 'retry', message: 'No answer.' };
    await t.queue.deliver();
    expect(t.sent).toEqual(['a:item-0002']);

    t.settings.current = { backends: [backend('a', false), backend('b')] };
    t.answer.current = { outcome: 'delivered', created: true };
    await t.queue.backendsChanged();
    t.clock.now += 60 * 60_000;
    await t.queue.deliver();
    expect(t.sent).toEqual(['a:item-0002']);
    const [pending] = await t.queue.list();
    expect(pending).toMatchObject({ id: 'item-0002', state: 'rejected' });
    expect(pending?.message).toMatch(/Sent to A before.*switched off.*Retry sends it/);

    // Switched on again: it goes back to A by itself.
    t.settings.current = { backends: [backend('a'), backend('b')] };
    await t.queue.backendsChanged();
    expect(t.sent).toEqual(['a:item-0002', 'a:item-0002']);
    expect(await t.queue.list()).toEqual([]);
  });

  it('goes to the current backend when the rep retries an item whose backend was removed', async () => {
    const t = setup({ backends: [backend('a'), backend('b')] });
    await t.queue.enqueue(feedback('item-0003'));
    t.clock.now += FEEDBACK_UNDO_MS + 1;
    t.answer.current = { outcome: 'retry', message: 'No answer.' };
    await t.queue.deliver();

    t.settings.current = { backends: [backend('b')] };
    t.answer.current = { outcome: 'delivered', created: true };
    t.clock.now += 60 * 60_000;
    await t.queue.deliver();
    expect(t.sent).toEqual(['a:item-0003']);
    expect((await t.queue.list())[0]?.message).toMatch(/backend "a".*removed/);

    await t.queue.retry('item-0003');
    await t.queue.deliver();
    expect(t.sent).toEqual(['a:item-0003', 'b:item-0003']);
    expect(await t.queue.list()).toEqual([]);
  });

  it('does not hold up items never sent, which go where feedback goes now', async () => {
    const t = setup({ backends: [backend('a'), backend('b')] });
    await t.queue.enqueue(feedback('item-0004'));
    t.clock.now += FEEDBACK_UNDO_MS + 1;
    t.answer.current = { outcome: 'retry', message: 'No answer.' };
    await t.queue.deliver();
    t.settings.current = { backends: [backend('b')] };
    await t.queue.enqueue(feedback('item-0005'));
    t.clock.now += 60 * 60_000;
    t.answer.current = { outcome: 'delivered', created: true };
    await t.queue.deliver();
    expect(t.sent).toEqual(['a:item-0004', 'b:item-0005']);
    expect((await t.queue.list()).map((p) => [p.id, p.state])).toEqual([['item-0004', 'rejected']]);
  });
});
