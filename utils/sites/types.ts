/**
 * Types shared by the site adapters. Pure module: no WXT, no browser API, so adapters run in
 * Node tests on fixture HTML.
 */

/** Why the contact is on the page, most relevant first in `ROLE_RANK`. */
export type ContactRole = 'sender' | 'recipient' | 'cc' | 'compose' | 'record' | 'link';

export interface DetectedContact {
  /** Trimmed, lowercased, valid address. */
  email: string;
  name?: string;
  role: ContactRole;
  /** Id of the adapter that found it (`gmail`, `outlook`, `salesforce`, …, `generic`). */
  site: string;
  /** 0..1: how sure the adapter is that this is a person the rep deals with. */
  confidence: number;
}

/** What an adapter returns before the shared rules (normalise, filter, dedupe, order) run. */
export interface RawContact {
  email: string;
  name?: string;
  role: ContactRole;
  confidence: number;
  /** True for the adapter's pick of the primary contact (e.g. Gmail's latest external sender). */
  primary?: boolean;
}

export interface AdapterResult {
  contacts: RawContact[];
  /** Addresses the page shows as the signed-in user's (Gmail title, account link…). */
  ownEmails?: string[];
}

/**
 * What a site is and where it runs, without its reader: the manifest, the options page and
 * the settings read this, so their bundles do not carry the site's extractor.
 */
export interface SiteInfo<Id extends string = string> {
  /** Stable id: the settings key of the site's on/off switch, the content script's name. */
  id: Id;
  /** How the options page and the README's "Supported sites" table name the site. */
  label: string;
  /**
   * Where the site's content script runs (manifest `content_scripts.matches`). Custom domains
   * an admin adds are registered at run time instead.
   */
  matchPatterns: readonly string[];
  /**
   * The fallback reads pages no other site claims (custom domains, the demo page), so it has
   * no switch of its own on the options page.
   */
  fallback?: boolean;
}

/** A site and its reader: what a content script and `detectContacts` run. */
export interface SiteAdapter extends SiteInfo {
  /** True when this adapter handles the URL (host and path shape). */
  matches(url: URL): boolean;
  /** Reads the page. Pure: no side effects, no extension API. */
  extract(document: Document, url: URL): AdapterResult;
  /**
   * URLs this adapter must accept, and URLs of its own site it must give nothing on
   * (e.g. a HubSpot company record). Tests run every adapter on every adapter's URLs.
   */
  testUrls: { accept: string[]; reject?: string[] };
}
