import { browser } from 'wxt/browser';

/**
 * True when a message comes from one of the extension's own pages (also when framed in a
 * tab), not from a content script: what only extension pages may ask (other tabs' contacts,
 * the audit log, lookups) is refused to page scripts.
 */
export function fromExtensionPage(sender: { url?: string }): boolean {
  return sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
}
