import type { ContactContext } from '../../utils/api/context-merge';
import { Campaigns } from './Campaigns';
import { ContactHeader } from './ContactHeader';
import { formatAge } from './format';
import { Highlights } from './Highlights';
import { NotConfigured } from './NotConfigured';
import { Skeleton } from './Skeleton';
import { Timeline } from './Timeline';
import { useMoreEngagements, type ContextLoad } from './use-contact-context';

/** The selected contact in whatever state its lookup is in; each state says what to do. */
export function ContextView({ load }: { load: ContextLoad }) {
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
        <p role="alert" className="state error" data-state="error">
          {load.message}
        </p>
      );
    case 'ready':
      return <ReadyContext key={load.receivedAt} context={load.context} />;
  }
}

function ReadyContext({ context }: { context: ContactContext }) {
  if (context.state === 'not_configured') return <NotConfigured />;
  if (context.state === 'not_found') {
    return (
      <p role="status" className="state" data-state="not_found">
        {context.message ?? `No contact with ${context.email} in the backend.`}
      </p>
    );
  }
  if (context.state !== 'ok') {
    return (
      <p role="alert" className="state error" data-state={context.state}>
        {context.message}
      </p>
    );
  }
  return <ContactDetails context={context} />;
}

function ContactDetails({ context }: { context: ContactContext }) {
  const more = useMoreEngagements(context);
  return (
    <article className="contact" aria-label={context.contact?.name ?? context.email}>
      {context.stale && (
        <p role="status" className="banner stale" data-state="stale">
          Showing cached data from {formatAge(context.ageMs ?? 0)}: the backend could not be reached
          for fresh data.
        </p>
      )}
      {context.message && (
        <p role="alert" className="banner error" data-state="partial">
          {context.message}
        </p>
      )}
      <ContactHeader context={context} />
      <Highlights highlights={context.highlights} />
      <Timeline engagements={[...context.engagements, ...more.extra]} more={more} />
      <Campaigns campaigns={context.campaigns} />
    </article>
  );
}
