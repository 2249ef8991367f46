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

export interface SiteAdapter {
  /** Stable id, also the settings key of the site's on/off switch. */
  id: string;
  /** Human name for the options page. */
  name: string;
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
