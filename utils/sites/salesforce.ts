import type { SiteAdapter } from './types';

/** Placeholder until the adapter lands: matches nothing. */
export const salesforce: SiteAdapter = {
  id: 'salesforce',
  name: 'salesforce',
  matches: () => false,
  extract: () => ({ contacts: [] }),
  testUrls: { accept: [] },
};
