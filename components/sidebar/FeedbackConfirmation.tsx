import { useEffect, useRef } from 'react';
import { FEEDBACK_KIND_LABELS, useBefore, useFeedback, type FeedbackChoice } from './use-feedback';

/** What the rep's last feedback under one key became, in words. */
function describe(
  choice: FeedbackChoice | undefined,
  undoable: boolean,
  queued: { state: string; message?: string } | undefined,
): { text: string; tone?: 'warn' | 'error' } {
  if (!choice) return { text: '' };
  const label = FEEDBACK_KIND_LABELS[choice.kind];
  switch (choice.phase) {
    case 'saving':
      return { text: `Saving “${label}”…` };
    case 'undoing':
      return { text: `Undoing “${label}”…` };
    case 'failed':
      return {
        text: `Not saved: ${choice.message ?? 'the background refused it.'}`,
        tone: 'error',
      };
    case 'undone':
      return { text: `Undone: “${label}” will not be sent.` };
    case 'queued':
      // Undo came too late: the background says why.
      if (choice.message) return { text: `“${label}”: ${choice.message}` };
      if (undoable) return { text: `Saved “${label}”. Sending in a few seconds.` };
      if (queued?.state === 'rejected') {
        return {
          text: `“${label}” was refused: ${queued.message ?? 'no reason given'}`,
          tone: 'error',
        };
      }
      // The reason is in the footer's list; repeating it beside every button is noise.
      if (queued?.message) {
        return {
          text: `“${label}” is saved, waiting to send (see “Waiting to send”).`,
          tone: 'warn',
        };
      }
      return { text: `Recorded “${label}” for marketing.` };
  }
}

/**
 * The confirmation of the rep's last feedback under `choiceKey` (a status region, so it is
 * announced) and, during the undo window, its Undo button. When the window closes while
 * Undo has focus, focus goes to `fallbackFocus` instead of getting lost.
 */
export function FeedbackConfirmation({
  choiceKey,
  about,
  onUndone,
  fallbackFocus,
  note,
}: {
  choiceKey: string;
  /** Finishes the Undo button's accessible name ("Undo" + " Missed on TCO v2"). */
  about: string;
  onUndone?: (choice: FeedbackChoice) => void;
  fallbackFocus?: () => HTMLElement | null | undefined;
  /** Said after the confirmation (e.g. why a second press did nothing). */
  note?: string;
}) {
  const feedback = useFeedback();
  const choice = feedback.choices[choiceKey];
  const undoable = useBefore(choice?.phase === 'queued' ? choice.undoableUntil : undefined);
  const queued = choice?.id ? feedback.pending.find((item) => item.id === choice.id) : undefined;
  const { text, tone } = describe(choice, undoable, queued);

  // Removing a focused button leaves focus on the body; it goes to `fallbackFocus` then.
  const undoHadFocus = useRef(false);
  useEffect(() => {
    if (undoable || !undoHadFocus.current) return;
    undoHadFocus.current = false;
    const active = document.activeElement;
    if (active === null || active === document.body) fallbackFocus?.()?.focus();
  }, [undoable, fallbackFocus]);

  const undo = () => {
    if (!choice) return;
    void feedback.undo(choiceKey).then((done) => {
      if (done) onUndone?.(choice);
    });
  };

  return (
    <span className="feedback-confirmation">
      <span role="status" className={tone ? `feedback-status ${tone}` : 'feedback-status'}>
        {text}
        {note ? ` ${note}` : ''}
      </span>
      {undoable && (
        <button
          type="button"
          className="small undo"
          onClick={undo}
          onFocus={() => (undoHadFocus.current = true)}
          // Only a move elsewhere has a related target; removal has none.
          onBlur={(event) => {
            if (event.relatedTarget) undoHadFocus.current = false;
          }}
        >
          Undo<span className="visually-hidden"> {about}</span>
        </button>
      )}
    </span>
  );
}
