import { useState } from 'react';
import type { Asset, Engagement } from '../../utils/contract/schemas';
import { CopyButton } from './CopyButton';
import { CONTENT_CHOICES, FeedbackButtons } from './FeedbackButtons';
import { formatDate, safeHttpUrl } from './format';
import { assetUse, type AssetUse } from './timeline-filters';
import { LinkOrText } from './LinkOrText';

const ASSET_TYPE_LABELS: Record<string, string> = {
  email: 'Email',
  landing_page: 'Landing page',
  document: 'Document',
  video: 'Video',
  webinar: 'Webinar',
  deck: 'Deck',
  case_study: 'Case study',
  other: 'Other',
};

/** Shown before "Show all": the most recently touched assets. */
const FIRST_ASSETS = 8;

/**
 * The content the contact consumed, most recently touched first; touches are counted from
 * the engagements loaded so far (the first page, plus "Load more").
 */
export function ContentConsumed({
  email,
  assets,
  engagements,
}: {
  email: string;
  assets: Asset[];
  engagements: Engagement[];
}) {
  const [all, setAll] = useState(false);
  const uses = assetUse(assets, engagements);
  const shown = all ? uses : uses.slice(0, FIRST_ASSETS);
  return (
    <section id="content-section" aria-labelledby="content-heading">
      <h3 id="content-heading">Content consumed</h3>
      {uses.length === 0 ? (
        <p className="muted">No content.</p>
      ) : (
        <>
          <ul className="assets" id="content-list">
            {shown.map((use) => (
              <AssetItem key={use.asset.id} email={email} use={use} />
            ))}
          </ul>
          {uses.length > FIRST_ASSETS && (
            <button
              type="button"
              className="small"
              aria-expanded={all}
              aria-controls="content-list"
              onClick={() => setAll(!all)}
            >
              {all ? 'Show fewer' : `Show all ${uses.length}`}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function AssetItem({ email, use }: { email: string; use: AssetUse }) {
  const { asset } = use;
  const url = safeHttpUrl(asset.url);
  return (
    <li className="asset" data-asset-id={asset.id}>
      <span className="asset-title">
        <LinkOrText url={url} text={asset.title} />
      </span>
      <span className="muted asset-use">
        {asset.type ? `${ASSET_TYPE_LABELS[asset.type] ?? asset.type} · ` : ''}
        {use.touches === 0
          ? 'no touch in the loaded timeline'
          : `${use.touches === 1 ? 'once' : `${use.touches} times`}, last ${formatDate(use.lastTouched)}`}
      </span>
      {/* Only a link the sidebar would open: a refused javascript:/data: URL is not copied either. */}
      {url && <CopyButton text={url} label="Copy link" context={`to ${asset.title}`} />}
      <FeedbackButtons
        email={email}
        target={{ assetId: asset.id }}
        choices={CONTENT_CHOICES}
        about={asset.title}
      />
    </li>
  );
}
