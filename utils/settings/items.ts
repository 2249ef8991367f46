import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_DISPLAY_SETTINGS,
  DEFAULT_IDENTITY_SETTINGS,
  DEFAULT_PRIVACY_SETTINGS,
  DEFAULT_SITE_SETTINGS,
  type BackendConfig,
  type BackendSettings,
  type DisplaySettings,
  type IdentitySettings,
  type PrivacySettings,
  type SiteSettings,
} from './schema';

/**
 * The settings in storage: one typed, versioned item per group. Bump its version in
 * `SETTINGS_STORAGE` and add a migration whenever a group's shape changes;
 * `utils/settings/items.test.ts` migrates values saved by every older version. Secrets (API keys) live only in `local:` items, which only
 * the background and extension pages read; content scripts get what they need by message.
 */

/**
 * Where each group is stored and its current version. The items below use these; the
 * settings store writes whole areas at once (import) with the same keys and `<key>$` meta.
 */
export const SETTINGS_STORAGE = {
  backends: { area: 'local', key: 'backend', version: 2 },
  identity: { area: 'sync', key: 'identity', version: 2 },
  sites: { area: 'sync', key: 'sites', version: 2 },
  privacy: { area: 'sync', key: 'privacy', version: 1 },
  display: { area: 'sync', key: 'display', version: 1 },
} as const;

/** The policy backend keys' item (local, beside the backends). */
export const POLICY_BACKEND_KEYS_STORAGE = {
  area: 'local',
  key: 'policyBackendKeys',
  version: 1,
} as const;

/** Version 1 stored a single backend: `{ baseUrl, apiKey }`. */
interface BackendSettingsV1 {
  baseUrl?: string;
  apiKey?: string;
}

/** A build wired to a backend (`WXT_TOUCHPOINT_BACKEND_URL`/`_API_KEY`) starts with it. */
function buildTimeBackends(): BackendConfig[] {
  const baseUrl = import.meta.env.WXT_TOUCHPOINT_BACKEND_URL ?? '';
  if (!baseUrl) return [];
  const apiKey = import.meta.env.WXT_TOUCHPOINT_API_KEY ?? '';
  return [{ id: 'build-time', name: 'Default backend', baseUrl, apiKey, enabled: true }];
}

/** The backends, in the admin's order, with their keys. */
export const backendSettings = storage.defineItem<BackendSettings>('local:backend', {
  fallback: { backends: buildTimeBackends() },
  version: SETTINGS_STORAGE.backends.version,
  migrations: {
    2: (old: BackendSettingsV1 | null): BackendSettings => ({
      backends: old?.baseUrl
        ? [
            {
              id: 'backend-1',
              name: 'Backend',
              baseUrl: old.baseUrl,
              apiKey: old.apiKey ?? '',
              enabled: true,
            },
          ]
        : [],
    }),
  },
});

/** Who the user is and whom never to look up; applied by detection in every tab. */
export const identitySettings = storage.defineItem<IdentitySettings>('sync:identity', {
  fallback: DEFAULT_IDENTITY_SETTINGS,
  version: SETTINGS_STORAGE.identity.version,
  migrations: {
    // Version 2 added the never-look-up list.
    2: (old: Omit<IdentitySettings, 'neverLookUp'>): IdentitySettings => ({
      ...DEFAULT_IDENTITY_SETTINGS,
      ...old,
      neverLookUp: [],
    }),
  },
});

/** Site adapters switched off, and custom domains with the adapter that reads them. */
export const siteSettings = storage.defineItem<SiteSettings>('sync:sites', {
  fallback: DEFAULT_SITE_SETTINGS,
  version: SETTINGS_STORAGE.sites.version,
  migrations: {
    // Version 2 added custom domains.
    2: (old: Omit<SiteSettings, 'customDomains'>): SiteSettings => ({
      ...DEFAULT_SITE_SETTINGS,
      ...old,
      customDomains: [],
    }),
  },
});

export const privacySettings = storage.defineItem<PrivacySettings>('sync:privacy', {
  fallback: DEFAULT_PRIVACY_SETTINGS,
  version: SETTINGS_STORAGE.privacy.version,
});

export const displaySettings = storage.defineItem<DisplaySettings>('sync:display', {
  fallback: DEFAULT_DISPLAY_SETTINGS,
  version: SETTINGS_STORAGE.display.version,
});

/** Every item, for code that migrates or watches them all. */
export const SETTINGS_ITEMS = [
  backendSettings,
  identitySettings,
  siteSettings,
  privacySettings,
  displaySettings,
] as const;

/**
 * The API keys a user typed for backends a team policy deploys without a key, by the
 * policy backend's id (`policy-<name>`). Kept apart from the user's own list, so lifting the
 * policy leaves that list as it was.
 */
export const policyBackendKeys = storage.defineItem<Record<string, string>>(
  'local:policyBackendKeys',
  { fallback: {}, version: POLICY_BACKEND_KEYS_STORAGE.version },
);

/**
 * Addresses pages showed as the signed-in user's (Gmail's account, Outlook's mailbox…),
 * lowercase, newest last, at most 20. The options page lists them beside the own addresses;
 * detection treats them as own everywhere.
 */
export const detectedOwnEmails = storage.defineItem<string[]>('local:detectedOwnEmails', {
  fallback: [],
  version: 1,
});
