import type { ContentScriptDefinition } from 'wxt';
import type { SiteAdapter } from '../sites/types';
import { startContentScript } from './start';

/**
 * The content script definition of one site: its match patterns and its adapter only. One
 * script per site keeps what loads on every Gmail or CRM page to that site's reader (budget:
 * 12 KB gzip), and gives custom domains a script to register per adapter.
 */
export function siteContentScript(adapter: SiteAdapter): ContentScriptDefinition {
  return {
    matches: [...adapter.matchPatterns],
    runAt: 'document_idle',
    main: (ctx) => startContentScript(ctx, window, [adapter]),
  };
}
