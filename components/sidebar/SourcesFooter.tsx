import type { ReactNode } from 'react';
import type { ContextState, SourceStatus } from '../../utils/protocol/page-to-background';
import { formatAge } from './format';

const STATE_LABELS: Record<ContextState, string> = {
  ok: 'matched',
  not_found: 'no match',
  not_configured: 'not configured',
  unreachable: 'unreachable',
  timeout: 'timed out',
  unauthorized: 'key refused',
  server_error: 'server error',
  not_context_api: 'not a Context API',
};

/** Where the data comes from and how old it is; `children` is the backend status line. */
export function SourcesFooter({
  sources,
  now,
  children,
}: {
  sources: SourceStatus[];
  now: number;
  children: ReactNode;
}) {
  return (
    <footer className="sources">
      {sources.length > 0 && (
        <ul aria-label="Data sources">
          {sources.map((source) => (
            <li key={source.backendId}>
              Source: {source.name} ({STATE_LABELS[source.state]}
              {source.stale ? ', cached' : ''}),{' '}
              {source.state === 'ok' || source.stale ? 'fetched' : 'tried'}{' '}
              {formatAge(source.ageMs ?? Math.max(0, now - source.fetchedAt))}
            </li>
          ))}
        </ul>
      )}
      {children}
    </footer>
  );
}
