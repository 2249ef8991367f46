/**
 * The rep's feedback to marketing from the sidebar (issue 7): what each button last queued,
 * the background's queue as stored, and where feedback goes. The state lives in the
 * sidebar (`useFeedbackState` in SidebarApp, shared through `FeedbackContext`) so a choice
 * stays pressed across a Refresh or a switch to another contact and back.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { watchPendingFeedback } from '../../utils/background/feedback-store';
import type {
  FeedbackDestination,
  FeedbackDraft,
  FeedbackKind,
  PendingFeedback,
} from '../../utils/messaging/feedback-protocol';
import { sendMessage } from '../../utils/messaging/protocol';

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
 * - `saving`: the background is queuing it;
 * - `queued`: stored in the queue (`undoableUntil`: undo is possible before then);
 * - `undone`: taken back, nothing is sent;
 * - `failed`: not queued, `message` says why.
 */
export interface FeedbackChoice {
  kind: FeedbackKind;
  phase: 'saving' | 'queued' | 'undone' | 'failed';
  /** The queued item's client id. */
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
  /** Queues `draft` under `key`; the key's previous item is undone first while it still can be. */
  choose(key: string, draft: FeedbackDraft): Promise<void>;
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

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
  useEffect(() => {
    let live = true;
    sendMessage('getFeedbackDestination', undefined).then(
      (answer) => live && setDestination(answer),
      (error: unknown) =>
        live && setDestination({ state: 'none', message: backgroundSilent(error) }),
    );
    return () => {
      live = false;
    };
  }, []);

  const choose = useCallback(
    async (key: string, draft: FeedbackDraft) => {
      const previous = latest.current[key];
      if (
        previous?.phase === 'queued' &&
        previous.id &&
        (previous.undoableUntil ?? 0) > Date.now()
      ) {
        // A change of mind inside the window replaces the choice instead of adding one.
        await sendMessage('undoFeedback', { id: previous.id }).catch(() => undefined);
      }
      setChoice(key, { kind: draft.kind, phase: 'saving', draft });
      try {
        const item = await sendMessage('sendFeedback', draft);
        setChoice(key, {
          kind: draft.kind,
          phase: 'queued',
          id: item.id,
          ...(item.undoableUntil === undefined ? {} : { undoableUntil: item.undoableUntil }),
          draft,
        });
      } catch (error) {
        setChoice(key, { kind: draft.kind, phase: 'failed', message: errorText(error), draft });
      }
    },
    [setChoice],
  );

  const undo = useCallback(
    async (key: string) => {
      const choice = latest.current[key];
      if (!choice?.id) return false;
      const result = await sendMessage('undoFeedback', { id: choice.id }).catch(
        (error: unknown) => ({ done: false, message: backgroundSilent(error) }),
      );
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
      sendMessage('retryFeedback', { id }).then(
        () => undefined,
        (error: unknown) => backgroundSilent(error),
      ),
    [],
  );
  const discard = useCallback(
    (id: string) =>
      sendMessage('discardFeedback', { id }).then(
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
  choose: () => Promise.resolve(),
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
