import { browser } from 'wxt/browser';
import { sendMessage, type DetectionSettings } from '../messaging/protocol';
import { identitySettings, siteSettings } from '../settings';

export async function getDetectionSettings(): Promise<DetectionSettings> {
  const [identity, sites] = await Promise.all([
    identitySettings.getValue(),
    siteSettings.getValue(),
  ]);
  return {
    ownEmails: identity.ownEmails,
    internalDomains: identity.internalDomains,
    disabledSites: sites.disabled,
  };
}

/** Pushes rule changes to every open tab, so they apply without a reload. */
export function broadcastDetectionSettingsChanges(): () => void {
  const broadcast = async () => {
    const settings = await getDetectionSettings();
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs.map((tab) =>
        tab.id === undefined
          ? undefined
          : // Tabs without our content script refuse the message; that is expected.
            sendMessage('detectionSettingsChanged', settings, tab.id).catch(() => undefined),
      ),
    );
  };
  const unwatchIdentity = identitySettings.watch(() => void broadcast());
  const unwatchSites = siteSettings.watch(() => void broadcast());
  return () => {
    unwatchIdentity();
    unwatchSites();
  };
}
