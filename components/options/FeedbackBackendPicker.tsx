import { useId, useState } from 'react';
import type { FeedbackDestination } from '../../utils/protocol/feedback-protocol';
import { pageToBackground } from '../../utils/protocol/page-to-background';
import type { BackendSettings } from '../../utils/settings';
import { errorText } from '../../utils/contract/errors';
import { LockedNote } from './LockedNote';
import { SaveStatus } from './SaveStatus';
import { useGroupSave } from './use-group-save';
import { useLiveEffect } from '../use-live-effect';

const AUTOMATIC = '';

/**
 * Which saved backend collects reps' feedback: automatic (the first enabled
 * backend that lists the `feedback` feature) or one the admin picks. Below it, where
 * feedback goes now, as the background sees it.
 */
export function FeedbackBackendPicker({
  saved,
  locked = false,
}: {
  saved: BackendSettings;
  /** A team policy names the backend that collects feedback. */
  locked?: boolean;
}) {
  const id = useId();
  const { outcome, save } = useGroupSave('backends');
  const enabled = saved.backends.filter((backend) => backend.enabled);
  const value = enabled.some((b) => b.id === saved.feedbackBackendId)
    ? (saved.feedbackBackendId as string)
    : AUTOMATIC;
  const destination = useFeedbackDestination(JSON.stringify(saved));

  const choose = (next: string) =>
    void save((current) => {
      const { feedbackBackendId: _old, ...rest } = current;
      return next === AUTOMATIC ? rest : { ...rest, feedbackBackendId: next };
    });

  return (
    <div className="field">
      <label htmlFor={`${id}-feedback`}>Feedback from reps goes to</label>
      <select
        id={`${id}-feedback`}
        value={value}
        disabled={locked}
        aria-describedby={
          locked ? `${id}-feedback-locked ${id}-feedback-now` : `${id}-feedback-now`
        }
        onChange={(event) => choose(event.target.value)}
      >
        <option value={AUTOMATIC}>
          Automatic: the first enabled backend that collects feedback
        </option>
        {enabled.map((backend) => (
          <option key={backend.id} value={backend.id}>
            {backend.name}
          </option>
        ))}
      </select>
      {locked && <LockedNote id={`${id}-feedback-locked`} />}
      <p className="hint" id={`${id}-feedback-now`} role="status">
        {destination === undefined
          ? 'Checking where feedback goes…'
          : destination.state === 'ok'
            ? `Feedback goes to ${destination.name}.`
            : destination.message}
      </p>
      <SaveStatus outcome={outcome} />
    </div>
  );
}

/** Where feedback goes now; `undefined` while the background asks (again, after a save). */
function useFeedbackDestination(refreshKey: string): FeedbackDestination | undefined {
  const [answer, setAnswer] = useState<{ key: string; destination: FeedbackDestination }>();
  useLiveEffect(
    (live) => {
      pageToBackground.sendMessage('getFeedbackDestination', undefined).then(
        (destination) => live() && setAnswer({ key: refreshKey, destination }),
        (error: unknown) =>
          live() &&
          setAnswer({
            key: refreshKey,
            destination: {
              state: 'none',
              message: `The extension's background did not answer (${errorText(error)}). Reload the extension.`,
            },
          }),
      );
    },
    [refreshKey],
  );
  return answer?.key === refreshKey ? answer.destination : undefined;
}
