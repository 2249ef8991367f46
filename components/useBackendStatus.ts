import { useState } from 'react';
import type { BackendStatus } from '../utils/protocol/backend-status';
import { pageToBackground } from '../utils/protocol/page-to-background';
import { errorText } from '../utils/contract/errors';
import { useLiveEffect } from './use-live-effect';

/**
 * The background's view of the backend; `undefined` while it is being checked. A new
 * `refreshKey` (the saved backends) checks again.
 */
export function useBackendStatus(refreshKey?: string): BackendStatus | undefined {
  const [status, setStatus] = useState<BackendStatus>();
  useLiveEffect(
    (live) => {
      pageToBackground
        .sendMessage('getBackendStatus', undefined)
        .then((s) => live() && setStatus(s))
        .catch(
          (error: unknown) =>
            live() &&
            setStatus({
              kind: 'unreachable',
              baseUrl: '',
              message: `The extension's background did not answer (${errorText(error)}). Reload the extension.`,
            }),
        );
    },
    [refreshKey],
  );
  return status;
}
