import type { LibraryEntry } from '../../utils/protocol/page-to-background';
import type { Campaign } from '../../utils/contract/schemas';
import type { LintFinding, LintKind } from '../../utils/consistency/library-lint';
import { entryAnchor } from './library-view';

const KIND_LABELS: Record<LintKind, string> = {
  'uses-avoided-phrase': 'Uses a phrase to avoid',
  'same-theme-overlap': 'Two versions in use at once',
  'expired-on-active-campaign': 'Expired, still on an active campaign',
};

const SEVERITY_LABELS: Record<LintFinding['severity'], string> = {
  error: 'Fix now',
  warning: 'Check',
};

/**
 * The library's lint (utils/consistency/library-lint.ts) at the top of the page: what is
 * wrong and what to fix, with links to the entries (and the campaigns) concerned.
 */
export function LintFindings(props: {
  findings: readonly LintFinding[];
  entries: ReadonlyMap<string, LibraryEntry>;
  campaigns: ReadonlyMap<string, Campaign>;
  /** Shows an entry (clearing a filter that hides it) and moves the focus to it. */
  onShowEntry(messagingId: string): void;
}) {
  const { findings, entries, campaigns, onShowEntry } = props;
  if (findings.length === 0) {
    return (
      <section className="findings none" aria-labelledby="findings-title" data-findings="0">
        <h2 id="findings-title">Library check</h2>
        <p>
          No problems found: no entry uses a phrase another says to avoid, no two versions of a
          theme are in use at once, no expired entry is on an active campaign.
        </p>
      </section>
    );
  }
  return (
    <section className="findings" aria-labelledby="findings-title" data-findings={findings.length}>
      <h2 id="findings-title">
        Library check: {findings.length} {findings.length === 1 ? 'finding' : 'findings'}
      </h2>
      <ul>
        {findings.map((finding, index) => (
          <li key={index} data-kind={finding.kind} data-severity={finding.severity}>
            <p>
              <span className={`badge severity ${finding.severity}`}>
                {SEVERITY_LABELS[finding.severity]}
              </span>{' '}
              <strong>{KIND_LABELS[finding.kind] ?? finding.kind}.</strong> {finding.message}
            </p>
            <p className="concerns">
              {finding.messagingIds.length === 1 ? 'Entry: ' : 'Entries: '}
              {finding.messagingIds.map((id, i) => {
                const entry = entries.get(id);
                const version = entry?.messaging.version;
                return (
                  <span key={id}>
                    {i > 0 && ', '}
                    <a
                      href={`#${entryAnchor(id)}`}
                      data-messaging-id={id}
                      onClick={(event) => {
                        event.preventDefault();
                        onShowEntry(id);
                      }}
                    >
                      {entry ? entry.messaging.theme : id}
                      {version !== undefined && ` v${String(version)}`}
                    </a>
                  </span>
                );
              })}
              {finding.campaignIds && finding.campaignIds.length > 0 && (
                <>
                  {' · '}
                  {finding.campaignIds.length === 1 ? 'Campaign: ' : 'Campaigns: '}
                  {finding.campaignIds
                    .map((id) => {
                      const campaign = campaigns.get(id);
                      return campaign
                        ? `${campaign.name}${campaign.status ? ` (${campaign.status})` : ''}`
                        : id;
                    })
                    .join(', ')}
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
