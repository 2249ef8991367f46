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
import { applyContactRules } from './rules';
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

export interface DetectOptions {
  /** The user's own addresses, never looked up. */
  ownEmails?: string[];
  /** The user's company domains (and their subdomains): colleagues, never looked up. */
  internalDomains?: string[];
  /** Ids of the enabled adapters; all when omitted. */
  sites?: string[];
}

/** A `URL` for the input, or undefined for anything unparsable. */
function toUrl(url: string | URL): URL | undefined {
  if (url instanceof URL) return url;
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * The adapter that owns the URL, or undefined when none does or the owner is disabled. A site
 * with its own adapter never falls back to `generic`: its adapter finding nothing (a HubSpot
 * company record, a Gmail inbox) means there is nothing to find.
 */
export function adapterForUrl(
  url: string | URL,
  enabledSites?: readonly string[],
): SiteAdapter | undefined {
  const parsed = toUrl(url);
  if (!parsed) return undefined;
  const owner = SITE_ADAPTERS.find((adapter) => {
    try {
      return adapter.matches(parsed);
    } catch {
      return false;
    }
  });
  if (!owner || (enabledSites && !enabledSites.includes(owner.id))) return undefined;
  return owner;
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
  const parsed = toUrl(url);
  if (!parsed) return [];
  const adapter = adapterForUrl(parsed, options.sites);
  if (!adapter) return [];
  try {
    return applyContactRules(adapter.extract(document, parsed), adapter.id, options);
  } catch {
    // Hostile or half-loaded markup: nothing detected beats a broken content script.
    return [];
  }
}
