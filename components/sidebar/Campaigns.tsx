import type { CampaignMembership } from '../../utils/contract/schemas';
import { safeHttpUrl } from './format';

/** The campaigns the contact is in, with the campaign's and the member's status. */
export function Campaigns({ campaigns }: { campaigns: CampaignMembership[] }) {
  return (
    <section id="campaigns-section" aria-labelledby="campaigns-heading">
      <h3 id="campaigns-heading">Campaigns</h3>
      {campaigns.length === 0 ? (
        <p className="muted">In no campaign.</p>
      ) : (
        <ul className="campaigns">
          {campaigns.map((campaign) => {
            const url = safeHttpUrl(campaign.url);
            return (
              <li key={campaign.id}>
                {url ? (
                  <a href={url} target="_blank" rel="noopener noreferrer">
                    {campaign.name}
                  </a>
                ) : (
                  campaign.name
                )}
                <span className="muted">
                  {' '}
                  · {campaign.status ?? 'status unknown'}
                  {campaign.memberStatus ? ` · member: ${campaign.memberStatus}` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
