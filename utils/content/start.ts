import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Entry of the content script. Detection and the launcher arrive with the site adapters;
 * for now it marks the page so tests and admins can see the script is active.
 */
export function startContentScript(_ctx: ContentScriptContext, document: Document): void {
  document.documentElement.dataset.touchpoint = 'active';
}
