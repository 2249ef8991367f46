import type { SiteAdapter } from './types';

/** Placeholder until the adapter lands: matches nothing. */
export const outlook: SiteAdapter = {
  id: 'outlook',
  name: 'outlook',
  matches: () => false,
  extract: () => ({ contacts: [] }),
  testUrls: { accept: [] },
};
