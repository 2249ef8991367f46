import { describe, expect, it } from 'vitest';
import type { PendingFeedback } from '../../utils/messaging/feedback-protocol';
import { needsAttention } from './PendingFeedback';
import { feedbackKey } from './use-feedback';

const item = (extra: Partial<PendingFeedback>): PendingFeedback => ({
  id: 'f1',
  kind: 'messaging_missed',
  contact: { email: 'dana@acme.example' },
  messagingId: 'msg-1',
  createdAt: 1_000_000,
  state: 'waiting',
  attempts: 1,
  ...extra,
});

describe('the waiting list', () => {
  it('shows refused and failed items, and slow ones, never those in their undo window', () => {
    const now = 1_000_000 + 6_000;
    expect(needsAttention(item({ state: 'undoable', undoableUntil: now + 1 }), now)).toBe(false);
    expect(needsAttention(item({ state: 'rejected', message: 'Bad request' }), now)).toBe(true);
    expect(needsAttention(item({ message: 'Cannot connect' }), now)).toBe(true);
    // On its way out of the queue: not worth a flicker…
    expect(needsAttention(item({}), now)).toBe(false);
    expect(needsAttention(item({ state: 'sending' }), now)).toBe(false);
    // …unless it takes far longer than a request should.
    expect(needsAttention(item({}), now + 60_000)).toBe(true);
  });
});

describe('feedbackKey', () => {
  it('keeps contacts, messaging entries, assets and the objection form apart', () => {
    const keys = [
      feedbackKey('a@x.example', { messagingId: 'm1' }),
      feedbackKey('a@x.example', { assetId: 'm1' }),
      feedbackKey('b@x.example', { messagingId: 'm1' }),
      feedbackKey('a@x.example', 'objection'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
