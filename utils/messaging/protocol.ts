import { defineExtensionMessaging } from '@webext-core/messaging';
import type { BackendStatus } from '../api/status';
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
}

/**
 * The one message map between the extension's contexts (content script, sidebar, options →
 * background). Each key is a message; its function type is the request → response.
 */
export interface ProtocolMap {
  /** Health of the configured backend, as the background sees it (credentials stay there). */
  getBackendStatus(): BackendStatus;
  /** Content script → background: the page's contacts changed (sent only on change). */
  contactsDetected(data: { url: string; contacts: DetectedContact[] }): void;
  /** Content script → background: the rules detection applies. */
  getDetectionSettings(): DetectionSettings;
  /** Background → every tab: the rules changed; detect again with these. */
  detectionSettingsChanged(data: DetectionSettings): void;
  /** The contacts last detected in a tab, or null when none were reported. */
  getTabContacts(data: { tabId: number }): TabContacts | null;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
