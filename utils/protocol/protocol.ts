import { defineExtensionMessaging } from '@webext-core/messaging';
import type { EngagementsOutcome } from '../backend-client/context-client';
import type { ContactContext, EngagementCursor } from '../backend-client/context-merge';
import type { BackendStatus } from './backend-status';
import type { DetectedContact } from '../sites/types';
import type { DraftProtocol } from './draft-protocol';
import type { FeedbackProtocol } from './feedback-protocol';
import type { LauncherProtocol } from './launcher-protocol';
import type { LibraryProtocol } from './library-protocol';

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

/**
 * The one message map between the extension's contexts (content script, sidebar, options →
 * background). Each key is a message; its function type is the request → response. Each
 * capability's messages live in their own interface (`*-protocol.ts`), joined here.
 */
export interface ProtocolMap
  extends LauncherProtocol, FeedbackProtocol, LibraryProtocol, DraftProtocol {
  /** Health of the configured backend, as the background sees it (credentials stay there). */
  getBackendStatus(): BackendStatus;
  /** Content script → background: the page's contacts changed (sent only on change). */
  contactsDetected(data: {
    url: string;
    contacts: DetectedContact[];
    /** Addresses the page shows as the signed-in user's (absent from older scripts). */
    ownEmails?: string[];
  }): void;
  /** Content script → background: the rules detection applies. */
  getDetectionSettings(): DetectionSettings;
  /** Background → every tab: the rules changed; detect again with these. */
  detectionSettingsChanged(data: DetectionSettings): void;
  /** The contacts last detected in a tab, or null when none were reported. */
  getTabContacts(data: { tabId: number }): TabContacts | null;
  /**
   * Extension pages → background: checks a backend the admin is editing ("Test connection"):
   * health, then a probe lookup. Only the background talks to backends.
   */
  testBackend(data: { baseUrl: string; apiKey: string }): BackendStatus;
  /** Extension pages only: the audit log, oldest first ([] for anyone else). */
  getAuditLog(): AuditEntry[];
  /** Extension pages only: empties the audit log. */
  clearAuditLog(): void;
  /**
   * Extension pages only: the merged context of each address, keyed by the normalised
   * address, from every enabled backend (cache first unless `refresh`). Own, internal and
   * never-look-up addresses are left out (absent from the answer). `site` names the page the
   * contacts came from, for the audit log.
   */
  getContactContext(data: {
    emails: string[];
    refresh?: boolean;
    site?: string;
  }): Record<string, ContactContext>;
  /** Extension pages only: the next page of a contact's engagements at one backend. */
  loadMoreEngagements(data: EngagementCursor & { limit?: number }): EngagementsOutcome;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
