/**
 * The rep's feedback to marketing from the sidebar: what each button last queued,
 * the background's queue as stored, and where feedback goes. The state lives in the
 * sidebar (`useFeedbackState` in SidebarApp, shared through `FeedbackContext`) so a choice
 * stays pressed across a Refresh or a switch to another contact and back.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { watchPendingFeedback } from '../../utils/protocol/watched-items';
import type {
  FeedbackDestination,
  FeedbackDraft,
  FeedbackKind,
  PendingFeedback,
} from '../../utils/protocol/feedback-protocol';
import { pageToBackground } from '../../utils/protocol/page-to-background';
import { errorText } from '../../utils/contract/errors';
import { useLiveEffect } from '../use-live-effect';

export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = {
  messaging_landed: 'Landed',
  messaging_missed: 'Missed',
  content_helpful: 'Helpful',
  content_not_helpful: 'Not helpful',
  objection: 'Objection',
  note: 'Note',
};

/**
 * What one button group (or the objection form) last did:
 * - `saving`: the background is queuing it (or taking the previous choice back first);
 * - `undoing`: the background is taking it back;
 * - `queued`: stored in the queue (`undoableUntil`: undo is possible before then); with a
 *   `message`, a later change of mind or undo could not take it back;
 * - `undone`: taken back, nothing is sent;
 * - `failed`: not queued, `message` says why (or the background did not answer: a retry of
 *   the same press sends the same id, so it is not queued twice).
 * While `saving` or `undoing`, further presses in the group are ignored.
 */
export interface FeedbackChoice {
  kind: FeedbackKind;
  phase: 'saving' | 'undoing' | 'queued' | 'undone' | 'failed';
  /** The queued item's client id (also `draft.id`). */
  id?: string;
  /** ms since epoch. */
  undoableUntil?: number;
  message?: string;
  /** The draft, so the objection form can give its text back after an undo. */
  draft: FeedbackDraft;
}

export interface FeedbackState {
  /** What is still queued, oldest first, as the background stores it. */
  pending: PendingFeedback[];
  /** `undefined` while the background is asked. */
  destination: FeedbackDestination | undefined;
  /** By `feedbackKey`. */
  choices: Record<string, FeedbackChoice>;
  /**
   * Queues `draft` under `key` and resolves with what became of it. In a button group (not
   * the objection form) the key's previous item is taken back first; if it can no longer be,
   * it stays the choice, the status says so, and `draft` is not sent: marketing never gets
   * both. Ignored (resolves undefined) while the key is saving or undoing.
   */
  choose(key: string, draft: FeedbackDraft): Promise<FeedbackChoice | undefined>;
  /** Takes back the key's item; resolves with whether it was taken back. */
  undo(key: string): Promise<boolean>;
  /** Sends a queued item again now; resolves with a message when the background refused. */
  retry(id: string): Promise<string | undefined>;
  /** Gives up on a queued item; resolves with a message when it could not. */
  discard(id: string): Promise<string | undefined>;
}

/** One button group: a contact and the messaging entry, the asset, or the objection form. */
export function feedbackKey(
  email: string,
  target: { messagingId: string } | { assetId: string } | 'objection',
): string {
  if (target === 'objection') return `${email}\nobjection`;
  return 'messagingId' in target
    ? `${email}\nmessaging\n${target.messagingId}`
    : `${email}\nasset\n${target.assetId}`;
}

/** Kinds that add up (each objection is its own item) rather than replace the last choice. */
const ADDITIVE_KINDS: ReadonlySet<FeedbackKind> = new Set(['objection', 'note']);

/** The same press again: what it is about is unchanged (the id is not compared). */
function samePress(a: FeedbackDraft, b: FeedbackDraft): boolean {
  return (
    a.email === b.email &&
    a.kind === b.kind &&
    a.messagingId === b.messagingId &&
    a.assetId === b.assetId &&
    a.campaignId === b.campaignId &&
    (a.text ?? '').trim() === (b.text ?? '').trim()
  );
}

function busy(choice: FeedbackChoice | undefined): boolean {
  return choice?.phase === 'saving' || choice?.phase === 'undoing';
}

function backgroundSilent(error: unknown): string {
  return `The extension's background did not answer (${errorText(error)}). Reload the extension.`;
}

