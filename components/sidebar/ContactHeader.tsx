import type { ReactNode } from 'react';
import type { ContactContext } from '../../utils/protocol/page-to-background';
import { safeHttpUrl } from './format';

/** Who the contact is: name, role, company, owner, stage, scores, CRM link, why picked. */
export function ContactHeader({
  context,
  why,
  actions,
}: {
  context: ContactContext;
  why?: string;
  /** Controls beside the name (Refresh). */
  actions?: ReactNode;
}) {
  const contact = context.contact;
  const crmUrl = safeHttpUrl(contact?.crmUrl);
  const owner = contact?.owner?.name ?? contact?.owner?.email;
  const consent = [
    contact?.consent?.doNotContact ? 'Do not contact' : undefined,
    contact?.consent?.emailOptOut ? 'Opted out of marketing email' : undefined,
  ].filter((text) => text !== undefined);
  return (
    <header className="contact-header">
      <div className="name-row">
        <h2>{contact?.name ?? context.email}</h2>
        {actions}
      </div>
      {contact?.title && <p className="title">{contact.title}</p>}
      {contact?.company?.name && <p className="company">{contact.company.name}</p>}
      {why && (
        <p className="why" data-testid="why">
          {why}
        </p>
      )}
      {consent.length > 0 && (
        <p className="banner consent" data-testid="consent">
          {consent.join(' · ')}
        </p>
      )}
      <dl className="facts">
        <dt>Email</dt>
        <dd>{context.email}</dd>
        {owner && (
          <>
            <dt>Owner</dt>
            <dd>{owner}</dd>
          </>
        )}
        {contact?.lifecycleStage && (
          <>
            <dt>Stage</dt>
            <dd>{contact.lifecycleStage}</dd>
          </>
        )}
        {context.scores.map((score) => (
          <ScoreFact key={`${score.name}-${score.source ?? ''}`} score={score} />
        ))}
      </dl>
      {crmUrl && (
        <a className="crm-link" href={crmUrl} target="_blank" rel="noopener noreferrer">
          Open the CRM record
        </a>
      )}
    </header>
  );
}

function ScoreFact({ score }: { score: ContactContext['scores'][number] }) {
  const value = score.max === undefined ? `${score.value}` : `${score.value}/${score.max}`;
  return (
    <>
      <dt>{score.name.replaceAll('_', ' ')}</dt>
      <dd>
        {value}
        {score.label ? ` (${score.label})` : ''}
        {score.source ? <span className="muted"> · {score.source}</span> : null}
      </dd>
    </>
  );
}
