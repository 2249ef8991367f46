import { useState } from 'react';
import { BackendStatusView } from './BackendStatusView';
import { ContactSwitcher } from './sidebar/ContactSwitcher';
import { ContextView } from './sidebar/ContextView';
import { DraftCheckPanel } from './sidebar/DraftCheckPanel';
import { whyThisContact } from './sidebar/format';
import { NotConfigured } from './sidebar/NotConfigured';
import { PendingFeedbackList } from './sidebar/PendingFeedback';
import { Skeleton } from './sidebar/Skeleton';
import { SourcesFooter } from './sidebar/SourcesFooter';
import { useContactContext } from './sidebar/use-contact-context';
import { useDraftCheck } from './sidebar/use-draft-check';
import { FeedbackContext, useFeedbackState } from './sidebar/use-feedback';
import { useTabContacts } from './sidebar/use-tab-contacts';
import { useBackendStatus } from './useBackendStatus';

/** The sidebar: the tab's contacts, the selected one's marketing context, the backend line. */
export function SidebarApp() {
  const status = useBackendStatus();
  const tab = useTabContacts();
  const contacts = tab.kind === 'ready' ? (tab.tabContacts?.contacts ?? []) : [];
  // The rep's choice holds while the page keeps that contact; otherwise the primary.
  const [chosen, setChosen] = useState<string>();
  const selected = contacts.find((c) => c.email === chosen) ?? contacts[0];
  const notConfigured = status?.kind === 'not_configured';
  const opening =
    tab.kind === 'ready' && tab.primary && tab.receivedAt !== undefined
      ? { ...tab.primary, receivedAt: tab.receivedAt }
      : undefined;
  const lookup = useContactContext(
    notConfigured ? undefined : selected?.email,
    selected?.site,
    opening,
  );
  const { load } = lookup;
  const draft = useDraftCheck(tab.kind === 'ready' ? tab.tabId : undefined);
  const feedback = useFeedbackState();

  return (
    <FeedbackContext value={feedback}>
      <main aria-labelledby="app-heading">
        <h1 id="app-heading">Touchpoint</h1>
        {notConfigured ? (
          <NotConfigured />
        ) : tab.kind === 'loading' ? (
          <Skeleton label="Finding the contacts on this page…" />
        ) : tab.kind === 'error' ? (
          <p role="alert" className="state error" data-state="error">
            {tab.message}
          </p>
        ) : !selected ? (
          <p role="status" className="state" data-state="no_contact">
            No contact on this page. Open an email thread or a CRM record.
          </p>
        ) : (
          <>
            <ContactSwitcher contacts={contacts} selected={selected.email} onSelect={setChosen} />
            {draft && <DraftCheckPanel draft={draft} />}
            {load.kind !== 'ready' && (
              <p className="why" data-testid="why">
                {selected.email} · {whyThisContact(contacts, selected.email)}
              </p>
            )}
            <ContextView lookup={lookup} why={whyThisContact(contacts, selected.email)} />
          </>
        )}
      </main>
      <SourcesFooter
        sources={load.kind === 'ready' && selected ? load.context.sources : []}
        now={load.kind === 'ready' ? load.receivedAt : 0}
      >
        <PendingFeedbackList />
        <BackendStatusView status={status} />
      </SourcesFooter>
    </FeedbackContext>
  );
}
