/**
 * The data types several directions of the runtime protocol share. The messages themselves
 * are typed by direction: content-to-background.ts, page-to-background.ts,
 * background-to-content.ts, background-to-page.ts; refusals are refused.ts.
 */
import type { DetectedContact } from '../sites/types';

/** What the background knows about one tab's page. */
export interface TabContacts {
  url: string;
  contacts: DetectedContact[];
  /** ms since epoch of the detection. */
  detectedAt: number;
}

/**
 * What detection in a tab needs from the settings. The content script gets it from the
 * background instead of reading storage itself, which keeps the storage library out of the
 * script that loads on every page.
 */
export interface DetectionSettings {
  ownEmails: string[];
  internalDomains: string[];
  /** Ids of the site adapters the admin switched off. */
  disabledSites: string[];
  /**
   * Origins an admin added (`https://crm.acme.example`) and the adapter that reads each: on
   * such an origin that adapter runs whatever the host. Absent from older backgrounds.
   */
  customDomains?: { origin: string; adapter: string }[];
}

/** One lookup in the audit log (settings: privacy.auditLog). */
export interface AuditEntry {
  /** ms since epoch. */
  time: number;
  /** Adapter id of the page (`gmail`, `salesforce`, …) or `sidebar` for a typed lookup. */
  site: string;
  /** The address, or `sha256:<hex>` when lookups are hashed. */
  contact: string;
  backendId: string;
  outcome: 'matched' | 'not_found' | 'ambiguous' | 'error';
}
