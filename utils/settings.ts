import { storage } from 'wxt/utils/storage';

/**
 * Settings, one typed and versioned storage item per group, read by the background, the
 * content script, the sidebar and the options page from this module.
 */

/**
 * The backend the extension talks to. The API key is a secret: `local:` storage only, read
 * by the background only. Build-time defaults (`WXT_TOUCHPOINT_BACKEND_URL`,
 * `WXT_TOUCHPOINT_API_KEY`) let the quick start ship an extension wired to the demo server.
 */
export interface BackendSettings {
  baseUrl: string;
  apiKey: string;
}

export const backendSettings = storage.defineItem<BackendSettings>('local:backend', {
  fallback: {
    baseUrl: import.meta.env.WXT_TOUCHPOINT_BACKEND_URL ?? '',
    apiKey: import.meta.env.WXT_TOUCHPOINT_API_KEY ?? '',
  },
  version: 1,
});

/** Who the user is and whom never to look up; applied by detection in every tab. */
export interface IdentitySettings {
  /** The user's own addresses (besides the ones a page shows as signed in). */
  ownEmails: string[];
  /** Colleagues' domains: never looked up (subdomains included). */
  internalDomains: string[];
}

export const identitySettings = storage.defineItem<IdentitySettings>('sync:identity', {
  fallback: { ownEmails: [], internalDomains: [] },
  version: 1,
});

/** Site adapters switched off by the admin (ids from `utils/sites`); all on by default. */
export interface SiteSettings {
  disabled: string[];
}

export const siteSettings = storage.defineItem<SiteSettings>('sync:sites', {
  fallback: { disabled: [] },
  version: 1,
});
