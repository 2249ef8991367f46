/**
 * The site adapters, in the registry's order, and `detectContacts`: the public entry the
 * tests, the benchmark and the README use; each content script runs the same engine
 * (`detectPage`) over its own site's adapter. Pure: a `Document` and a URL in, contacts out;
 * no extension API, no side effects.
 */
import { detectPage, type DetectOptions } from './detect';
import { dynamics } from './dynamics';
import { generic } from './generic';
import { gmail } from './gmail';
import { hubspot } from './hubspot';
import { outlook } from './outlook';
import { pipedrive } from './pipedrive';
import { SITES, type SiteId } from './registry';
import { salesforce } from './salesforce';
import type { DetectedContact, SiteAdapter } from './types';
import { zoho } from './zoho';

/** Each registered site's adapter: a site in `SITES` without one here is a type error. */
const ADAPTERS: { [Id in SiteId]: SiteAdapter & { id: Id } } = {
  gmail,
  outlook,
  salesforce,
  hubspot,
  pipedrive,
  dynamics,
  zoho,
  generic,
};

/** In the registry's order: first match wins, the fallback (`generic`) last. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = SITES.map((site) => ADAPTERS[site.id]);

export type { DetectOptions } from './detect';

/**
 * The contacts on the page, most relevant first (the first is the primary contact). Never
 * throws: a bad URL or a page an adapter cannot read gives an empty list.
 */
export function detectContacts(
  document: Document,
  url: string | URL,
  options: DetectOptions = {},
): DetectedContact[] {
  return detectPage(SITE_ADAPTERS, document, url, options).contacts;
}
