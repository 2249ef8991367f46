import type { SiteAdapter } from './types';

/** Placeholder until the adapter lands: matches nothing. */
export const generic: SiteAdapter = {
  id: 'generic',
  name: 'generic',
  matches: () => false,
  extract: () => ({ contacts: [] }),
  testUrls: { accept: [] },
};
