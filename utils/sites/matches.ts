/**
 * Where the content script runs (manifest `content_scripts.matches`). Site adapters decide
 * per URL what to read; custom domains an admin adds are registered at run time instead.
 * Chrome ignores the port in match patterns, so the loopback entries cover the reference
 * server's demo page on any port.
 */
export const SITE_MATCHES: string[] = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://outlook.cloud.microsoft/*',
  'https://*.lightning.force.com/*',
  'https://*.my.salesforce.com/*',
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
  'https://app-na2.hubspot.com/*',
  'https://*.pipedrive.com/*',
  'https://*.dynamics.com/*',
  'https://crm.zoho.com/*',
  'https://crm.zoho.eu/*',
  'https://crm.zoho.in/*',
  'https://crm.zoho.com.au/*',
  'https://crm.zoho.jp/*',
  'http://127.0.0.1/demo*',
  'http://localhost/demo*',
];
