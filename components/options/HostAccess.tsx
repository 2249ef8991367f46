import { useId, useState } from 'react';
import { errorText } from '../../utils/contract/errors';
import { useMissingHostAccess, type HostNeed } from './host-access';
import { requestOrigins } from './host-permission';
import { SaveStatus, type SaveOutcome } from './SaveStatus';

/**
 * "Touchpoint can't reach <origin> yet" for each need whose permission is missing, with a
 * button that asks for it. Nothing when every origin is granted.
 */
export function HostAccess({ needs }: { needs: readonly HostNeed[] }) {
  const id = useId();
  const missing = useMissingHostAccess(needs);
  const [outcome, setOutcome] = useState<SaveOutcome>();

  const grant = (need: HostNeed) => {
    // In the click, before any await: the browser prompts only during the user's gesture.
    const request = requestOrigins(need.permission.origins);
    // The prompt stays open until it is answered; say where the answer is expected.
    setOutcome({
      ok: true,
      text: `Asking for access to ${need.origin}: answer the browser's prompt.`,
    });
    request.then(
      (granted) =>
        setOutcome(
          granted
            ? { ok: true, text: `Touchpoint can reach ${need.origin} now.` }
            : {
                ok: false,
                text: `Access to ${need.origin} was refused. Click Grant access again and allow it: Touchpoint needs it to ${need.purpose}.`,
              },
        ),
      (error: unknown) =>
        setOutcome({
          ok: false,
          text: `The browser did not ask for access to ${need.origin} (${errorText(error)}). Allow the site in the extension's details in the browser's extension settings.`,
        }),
    );
  };

  return (
    <div className="host-access">
      {missing.length > 0 && (
        <ul className="item-list host-access-list">
          {missing.map((need, index) => (
            <li key={need.permission.origins.join(' ')}>
              <span id={`${id}-${index}`}>
                Touchpoint can&apos;t reach {need.origin} yet: it needs your permission to{' '}
                {need.purpose}.
              </span>
              <button type="button" aria-describedby={`${id}-${index}`} onClick={() => grant(need)}>
                Grant access
              </button>
            </li>
          ))}
        </ul>
      )}
      <SaveStatus outcome={outcome} />
    </div>
  );
}
