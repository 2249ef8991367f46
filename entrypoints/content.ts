import { defineContentScript } from 'wxt/utils/define-content-script';
import { SITE_MATCHES } from '../utils/sites/matches';
import { startContentScript } from '../utils/content/start';

// Runs on every load of heavy pages: no React, no heavy dependency (see DESIGN.md §1).
export default defineContentScript({
  matches: SITE_MATCHES,
  runAt: 'document_idle',
  main: (ctx) => startContentScript(ctx, window),
});
