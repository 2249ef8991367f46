/**
 * Where each site's content script runs (manifest `content_scripts.matches`), by adapter id.
 * Adapters decide per URL what to read; custom domains an admin adds are registered at run
 * time instead. Chrome ignores the port in match patterns, so the loopback entries cover the
 * reference server's demo page on any port.
 */
export const DEMO_PAGE_MATCHES = ['http://127.0.0.1/demo*', 'http://localhost/demo*'];

export const SITE_MATCH_PATTERNS = {
  gmail: ['https://mail.google.com/*'],
  outlook: [
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
    'https://outlook.cloud.microsoft/*',
  ],
  salesforce: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  // Every regional app host (app, app-eu1, app-na2, …); the adapter reads only those.
  hubspot: ['https://*.hubspot.com/*'],
  pipedrive: ['https://*.pipedrive.com/*'],
  dynamics: ['https://*.dynamics.com/*'],
  zoho: [
    'https://crm.zoho.com/*',
    'https://crm.zoho.eu/*',
    'https://crm.zoho.in/*',
    'https://crm.zoho.com.au/*',
    'https://crm.zoho.jp/*',
  ],
  // The reference server's demo page: only in builds wired to a loopback backend (npm start)
  // or asked for with WXT_TOUCHPOINT_DEMO_PAGE=true (see wxt.config.ts).
  generic: DEMO_PAGE_MATCHES,
} as const satisfies Record<string, readonly string[]>;

export type SiteId = keyof typeof SITE_MATCH_PATTERNS;

/** Every pattern, for code that asks "is this a supported site at all?". */
export const SITE_MATCHES: string[] = Object.values(SITE_MATCH_PATTERNS).flat();
