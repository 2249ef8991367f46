import { useCallback, useRef, useState } from 'react';
import type { FeedbackKind } from '../../utils/protocol/feedback-protocol';
import { FeedbackConfirmation } from './FeedbackConfirmation';
import { FEEDBACK_KIND_LABELS, feedbackKey, useBefore, useFeedback } from './use-feedback';

export const MESSAGING_CHOICES = ['messaging_landed', 'messaging_missed'] as const;
export const CONTENT_CHOICES = ['content_helpful', 'content_not_helpful'] as const;

/**
 * One click of feedback on a messaging entry ("Landed" / "Missed") or an asset ("Helpful" /
 * "Not helpful") for the contact shown. The choice stays pressed; for the undo
 * window a confirmation offers Undo, and choosing the other one inside the window replaces
 * it (after it, too, while nothing was sent; else the sent one stays and the status says so).
 * Once sent, the same choice again is not sent twice.
 */
export function FeedbackButtons({
  email,
  target,
  choices,
  about,
}: {
  email: string;
  target: { messagingId: string } | { assetId: string };
  choices: readonly FeedbackKind[];
  /** What the feedback is about, finishing each button's accessible name. */
  about: string;
}) {
  const feedback = useFeedback();
  const key = feedbackKey(email, target);
  const choice = feedback.choices[key];
  const pressed =
    choice?.phase === 'saving' || choice?.phase === 'undoing' || choice?.phase === 'queued'
      ? choice.kind
      : undefined;
  const undoable = useBefore(choice?.phase === 'queued' ? choice.undoableUntil : undefined);
  // The id of a sent item the rep pressed again: said once, not sent again.
  const [repeated, setRepeated] = useState<string>();
  const group = useRef<HTMLDivElement>(null);
  const pressedButton = useCallback(
    () =>
      group.current?.querySelector<HTMLElement>('button[aria-pressed="true"]') ??
      group.current?.querySelector<HTMLElement>('button'),
    [],
  );

  const press = (kind: FeedbackKind) => {
    // The last press is still on its way (use-feedback ignores it too).
    if (choice?.phase === 'saving' || choice?.phase === 'undoing') return;
    if (kind === pressed && choice?.id) {
      if (undoable) void feedback.undo(key);
      else setRepeated(choice.id);
      return;
    }
    setRepeated(undefined);
    void feedback.choose(key, { email, kind, ...target });
  };

  return (
    <div className="feedback" role="group" aria-label={`Feedback on ${about}`} ref={group}>
      {choices.map((kind) => (
        <button
          key={kind}
          type="button"
          className="small feedback-choice"
          data-kind={kind}
          aria-pressed={pressed === kind}
          onClick={() => press(kind)}
        >
          {FEEDBACK_KIND_LABELS[kind]}
          <span className="visually-hidden"> {about}</span>
        </button>
      ))}
      <FeedbackConfirmation
        choiceKey={key}
        about={`${choice ? FEEDBACK_KIND_LABELS[choice.kind] : ''} on ${about}`}
        fallbackFocus={pressedButton}
        note={
          repeated !== undefined && repeated === choice?.id
            ? 'Already recorded; not sent twice.'
            : undefined
        }
      />
    </div>
  );
}
