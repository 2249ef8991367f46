import { browser } from 'wxt/browser';
import { backgroundToContent } from '../protocol/background-to-content';
import type { DetectionSettings } from '../protocol/protocol';
import { serial } from '../settings/serial-update';
import { detectedOwnEmails } from '../settings/items';
import { watchSettingsView } from '../settings/settings-store';
import { effectiveSettings } from './effective-settings';

/**
 * The rules detection in a tab applies, from the EFFECTIVE settings (team policy applied).
 * The never-look-up list joins them: its addresses are treated like the user's own, its
 * domains like internal ones. Addresses pages showed as the user's are own everywhere.
 */
export async function getDetectionSettings(): Promise<DetectionSettings> {
  const [{ identity, sites }, detectedOwn] = await Promise.all([
    effectiveSettings(),
    detectedOwnEmails.getValue(),
  ]);
  const neverEmails = identity.neverLookUp.filter((entry) => /^[^@]+@/.test(entry));
  const neverDomains = identity.neverLookUp.filter((entry) => !/^[^@]+@/.test(entry));
  return {
    ownEmails: [...new Set([...identity.ownEmails, ...detectedOwn, ...neverEmails])],
    internalDomains: [...new Set([...identity.internalDomains, ...neverDomains])],
    disabledSites: sites.disabled,
    customDomains: sites.customDomains.map(({ origin, adapter }) => ({ origin, adapter })),
  };
}

/**
 * Pushes rule changes to every open tab, so they apply without a reload: on a change of any
 * setting, of the team policy (managed storage) or of the detected own addresses.
 */
export function broadcastDetectionSettingsChanges(): () => void {
  let last = '';
  const broadcast = async () => {
    const settings = await getDetectionSettings();
    // Most setting changes (display, backends) do not touch detection: no re-detection then.
    const key = JSON.stringify(settings);
    if (key === last) return;
    last = key;
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs.map((tab) =>
        tab.id === undefined
          ? undefined
          : // Tabs without our content script refuse the message; that is expected.
            backgroundToContent
              .sendMessage('detectionSettingsChanged', settings, tab.id)
              .catch(() => undefined),
      ),
    );
  };
  // One broadcast at a time, in order: an older rule set must never arrive after a newer one.
  const broadcasts = serial();
  const enqueue = () => void broadcasts.run(broadcast).catch(() => undefined);
  const unwatchView = watchSettingsView(enqueue);
  const unwatchDetected = detectedOwnEmails.watch(enqueue);
  return () => {
    unwatchView();
    unwatchDetected();
  };
}
