/**
 * The supported sites, in the order their adapters are tried: the one list the manifest's
 * match patterns, the options page's switches, the settings' site ids and `detectContacts`
 * derive from. Metadata only (each site file's `defineSite`), so importing it carries no
 * extractor. Pure: importable by the extension, the server and the build config.
 */
import { defineSite } from './define-site';
import { dynamicsSite } from './dynamics';
import { gmailSite } from './gmail';
import { hubspotSite } from './hubspot';
import { outlookSite } from './outlook';
import { pipedriveSite } from './pipedrive';
import { salesforceSite } from './salesforce';
import { zohoSite } from './zoho';

/**
 * The reference server's demo page. Chrome ignores the port in match patterns, so these
 * cover it on any port; only demo builds keep them (see wxt.config.ts).
 */
export const DEMO_PAGE_MATCHES: readonly string[] = [
  'http://127.0.0.1/demo*',
  'http://localhost/demo*',
];

/**
 * Declared here rather than in generic.ts: its reader takes only hosts no other site claims,
 * so generic.ts reads this list, and the list importing it back would be a circle.
 */
export const genericSite = defineSite({
  id: 'generic',
  label: 'Generic (any page)',
  matchPatterns: DEMO_PAGE_MATCHES,
  fallback: true,
});

/** First match wins; the fallback accepts any http(s) page, so it stays last. */
export const SITES = [
  gmailSite,
  outlookSite,
  salesforceSite,
  hubspotSite,
  pipedriveSite,
  dynamicsSite,
  zohoSite,
  genericSite,
] as const;

export type SiteId = (typeof SITES)[number]['id'];

// Pure marks: a bundle that reads only `SITES` drops these.
export const SITE_IDS: SiteId[] = /* @__PURE__ */ SITES.map((site) => site.id);

/** Every site's patterns, for code that asks "is this a supported site at all?". */
export const SITE_MATCHES: string[] = /* @__PURE__ */ SITES.flatMap((site) => site.matchPatterns);
