import { useCallback, useState } from 'react';
import { errorText } from '../../utils/contract/errors';
import {
  pageToBackground,
  type ContactContext,
  type EngagementCursor,
  type SidebarOpening,
  type SourcedEngagement,
} from '../../utils/protocol/page-to-background';
import { useLiveEffect } from '../use-live-effect';
import { markOnce } from './paint-marks';

export type ContextLoad =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'skipped' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; context: ContactContext; receivedAt: number };

export interface ContactContextLoad {
  load: ContextLoad;
  /** A refresh is running; `load` still shows the previous answer. */
  refreshing: boolean;
  /** Looks the contact up again, past the cache (`refresh: true`). */
  refresh(): void;
}

/** What the sidebar's opening already answered for the primary contact. */
export type OpeningContext = SidebarOpening['primary'] & { receivedAt: number };

function loadOf(context: ContactContext | undefined, receivedAt: number): ContextLoad {
  return context ? { kind: 'ready', context, receivedAt } : { kind: 'skipped' };
}

/**
 * The merged context of `email` from the background; `skipped` when the rules exclude it.
 * `opening` (the answer that came with the tab's contacts) is used for its contact instead
 * of asking again; a refresh always asks anew.
 */
export function useContactContext(
  email: string | undefined,
  site: string | undefined,
  opening?: OpeningContext,
): ContactContextLoad {
  // Refreshes count per address: switching contacts starts from the cache again.
  const [refreshes, setRefreshes] = useState<{ email: string; count: number }>();
  const count = refreshes && refreshes.email === email ? refreshes.count : 0;
  const preloaded =
    count === 0 && opening && opening.email === email && opening.site === site
      ? opening
      : undefined;
  // Keyed by address: a switch shows "loading" until the new answer, never the old contact.
  // During a refresh the previous answer stays on screen (with its stale banner, if any).
  const [answer, setAnswer] = useState<{ email: string; count: number; load: ContextLoad }>();
  useLiveEffect(
    (live) => {
      if (!email) return;
      if (preloaded) return void markOnce('context');
      const settle = (load: ContextLoad) => live() && setAnswer({ email, count, load });
      pageToBackground
        .sendMessage('getContactContext', {
          emails: [email],
          ...(site ? { site } : {}),
          ...(count > 0 ? { refresh: true } : {}),
        })
        .then((contexts) => {
          markOnce('context');
          settle(loadOf(contexts[email], Date.now()));
        })
        .catch((error: unknown) =>
          settle({
            kind: 'error',
            message: `The extension's background did not answer (${errorText(error)}). Reload the extension.`,
          }),
        );
    },
    [email, site, count, preloaded],
  );
  const refresh = useCallback(() => {
    if (!email) return;
    // The opening's answer stays on screen while the refresh runs, as any answer does.
    if (preloaded) {
      setAnswer({
        email,
        count,
        load: loadOf(preloaded.contexts[preloaded.email], preloaded.receivedAt),
      });
    }
    setRefreshes({ email, count: count + 1 });
  }, [email, count, preloaded]);
  if (!email) return { load: { kind: 'idle' }, refreshing: false, refresh };
  if (preloaded) {
    return {
      load: loadOf(preloaded.contexts[preloaded.email], preloaded.receivedAt),
      refreshing: false,
      refresh,
    };
  }
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
    Promise.all(
      cursors.map((cursor) => pageToBackground.sendMessage('loadMoreEngagements', cursor)),
    )
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
