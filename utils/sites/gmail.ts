import type { SiteAdapter } from './types';

/** Placeholder until the adapter lands: matches nothing. */
export const gmail: SiteAdapter = {
  id: 'gmail',
  name: 'gmail',
  matches: () => false,
  extract: () => ({ contacts: [] }),
  testUrls: { accept: [] },
};
