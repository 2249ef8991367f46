/**
 * Detection over a given list of adapters, the one engine: `detectContacts` (index.ts) runs
 * it over every adapter; each site's content script runs it over its own adapter only, so a
 * Gmail tab never loads the Salesforce reader. Pure: no extension API, no side effects.
 */
import { applyContactRules, normalizeEmail } from './rules';
import type { DetectedContact, SiteAdapter } from './types';

export interface DetectOptions {
  /** The user's own addresses, never looked up. */
  ownEmails?: string[];
  /** The user's company domains (and their subdomains): colleagues, never looked up. */
  internalDomains?: string[];
  /** Ids of the enabled adapters; all when omitted. */
  sites?: readonly string[];
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
 * The adapter of `adapters` that owns the URL (first match wins), or undefined when none does
 * or the owner is disabled. A site with its own adapter never falls back to `generic`: its
 * adapter finding nothing (a HubSpot company record, a Gmail inbox) means nothing to find.
 */
export function adapterForUrlIn(
  adapters: readonly SiteAdapter[],
  url: string | URL,
  enabledSites?: readonly string[],
): SiteAdapter | undefined {
  const parsed = toUrl(url);
  if (!parsed) return undefined;
  const owner = adapters.find((adapter) => {
    try {
      return adapter.matches(parsed);
    } catch {
      return false;
    }
  });
  if (!owner || (enabledSites && !enabledSites.includes(owner.id))) return undefined;
  return owner;
}

/** What one page shows: its contacts, and the addresses it shows as the signed-in user's. */
export interface PageDetection {
  contacts: DetectedContact[];
  /** Normalised (lowercase, valid), at most 20; the background keeps their union. */
  ownEmails: string[];
}

/**
 * The contacts on the page, most relevant first (the first is the primary contact), and the
 * addresses it shows as the signed-in user's, so the extension can treat them as the user's
 * everywhere. Never throws: a bad URL or a page an adapter cannot read gives nothing.
 */
export function detectPage(
  adapters: readonly SiteAdapter[],
  document: Document,
  url: string | URL,
  options: DetectOptions = {},
): PageDetection {
  const parsed = toUrl(url);
  const adapter = parsed && adapterForUrlIn(adapters, parsed, options.sites);
  if (!parsed || !adapter) return { contacts: [], ownEmails: [] };
  try {
    const result = adapter.extract(document, parsed);
    const own = Array.isArray(result.ownEmails) ? result.ownEmails.slice(0, 20) : [];
    const ownEmails = [...new Set(own.flatMap((email) => normalizeEmail(email) ?? []))];
    return { contacts: applyContactRules(result, adapter.id, options), ownEmails };
  } catch {
    // Hostile or half-loaded markup: nothing detected beats a broken content script.
    return { contacts: [], ownEmails: [] };
  }
}
