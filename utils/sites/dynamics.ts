import type { SiteAdapter } from './types';

/** Placeholder until the adapter lands: matches nothing. */
export const dynamics: SiteAdapter = {
  id: 'dynamics',
  name: 'dynamics',
  matches: () => false,
  extract: () => ({ contacts: [] }),
  testUrls: { accept: [] },
};
