import { useCallback, useEffect, useState } from 'react';
import type {
  ContactContext,
  EngagementCursor,
  SourcedEngagement,
} from '../../utils/api/context-merge';
import { sendMessage } from '../../utils/messaging/protocol';

export type ContextLoad =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'skipped' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; context: ContactContext; receivedAt: number };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The merged context of `email` from the background; `skipped` when the rules exclude it. */
export function useContactContext(
  email: string | undefined,
  site: string | undefined,
): ContextLoad {
  // Keyed by address: a switch shows "loading" until the new answer, never the old contact.
  const [answer, setAnswer] = useState<{ email: string; load: ContextLoad }>();
  useEffect(() => {
    if (!email) return;
    let live = true;
    const settle = (load: ContextLoad) => live && setAnswer({ email, load });
    sendMessage('getContactContext', { emails: [email], ...(site ? { site } : {}) })
      .then((contexts) => {
        const context = contexts[email];
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
  }, [email, site]);
  if (!email) return { kind: 'idle' };
  return answer?.email === email ? answer.load : { kind: 'loading' };
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
