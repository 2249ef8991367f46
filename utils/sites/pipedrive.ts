import type { SiteAdapter } from './types';

/** Placeholder until the adapter lands: matches nothing. */
export const pipedrive: SiteAdapter = {
  id: 'pipedrive',
  name: 'pipedrive',
  matches: () => false,
  extract: () => ({ contacts: [] }),
  testUrls: { accept: [] },
};
