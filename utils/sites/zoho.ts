import type { SiteAdapter } from './types';

/** Placeholder until the adapter lands: matches nothing. */
export const zoho: SiteAdapter = {
  id: 'zoho',
  name: 'zoho',
  matches: () => false,
  extract: () => ({ contacts: [] }),
  testUrls: { accept: [] },
};
