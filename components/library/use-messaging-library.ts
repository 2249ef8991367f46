import { useCallback, useState } from 'react';
import type { MessagingLibraryAnswer } from '../../utils/protocol/library-protocol';
import { pageToBackground } from '../../utils/protocol/page-to-background';
import { errorText } from '../../utils/contract/errors';
import { useLiveEffect } from '../use-live-effect';

export type LibraryLoad =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; answer: MessagingLibraryAnswer };

export interface MessagingLibraryState {
  load: LibraryLoad;
  /** True while a reload runs with the previous answer still shown. */
  reloading: boolean;
  reload(): void;
}

/** The background's messaging library; `reload` asks again and keeps the old answer meanwhile. */
export function useMessagingLibrary(): MessagingLibraryState {
  const [load, setLoad] = useState<LibraryLoad>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);
  const [reloading, setReloading] = useState(false);
  useLiveEffect(
    (live) => {
      pageToBackground
        .sendMessage('getMessagingLibrary', undefined)
        .then((answer) => live() && setLoad({ kind: 'ready', answer }))
        .catch(
          (error: unknown) =>
            live() &&
            setLoad({
              kind: 'error',
              message: `The extension's background did not answer (${errorText(error)}). Reload the extension.`,
            }),
        )
        .finally(() => live() && setReloading(false));
    },
    [generation],
  );
  const reload = useCallback(() => {
    setReloading(true);
    setGeneration((n) => n + 1);
  }, []);
  return { load, reloading, reload };
}
