import { useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { MessagingLibrary } from '../../utils/protocol/page-to-background';
import type { Campaign } from '../../utils/contract/schemas';
import { lintLibrary } from '../../utils/consistency/library-lint';
import { AssetFeedbackTable } from './AssetFeedbackTable';
import { entryAnchor, filterEntries, sortEntries, type SortOrder } from './library-view';
import { LibraryControls } from './LibraryControls';
import { LintFindings } from './LintFindings';
import { MessagingEntryCard } from './MessagingEntryCard';
import { SourceNotes } from './SourceNotes';
import { useMessagingLibrary } from './use-messaging-library';

/** The messaging library page for marketers. */
export function LibraryApp() {
  const { load, reloading, reload } = useMessagingLibrary();
  const optionsUrl = browser.runtime.getURL('/options.html');
  return (
    <>
      <header className="page-header">
        <h1>Messaging library</h1>
        <nav aria-label="Touchpoint">
          <a href={optionsUrl}>Options</a>
        </nav>
        <button type="button" onClick={reload} disabled={load.kind === 'loading' || reloading}>
          {reloading ? 'Refreshing…' : 'Refresh'}
        </button>
      </header>
      <main aria-labelledby="library-title" aria-busy={load.kind === 'loading' || reloading}>
        <h2 id="library-title" className="visually-hidden">
          Messaging
        </h2>
        {load.kind === 'loading' ? (
          <p role="status" className="state" data-state="loading">
            Loading the messaging library…
          </p>
        ) : load.kind === 'error' ? (
          <p role="alert" className="state error" data-state="error">
            {load.message}
          </p>
        ) : load.answer.state === 'not_configured' ? (
          <section className="state" aria-label="Set up Touchpoint" data-state="not_configured">
            <p>{load.answer.message}</p>
            <p>
              <a href={optionsUrl} className="button primary">
                Open the options page
              </a>
            </p>
          </section>
        ) : (
          <LibraryView library={load.answer} />
        )}
      </main>
    </>
  );
}

function LibraryView({ library }: { library: MessagingLibrary }) {
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<SortOrder>('theme');
  const campaigns = useMemo(
    () => new Map<string, Campaign>(library.campaigns.map((c) => [c.id, c])),
    [library.campaigns],
  );
  const shown = useMemo(
    () => sortEntries(filterEntries(library.entries, query, campaigns), order),
    [library.entries, query, campaigns, order],
  );
  const now = library.fetchedAt;
  const byId = useMemo(
    () => new Map(library.entries.map((entry) => [entry.messaging.id, entry])),
    [library.entries],
  );
  // Checked here, in the page: a pure function of what the backends answered.
  const findings = useMemo(
    () =>
      lintLibrary(
        library.entries.map((entry) => entry.messaging),
        library.campaigns,
        { now: library.fetchedAt },
      ),
    [library],
  );
  const findingsPerEntry = useMemo(() => {
    const counts = new Map<string, number>();
    for (const finding of findings) {
      for (const id of new Set(finding.messagingIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }, [findings]);
  // An entry a finding links to: focused at once when shown, else after the filter that
  // hides it is cleared (the effect below runs once the list is re-rendered).
  const pendingFocus = useRef<string | undefined>(undefined);
  const showEntry = (messagingId: string) => {
    if (focusEntry(messagingId)) return;
    pendingFocus.current = messagingId;
    setQuery('');
  };
  useEffect(() => {
    if (pendingFocus.current && focusEntry(pendingFocus.current)) pendingFocus.current = undefined;
  }, [shown]);
  // A link to one entry (`#entry-…`, see libraryPath) arrives before the entries exist:
  // once they do, bring that entry into view and move the focus to it.
  useEffect(() => {
    const target = window.location.hash
      ? document.getElementById(window.location.hash.slice(1))
      : null;
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    }
  }, [library]);
  const anyAnswered = library.sources.some((source) => source.messaging.state === 'ok');
  return (
    <>
      <p id="updated" className="muted">
        From {library.sources.map((source) => source.name).join(', ')}, read at{' '}
        {new Date(library.fetchedAt).toLocaleTimeString()}.
      </p>
      <SourceNotes sources={library.sources} />
      {library.entries.length > 0 && (
        <LintFindings
          findings={findings}
          entries={byId}
          campaigns={campaigns}
          onShowEntry={showEntry}
        />
      )}
      {library.entries.length === 0 ? (
        anyAnswered && (
          <p role="status" className="state" data-state="empty">
            The messaging library is empty. Marketing adds entries in its marketing system, or with{' '}
            <code>PUT /v1/messaging/&#123;id&#125;</code> on the backend.
          </p>
        )
      ) : (
        <section className="library" aria-labelledby="entries-title">
          <h2 id="entries-title">Messaging</h2>
          <LibraryControls
            query={query}
            onQuery={setQuery}
            order={order}
            onOrder={setOrder}
            shown={shown.length}
            total={library.entries.length}
          />
          {shown.length === 0 ? (
            <p className="state" data-state="no_match">
              No entry matches “{query}”.
            </p>
          ) : (
            <ol className="entries">
              {shown.map((entry) => (
                <li key={entry.messaging.id}>
                  <MessagingEntryCard
                    entry={entry}
                    campaigns={campaigns}
                    now={now}
                    findings={findingsPerEntry.get(entry.messaging.id) ?? 0}
                  />
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      {library.sources.some((source) => source.feedback?.state === 'ok') && (
        <AssetFeedbackTable assets={library.assets} />
      )}
    </>
  );
}

/** Scrolls an entry into view and moves the focus to it; false when it is not shown. */
function focusEntry(messagingId: string): boolean {
  const target = document.getElementById(entryAnchor(messagingId));
  if (!target) return false;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
  return true;
}
