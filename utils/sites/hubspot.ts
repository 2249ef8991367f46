import type { SiteAdapter } from './types';

/** Placeholder until the adapter lands: matches nothing. */
export const hubspot: SiteAdapter = {
  id: 'hubspot',
  name: 'hubspot',
  matches: () => false,
  extract: () => ({ contacts: [] }),
  testUrls: { accept: [] },
};
