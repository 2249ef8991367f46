import { browser } from 'wxt/browser';
import type { AllSettings } from '../settings/schema';
import { policyBackendKeys, SETTINGS_ITEMS } from '../settings/items';
import { loadEffectiveSettings } from '../settings/settings-store';

/**
 * The effective settings, read once and kept until a setting or the team policy changes.
 * The background's hot paths (every lookup, every page's detection rules) read them; from
 * storage that is seven reads each time (sync, local and managed areas), which showed in the
 * time to open the sidebar on a busy machine.
 */
const SETTINGS_KEYS = new Set(
  [...SETTINGS_ITEMS, policyBackendKeys].map((item) => item.key.replace(/^\w+:/, '')),
);

let current: Promise<AllSettings> | undefined;

function onChanged(changes: Record<string, unknown>, area: string): void {
  // `<key>$` holds a versioned item's metadata.
  const keys = Object.keys(changes).map((key) => key.replace(/\$$/, ''));
  if (area === 'managed' || keys.some((key) => SETTINGS_KEYS.has(key))) current = undefined;
}

export function effectiveSettings(): Promise<AllSettings> {
  // Not listening (first call, or the listeners were removed): nothing kept can be trusted.
  if (!browser.storage.onChanged.hasListener(onChanged)) {
    browser.storage.onChanged.addListener(onChanged);
    current = undefined;
  }
  if (!current) {
    const loading = loadEffectiveSettings();
    current = loading;
    // A failed read is not kept: the next caller reads again.
    loading.catch(() => {
      if (current === loading) current = undefined;
    });
  }
  return current;
}
