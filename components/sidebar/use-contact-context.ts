import { useCallback, useEffect, useState } from 'react';
import type {
  ContactContext,
  EngagementCursor,
  SourcedEngagement,
} from '../../utils/backend-client/context-merge';
import { sendMessage } from '../../utils/protocol/protocol';
import { takeEarlyContext } from './early';
import { markOnce } from './use-tab-contacts';

export type ContextLoad =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'skipped' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; context: ContactContext; receivedAt: number };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface ContactContextLoad {
  load: ContextLoad;
  /** A refresh is running; `load` still shows the previous answer. */
  refreshing: boolean;
  /** Looks the contact up again, past the cache (`refresh: true`). */
  refresh(): void;
}

/** The merged context of `email` from the background; `skipped` when the rules exclude it. */
export function useContactContext(
  email: string | undefined,
  site: string | undefined,
): ContactContextLoad {
  // Refreshes count per address: switching contacts starts from the cache again.
  const [refreshes, setRefreshes] = useState<{ email: string; count: number }>();
  const count = refreshes && refreshes.email === email ? refreshes.count : 0;
  // Keyed by address: a switch shows "loading" until the new answer, never the old contact.
  // During a refresh the previous answer stays on screen (with its stale banner, if any).
  const [answer, setAnswer] = useState<{ email: string; count: number; load: ContextLoad }>();
  useEffect(() => {
    if (!email) return;
    let live = true;
    const settle = (load: ContextLoad) => live && setAnswer({ email, count, load });
    // The first lookup may already be on its way (early.ts); a refresh always asks anew.
    const early = count === 0 ? takeEarlyContext(email, site) : Promise.resolve(undefined);
    early
      .then(
        (answer) =>
          answer ??
          sendMessage('getContactContext', {
            emails: [email],
            ...(site ? { site } : {}),
            ...(count > 0 ? { refresh: true } : {}),
          }),
      )
      .then((contexts) => {
        const context = contexts[email];
        markOnce('touchpoint:context');
        settle(context ? { kind: 'ready', context, receivedAt: Date.now() } : { kind: 'skipped' });
      })
      .catch((error: unknown) =>
        settle({
          kind: 'error',
          message: `The extension's background did not answer (${errorText(error)}). Reload the extension.`,
        }),
      );
    return () => {
      live = false;
    };
  }, [email, site, count]);
  const refresh = useCallback(() => {
    if (email) setRefreshes({ email, count: count + 1 });
  }, [email, count]);
  if (!email) return { load: { kind: 'idle' }, refreshing: false, refresh };
  if (answer?.email !== email) return { load: { kind: 'loading' }, refreshing: false, refresh };
  return { load: answer.load, refreshing: answer.count !== count, refresh };
}

export interface MoreEngagements {
  extra: SourcedEngagement[];
  cursors: EngagementCursor[];
  loading: boolean;
  error?: string;
  loadMore(): void;
}

/**
 * Pages through the engagements past the first page, one cursor per backend. Starts from
 * `context` once: the caller remounts (key) for a new context.
 */
export function useMoreEngagements(context: ContactContext): MoreEngagements {
  const [extra, setExtra] = useState<SourcedEngagement[]>([]);
  const [cursors, setCursors] = useState(context.engagementCursors);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const loadMore = useCallback(() => {
    setLoading(true);
    setError(undefined);
    Promise.all(cursors.map((cursor) => sendMessage('loadMoreEngagements', cursor)))
      .then((outcomes) => {
        const next: EngagementCursor[] = [];
        const added: SourcedEngagement[] = [];
        const failures: string[] = [];
        outcomes.forEach((outcome, index) => {
          const cursor = cursors[index] as EngagementCursor;
          if (outcome.state === 'ok') {
            added.push(...outcome.engagements);
            if (outcome.nextCursor) next.push({ ...cursor, cursor: outcome.nextCursor });
          } else {
            failures.push(outcome.message);
            next.push(cursor);
          }
        });
        setExtra((old) => [...old, ...added]);
        setCursors(next);
        if (failures.length > 0) setError(failures.join(' '));
      })
      .catch((caught: unknown) => setError(`Could not load more (${errorText(caught)}).`))
      .finally(() => setLoading(false));
  }, [cursors]);
  return { extra, cursors, loading, error, loadMore };
}
