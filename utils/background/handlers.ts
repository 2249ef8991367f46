import { browser } from 'wxt/browser';
import { checkHealth } from '../backend-client/health';
import type { BackendStatus } from '../protocol/backend-status';
import { onMessage } from '../protocol/protocol';
import { clearAuditLog, listAuditLog } from './audit-log';
import { registerContextHandlers } from './context-handlers';
import { registerDraftHandlers } from './draft-handlers';
import { registerFeedbackHandlers } from './feedback-handlers';
import { registerLauncherHandlers } from './launcher-handlers';
import { registerLibraryHandlers } from './library-handlers';
import { syncCustomDomainsOnChanges } from './custom-domains';
import { rememberOwnEmails } from './detected-own-emails';
import { broadcastDetectionSettingsChanges, getDetectionSettings } from './detection-settings';
import { clearTabContacts, getTabContacts, setTabContacts } from './tab-contacts';
import { fromExtensionPage } from './sender';
import { effectiveSettings } from './effective-settings';

/** Answers the typed messages of `utils/protocol/protocol.ts` and tracks tabs. */
export function registerBackgroundHandlers(): void {
  onMessage('getBackendStatus', () => getBackendStatus());
  onMessage('contactsDetected', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    // Only content scripts in tabs report contacts; anything else is ignored on purpose.
    if (tabId === undefined || tabId < 0) return;
    await Promise.all([
      setTabContacts(tabId, { url: data.url, contacts: data.contacts, detectedAt: Date.now() }),
      // Remembering the page's own addresses is a convenience for the options page: its
      // failure (storage full) must not fail the report, nor stop detection in the tab.
      rememberOwnEmails(data.ownEmails).catch((error: unknown) =>
        console.warn('Touchpoint: could not remember the detected own addresses', error),
      ),
    ]);
  });
  // Extension pages only: a content script must not read what other tabs show, nor the
  // audit log, nor make the background call arbitrary URLs.
  onMessage('getTabContacts', ({ data, sender }) =>
    fromExtensionPage(sender) ? getTabContacts(data.tabId) : null,
  );
  onMessage('getAuditLog', ({ sender }) => (fromExtensionPage(sender) ? listAuditLog() : []));
  onMessage('clearAuditLog', async ({ sender }) => {
    if (fromExtensionPage(sender)) await clearAuditLog();
  });
  // Async: a refusal must reach the caller as a rejected message, not throw in the listener.
  onMessage('testBackend', async ({ data, sender }) => {
    if (!fromExtensionPage(sender)) {
      throw new Error('Only the options page can test a backend connection.');
    }
    return checkHealth(data.baseUrl, data.apiKey);
  });
  onMessage('getDetectionSettings', () => getDetectionSettings());
  registerContextHandlers();
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
