/**
 * The site adapters, in the order they are tried, and `detectContacts`: the one entry point
 * the content script, the tests and the benchmark call. Pure: a `Document` and a URL in,
 * contacts out; no extension API, no side effects.
 */
import { dynamics } from './dynamics';
import { generic } from './generic';
import { gmail } from './gmail';
import { hubspot } from './hubspot';
import { outlook } from './outlook';
import { pipedrive } from './pipedrive';
import { adapterForUrlIn, detectWith, type DetectOptions } from './detect';
import { salesforce } from './salesforce';
import type { DetectedContact, SiteAdapter } from './types';
import { zoho } from './zoho';

/** First match wins; `generic` accepts any http(s) page, so it must stay last. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [
  gmail,
  outlook,
  salesforce,
  hubspot,
  pipedrive,
  dynamics,
  zoho,
  generic,
];

export type { DetectOptions } from './detect';

/**
 * The adapter that owns the URL, or undefined when none does or the owner is disabled. A site
 * with its own adapter never falls back to `generic`.
 */
export function adapterForUrl(
  url: string | URL,
  enabledSites?: readonly string[],
): SiteAdapter | undefined {
  return adapterForUrlIn(SITE_ADAPTERS, url, enabledSites);
}

/**
 * The contacts on the page, most relevant first (the first is the primary contact). Never
 * throws: a bad URL or a page an adapter cannot read gives an empty list.
 */
export function detectContacts(
  document: Document,
  url: string | URL,
  options: DetectOptions = {},
): DetectedContact[] {
  return detectWith(SITE_ADAPTERS, document, url, options);
}
