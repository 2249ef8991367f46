import { browser } from 'wxt/browser';
import { checkHealth } from '../backend-client/health';
import type { BackendStatus } from '../protocol/backend-status';
import { clearAuditLog, listAuditLog } from './audit-log';
import { registerContextHandlers } from './context-handlers';
import { syncCustomDomainsOnChanges } from './custom-domains';
import { rememberOwnEmails } from './detected-own-emails';
import { broadcastDetectionSettingsChanges, getDetectionSettings } from './detection-settings';
import { onContentMessage, onPageMessage } from './door';
import { registerDraftHandlers } from './draft-handlers';
import { effectiveSettings } from './effective-settings';
import { registerFeedbackHandlers } from './feedback-handlers';
import { registerLauncherHandlers } from './launcher-handlers';
import { registerLibraryHandlers } from './library-handlers';
import { registerSidebarHandlers } from './sidebar-handlers';
import { clearTabContacts, setTabContacts } from './tab-contacts';

/**
 * Answers the messages of `utils/protocol/` (content-to-background.ts, page-to-background.ts)
 * through the doors of door.ts, and tracks tabs.
 */
export function registerBackgroundHandlers(): void {
  onContentMessage('contactsDetected', async (data, { tabId }) => {
    await Promise.all([
      setTabContacts(tabId, { url: data.url, contacts: data.contacts, detectedAt: Date.now() }),
      // Remembering the page's own addresses is a convenience for the options page: its
      // failure (storage full) must not fail the report, nor stop detection in the tab.
      rememberOwnEmails(data.ownEmails).catch((error: unknown) =>
        console.warn('Touchpoint: could not remember the detected own addresses', error),
      ),
    ]);
  });
  onContentMessage('getDetectionSettings', () => getDetectionSettings());
  onPageMessage('getBackendStatus', () => getBackendStatus());
  onPageMessage('getAuditLog', () => listAuditLog());
  onPageMessage('clearAuditLog', () => clearAuditLog());
  onPageMessage('testBackend', (data) => checkHealth(data.baseUrl, data.apiKey));
  registerContextHandlers();
  registerSidebarHandlers();
  registerLauncherHandlers();
  registerFeedbackHandlers();
  registerLibraryHandlers();
  registerDraftHandlers();
  broadcastDetectionSettingsChanges();
  syncCustomDomainsOnChanges();

  // A tab that closes or loads a new document loses its contacts; the content script of the
  // new document reports again once it has detected.
  browser.tabs.onRemoved.addListener((tabId) => void clearTabContacts(tabId));
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading') void clearTabContacts(tabId);
  });
}

/** Health of the first enabled backend (the one whose contact fields win), policy applied. */
export async function getBackendStatus(): Promise<BackendStatus> {
  const { backends } = (await effectiveSettings()).backends;
  const first = backends.find((backend) => backend.enabled && backend.baseUrl);
  if (!first) {
    return {
      kind: 'not_configured',
      message: 'No backend is configured. Open the options page and add one.',
    };
  }
  return checkHealth(first.baseUrl, first.apiKey);
}
