import type { ContentScriptDefinition } from 'wxt';
import { SITE_MATCH_PATTERNS, type SiteId } from '../sites/matches';
import type { SiteAdapter } from '../sites/types';
import { startContentScript } from './start';

/**
 * The content script definition of one site: its match patterns and its adapter only. One
 * script per site keeps what loads on every Gmail or CRM page to that site's reader (budget:
 * 12 KB gzip), and gives custom domains a script to register per adapter.
 */
export function siteContentScript(adapter: SiteAdapter): ContentScriptDefinition {
  const matches = SITE_MATCH_PATTERNS[adapter.id as SiteId];
  // Evaluated at build time: a new adapter without patterns fails the build, not a user.
  if (!matches)
    throw new Error(`No match patterns for site "${adapter.id}" in utils/sites/matches.ts`);
  return {
    matches: [...matches],
    runAt: 'document_idle',
    main: (ctx) => startContentScript(ctx, window, [adapter]),
  };
}
