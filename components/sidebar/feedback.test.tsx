// @vitest-environment happy-dom
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Asset } from '../../utils/contract/schemas';
import type {
  FeedbackDraft,
  PendingFeedback,
  UndoFeedbackResult,
} from '../../utils/protocol/feedback-protocol';
import { pageToBackground } from '../../utils/protocol/page-to-background';
import { ContentConsumed } from './ContentConsumed';
import { contactLabel, needsAttention } from './PendingFeedback';
import { feedbackKey, useFeedbackState, type FeedbackState } from './use-feedback';

vi.mock('../../utils/protocol/page-to-background', () => ({
  pageToBackground: { sendMessage: vi.fn() },
}));
const send = vi.mocked(pageToBackground.sendMessage) as unknown as ReturnType<typeof vi.fn>;

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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

describe('the contact in the waiting list', () => {
  it('shows a hashed contact’s address only while the sidebar still has it in memory', () => {
    const hashed = item({ id: 'f2', contact: { emailSha256: 'a'.repeat(64) } });
    expect(contactLabel(item({}), new Map())).toBe('dana@acme.example');
    expect(contactLabel(hashed, new Map([['f2', 'dana@acme.example']]))).toBe('dana@acme.example');
    expect(contactLabel(hashed, new Map([['other', 'dana@acme.example']]))).toBe('hashed contact');
  });
});

/** Renders `node` into a fresh container; returns it and the unmount. */
async function render(node: ReactNode) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(node));
  return {
    container,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** A promise and its resolve, to answer a message when the test says. */
function later<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('useFeedbackState', () => {
  let state: FeedbackState;
  let unmount: () => void;
  /** Answers to sendFeedback / undoFeedback, by call, in order; the default answers at once. */
  let sendAnswers: Array<(draft: FeedbackDraft) => Promise<PendingFeedback>>;
  let undoAnswers: Array<() => Promise<UndoFeedbackResult>>;

  const queuedItem = (draft: FeedbackDraft): PendingFeedback => ({
    id: draft.id ?? crypto.randomUUID(),
    kind: draft.kind,
    contact: { email: draft.email },
    ...(draft.messagingId ? { messagingId: draft.messagingId } : {}),
    createdAt: Date.now(),
    state: 'undoable',
    undoableUntil: Date.now() + 5000,
    attempts: 0,
  });
  const sentDrafts = () =>
    send.mock.calls
      .filter(([type]) => type === 'sendFeedback')
      .map(([, data]) => data as FeedbackDraft);

  function Probe() {
    state = useFeedbackState();
    return null;
  }

  beforeEach(async () => {
    sendAnswers = [];
    undoAnswers = [];
    send.mockReset();
    send.mockImplementation(async (type: string, data: unknown) => {
      if (type === 'sendFeedback') {
        const answer = sendAnswers.shift();
        return answer ? answer(data as FeedbackDraft) : queuedItem(data as FeedbackDraft);
      }
      if (type === 'undoFeedback') return (undoAnswers.shift() ?? (async () => ({ done: true })))();
      if (type === 'getFeedbackDestination') return { state: 'ok', backendId: 'a', name: 'A' };
      throw new Error(`unexpected ${type}`);
    });
    ({ unmount } = await render(<Probe />));
  });
  afterEach(() => unmount());

  const key = feedbackKey('dana@acme.example', { messagingId: 'msg-1' });
  const draft = (kind: FeedbackDraft['kind']): FeedbackDraft => ({
    email: 'dana@acme.example',
    kind,
    messagingId: 'msg-1',
  });

  it('ignores a click while a change of mind is still being undone: one item per choice', async () => {
    await act(() => state.choose(key, draft('messaging_landed')));
    const undo = later<UndoFeedbackResult>();
    undoAnswers.push(() => undo.promise);
    let changing!: Promise<unknown>;
    act(() => {
      changing = state.choose(key, draft('messaging_missed'));
    });
    expect(state.choices[key]).toMatchObject({ phase: 'saving', kind: 'messaging_missed' });
    // The rep clicks again before the undo answered: nothing more is queued.
    await act(() => state.choose(key, draft('messaging_landed')));
    await act(async () => {
      undo.resolve({ done: true });
      await changing;
    });
    expect(sentDrafts().map((d) => d.kind)).toEqual(['messaging_landed', 'messaging_missed']);
    expect(state.choices[key]).toMatchObject({ phase: 'queued', kind: 'messaging_missed' });
  });

  it('keeps the earlier choice, and says so, when it can no longer be taken back', async () => {
    await act(() => state.choose(key, draft('messaging_landed')));
    const landedId = sentDrafts()[0]?.id;
    undoAnswers.push(async () => ({
      done: false,
      message: 'Too late to undo: it is being sent, or was sent.',
    }));
    await act(() => state.choose(key, draft('messaging_missed')));
    expect(sentDrafts().map((d) => d.kind)).toEqual(['messaging_landed']);
    expect(state.choices[key]).toMatchObject({
      phase: 'queued',
      kind: 'messaging_landed',
      id: landedId,
      message: expect.stringMatching(/being sent.*“Missed” was not sent/),
    });
  });

  it('sends the same id again when the same press is retried after no answer', async () => {
    sendAnswers.push(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await act(() => state.choose(key, draft('messaging_landed')));
    expect(state.choices[key]).toMatchObject({ phase: 'failed' });
    await act(() => state.choose(key, draft('messaging_landed')));
    const [first, second] = sentDrafts();
    expect(first?.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(second?.id).toBe(first?.id);
    expect(state.choices[key]).toMatchObject({ phase: 'queued', id: first?.id });
    // A new press (after an undo) is a new item: a new id.
    await act(() => state.undo(key));
    await act(() => state.choose(key, draft('messaging_landed')));
    expect(sentDrafts()[2]?.id).not.toBe(first?.id);
  });

  it('adds objections instead of taking the last one back', async () => {
    const objectionKey = feedbackKey('dana@acme.example', 'objection');
    const objection = (text: string): FeedbackDraft => ({
      email: 'dana@acme.example',
      kind: 'objection',
      text,
    });
    await act(() => state.choose(objectionKey, objection('Too expensive')));
    await act(() => state.choose(objectionKey, objection('Integration effort')));
    expect(send.mock.calls.filter(([type]) => type === 'undoFeedback')).toEqual([]);
    expect(sentDrafts().map((d) => d.text)).toEqual(['Too expensive', 'Integration effort']);
  });
});

describe('Content consumed', () => {
  const asset = (id: string, url: string): Asset => ({ id, title: `Asset ${id}`, url });

  it('offers "Copy link" only for an http(s) link, never for a refused URL', async () => {
    const { container, unmount } = await render(
      <ContentConsumed
        email="dana@acme.example"
        engagements={[]}
        assets={[
          asset('safe', 'https://acme.example/tco.pdf'),
          asset('script', 'javascript:alert(document.cookie)'),
          asset('data', 'data:text/html,<script>alert(1)</script>'),
        ]}
      />,
    );
    const copyButtons = (id: string) =>
      [...container.querySelectorAll(`[data-asset-id="${id}"] button`)].filter((b) =>
        b.textContent?.startsWith('Copy link'),
      ).length;
    expect(copyButtons('safe')).toBe(1);
    expect(copyButtons('script')).toBe(0);
    expect(copyButtons('data')).toBe(0);
    expect(container.querySelectorAll('a[href^="javascript:"], a[href^="data:"]').length).toBe(0);
    unmount();
  });
});