/** The sidebar's feedback state; call once (SidebarApp) and share it with `FeedbackContext`. */
export function useFeedbackState(): FeedbackState {
  const [pending, setPending] = useState<PendingFeedback[]>([]);
  const [destination, setDestination] = useState<FeedbackDestination>();
  const [choices, setChoices] = useState<Record<string, FeedbackChoice>>({});
  // The latest choices for the actions (they run after renders, never during one).
  const latest = useRef(choices);
  const setChoice = useCallback((key: string, choice: FeedbackChoice) => {
    latest.current = { ...latest.current, [key]: choice };
    setChoices(latest.current);
  }, []);

  useEffect(() => watchPendingFeedback(setPending), []);
  useLiveEffect((live) => {
    pageToBackground.sendMessage('getFeedbackDestination', undefined).then(
      (answer) => live() && setDestination(answer),
      (error: unknown) =>
        live() && setDestination({ state: 'none', message: backgroundSilent(error) }),
    );
  }, []);

  const choose = useCallback(
    async (key: string, requested: FeedbackDraft): Promise<FeedbackChoice | undefined> => {
      const previous = latest.current[key];
      // A click while the last one is still on its way would queue a second item.
      if (busy(previous)) return undefined;
      // One id per press; the same press again after a failure (maybe stored by a worker
      // that stopped before answering) keeps its id, so the background stores it once.
      const retried = previous?.phase === 'failed' && samePress(previous.draft, requested);
      const id = requested.id ?? (retried ? previous.draft.id : undefined) ?? crypto.randomUUID();
      const draft: FeedbackDraft = { ...requested, id };
      setChoice(key, { kind: draft.kind, phase: 'saving', id, draft });

      const earlier =
        previous?.phase === 'queued' || (previous?.phase === 'failed' && !retried)
          ? previous
          : undefined;
      if (earlier?.draft.id && !ADDITIVE_KINDS.has(draft.kind)) {
        // A change of mind replaces the choice: the earlier item is taken back first.
        const result = await pageToBackground
          .sendMessage('undoFeedback', { id: earlier.draft.id })
          .catch((error: unknown) => ({ done: false, message: backgroundSilent(error) }));
        if (!result.done && earlier.phase === 'queued') {
          // It stays (sent, or being sent): sending this one too would tell marketing both.
          const kept: FeedbackChoice = {
            ...earlier,
            undoableUntil: 0,
            message: `${result.message ?? 'It could not be taken back.'} “${FEEDBACK_KIND_LABELS[draft.kind]}” was not sent, so this changes nothing.`,
          };
          setChoice(key, kept);
          return kept;
        }
        // A failed press that was not stored has nothing to take back: carry on.
      }
      try {
        const item = await pageToBackground.sendMessage('sendFeedback', draft);
        const queued: FeedbackChoice = {
          kind: draft.kind,
          phase: 'queued',
          id: item.id,
          ...(item.undoableUntil === undefined ? {} : { undoableUntil: item.undoableUntil }),
          draft,
        };
        setChoice(key, queued);
        return queued;
      } catch (error) {
        const failed: FeedbackChoice = {
          kind: draft.kind,
          phase: 'failed',
          message: errorText(error),
          draft,
        };
        setChoice(key, failed);
        return failed;
      }
    },
    [setChoice],
  );

  const undo = useCallback(
    async (key: string) => {
      const choice = latest.current[key];
      if (!choice?.id || busy(choice)) return false;
      setChoice(key, { ...choice, phase: 'undoing' });
      const result = await pageToBackground
        .sendMessage('undoFeedback', { id: choice.id })
        .catch((error: unknown) => ({ done: false, message: backgroundSilent(error) }));
      if (result.done) {
        setChoice(key, { kind: choice.kind, phase: 'undone', draft: choice.draft });
        return true;
      }
      setChoice(key, {
        ...choice,
        undoableUntil: 0,
        message: result.message ?? 'Too late to undo: it is being sent.',
      });
      return false;
    },
    [setChoice],
  );

  const retry = useCallback(
    (id: string) =>
      pageToBackground.sendMessage('retryFeedback', { id }).then(
        () => undefined,
        (error: unknown) => backgroundSilent(error),
      ),
    [],
  );
  const discard = useCallback(
    (id: string) =>
      pageToBackground.sendMessage('discardFeedback', { id }).then(
        (result) => (result.done ? undefined : (result.message ?? 'Could not discard it.')),
        (error: unknown) => backgroundSilent(error),
      ),
    [],
  );

  return { pending, destination, choices, choose, undo, retry, discard };
}

const NO_FEEDBACK: FeedbackState = {
  pending: [],
  destination: undefined,
  choices: {},
  choose: () => Promise.resolve(undefined),
  undo: () => Promise.resolve(false),
  retry: () => Promise.resolve(undefined),
  discard: () => Promise.resolve(undefined),
};

export const FeedbackContext = createContext<FeedbackState>(NO_FEEDBACK);

export function useFeedback(): FeedbackState {
  return useContext(FeedbackContext);
}

/**
 * True until `deadline` (ms since epoch) passes, then the component renders again with
 * false: the undo button disappears when the window closes.
 */
export function useBefore(deadline: number | undefined): boolean {
  const [passed, setPassed] = useState<number>();
  useEffect(() => {
    if (deadline === undefined) return;
    const timer = setTimeout(() => setPassed(deadline), Math.max(0, deadline - Date.now()));
    return () => clearTimeout(timer);
  }, [deadline]);
  return deadline !== undefined && deadline > 0 && passed !== deadline;
}
