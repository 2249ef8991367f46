import { browser } from 'wxt/browser';
import { checkHealth } from '../api/health';
import type { BackendStatus } from '../api/status';
import { onMessage } from '../messaging/protocol';
import { backendSettings } from '../settings';
import { broadcastDetectionSettingsChanges, getDetectionSettings } from './detection-settings';
import { clearTabContacts, getTabContacts, setTabContacts } from './tab-contacts';

/** Answers the typed messages of `utils/messaging/protocol.ts` and tracks tabs. */
export function registerBackgroundHandlers(): void {
  onMessage('getBackendStatus', () => getBackendStatus());
  onMessage('contactsDetected', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    // Only content scripts in tabs report contacts; anything else is ignored on purpose.
    if (tabId === undefined || tabId < 0) return;
    await setTabContacts(tabId, { url: data.url, contacts: data.contacts, detectedAt: Date.now() });
  });
  // Extension pages only (also when framed in a tab): a content script must not read what
  // other tabs show.
  onMessage('getTabContacts', ({ data, sender }) =>
    sender.url?.startsWith(browser.runtime.getURL('/')) ? getTabContacts(data.tabId) : null,
  );
  onMessage('getDetectionSettings', () => getDetectionSettings());
  broadcastDetectionSettingsChanges();

  // A tab that closes or loads a new document loses its contacts; the content script of the
  // new document reports again once it has detected.
  browser.tabs.onRemoved.addListener((tabId) => void clearTabContacts(tabId));
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading') void clearTabContacts(tabId);
  });
}

/** Health of the first enabled backend (the one whose contact fields win). */
export async function getBackendStatus(): Promise<BackendStatus> {
  const { backends } = await backendSettings.getValue();
  const first = backends.find((backend) => backend.enabled && backend.baseUrl);
  if (!first) {
    return {
      kind: 'not_configured',
      message: 'No backend is configured. Open the options page and add one.',
    };
  }
  return checkHealth(first.baseUrl, first.apiKey);
}
