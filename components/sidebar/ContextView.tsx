import { startTransition, useEffect, useState, useMemo } from 'react';
import type { ContactContext } from '../../utils/protocol/page-to-background';
import { messagingExposure } from '../../utils/consistency/exposure';
import { Campaigns } from './Campaigns';
import { ContactHeader } from './ContactHeader';
import { ContentConsumed } from './ContentConsumed';
import { formatAge } from './format';
import { Highlights } from './Highlights';
import { Messaging } from './Messaging';
import { NotConfigured } from './NotConfigured';
import { ObjectionForm } from './ObjectionForm';
import { Skeleton } from './Skeleton';
import { Timeline } from './Timeline';
import { useMoreEngagements, type ContactContextLoad } from './use-contact-context';
import { useNow } from './use-now';
import { markAfterPaint } from './paint-marks';

/** The selected contact in whatever state its lookup is in; each state says what to do. */
export function ContextView({ lookup, why }: { lookup: ContactContextLoad; why?: string }) {
  const { load } = lookup;
  switch (load.kind) {
    case 'idle':
    case 'loading':
      return <Skeleton label="Loading the contact’s context…" />;
    case 'skipped':
      return (
        <p role="status" className="state" data-state="skipped">
          Touchpoint does not look this address up: it is yours, internal, or on the never-look-up
          list.
        </p>
      );
    case 'error':
      return (
        <>
          <p role="alert" className="state error" data-state="error">
            {load.message}
          </p>
          <RefreshButton lookup={lookup} />
        </>
      );
    case 'ready':
      return (
        <ReadyContext
          key={load.receivedAt}
          context={load.context}
          receivedAt={load.receivedAt}
          lookup={lookup}
          why={why}
        />
      );
  }
}

/** Looks the contact up again past the cache; the data on screen stays until the answer. */
function RefreshButton({ lookup }: { lookup: ContactContextLoad }) {
  return (
    <button
      type="button"
      className="refresh small"
      onClick={lookup.refresh}
      disabled={lookup.refreshing}
      aria-busy={lookup.refreshing}
    >
      {lookup.refreshing ? 'Refreshing…' : 'Refresh'}
    </button>
  );
}

/** A contact's answered context, as the views below draw it. */
interface ContextProps {
  context: ContactContext;
  receivedAt: number;
  lookup: ContactContextLoad;
  why?: string;
}

function ReadyContext({ context, receivedAt, lookup, why }: ContextProps) {
  if (context.state === 'not_configured') return <NotConfigured />;
  if (context.state === 'not_found') {
    return (
      <>
        <p role="status" className="state" data-state="not_found">
          {context.message ?? `No contact with ${context.email} in the backend.`}
        </p>
        <RefreshButton lookup={lookup} />
      </>
    );
  }
  if (context.state !== 'ok') {
    return (
      <>
        <p role="alert" className="state error" data-state={context.state}>
          {context.message}
        </p>
        <RefreshButton lookup={lookup} />
      </>
    );
  }
  return <ContactDetails context={context} receivedAt={receivedAt} lookup={lookup} why={why} />;
}

const markContactPainted = () => markAfterPaint('contactPainted');

/**
 * The first contact a sidebar shows paints its header and highlights first, and the longer
 * sections (timeline, content, messaging with its exposure) in a transition right after:
 * the rep sees who it is and what stands out without waiting for the whole page. Later
 * contacts and refreshes render whole at once (no flash of the skeleton).
 */
let firstContactShown = false;
function useFullAfterFirstPaint(): boolean {
  const [full, setFull] = useState(firstContactShown);
  useEffect(() => {
    if (full) return;
    const frame = requestAnimationFrame(() => {
      firstContactShown = true;
      startTransition(() => setFull(true));
    });
    return () => cancelAnimationFrame(frame);
  }, [full]);
  return full;
}

const SECTIONS = [
  ['highlights-section', 'Highlights'],
  ['timeline-section', 'Engagements'],
  ['campaigns-section', 'Campaigns'],
  ['content-section', 'Content'],
  ['messaging-section', 'Messaging'],
  ['objection-section', 'Objection'],
] as const;

function ContactDetails({ context, receivedAt, lookup, why }: ContextProps) {
  const more = useMoreEngagements(context);
  const now = useNow();
  const engagements = useMemo(
    () => [...context.engagements, ...more.extra],
    [context.engagements, more.extra],
  );
  const full = useFullAfterFirstPaint();
  // What reached the contact, by the engagements loaded so far (Load more adds to it).
  const exposure = useMemo(
    () => (full ? messagingExposure({ ...context, engagements }, { now }) : []),
    [full, context, engagements, now],
  );
  useEffect(markContactPainted, []);
  useEffect(() => {
    if (full) markAfterPaint('allPainted');
  }, [full]);
  return (
    <article className="contact" aria-label={context.contact?.name ?? context.email}>
      {context.stale && (
        <p role="status" className="banner stale" data-state="stale">
          Showing cached data from {formatAge((context.ageMs ?? 0) + Math.max(0, now - receivedAt))}
          : the backend could not be reached for fresh data.
        </p>
      )}
      {context.message && (
        <p role="alert" className="banner error" data-state="partial">
          {context.message}
        </p>
      )}
      <ContactHeader context={context} why={why} actions={<RefreshButton lookup={lookup} />} />
      <nav className="sections" aria-label="Sections">
        {SECTIONS.map(([id, label]) => (
          <a key={id} href={`#${id}`}>
            {label}
          </a>
        ))}
      </nav>
      <Highlights highlights={context.highlights} />
      {full ? (
        <>
          <Timeline engagements={engagements} more={more} />
          <Campaigns campaigns={context.campaigns} />
          <ContentConsumed
            email={context.email}
            assets={context.assets}
            engagements={engagements}
          />
          <Messaging email={context.email} exposure={exposure} />
          <ObjectionForm
            email={context.email}
            messaging={context.messaging}
            campaigns={context.campaigns}
          />
        </>
      ) : (
        <Skeleton label="Loading the timeline…" />
      )}
    </article>
  );
}
