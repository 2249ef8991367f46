/**
 * Messages the background broadcasts to the extension's open pages (every sidebar, side
 * panel, options and library page receives them; each keeps what concerns it). A sidebar
 * framed in a page may have no tabs or session-storage API (Firefox), so what it follows
 * comes this way. Imported by the background (to send) and pages (to listen).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { TabContacts } from './protocol';

export interface BackgroundToPage {
  /** A tab's contacts changed (null: none, e.g. while it loads a new document). */
  tabContactsChanged(data: { tabId: number; tabContacts: TabContacts | null }): void;
}

export const backgroundToPage = defineExtensionMessaging<BackgroundToPage>();

type TabContactsChange = { tabId: number; tabContacts: TabContacts | null };
const followers = new Set<(change: TabContactsChange) => void>();
let stopListening: (() => void) | undefined;

/**
 * Calls `onChange` with each change of any tab's contacts (the caller keeps its tab's: a
 * framed sidebar learns its tab only with its first answer, and must not miss a change made
 * meanwhile). One listener serves every follower: the messaging library allows one per
 * message and page. Returns the stop.
 */
export function followTabContacts(onChange: (change: TabContactsChange) => void): () => void {
  followers.add(onChange);
  stopListening ??= backgroundToPage.onMessage('tabContactsChanged', ({ data }) => {
    for (const follower of followers) follower(data);
  });
  return () => {
    followers.delete(onChange);
    if (followers.size === 0) {
      stopListening?.();
      stopListening = undefined;
    }
  };
}
