/**
 * Messages the background broadcasts to the extension's open pages (every sidebar, side
 * panel, options and library page receives them; each keeps what concerns it). A sidebar
 * framed in a page may have no tabs or session-storage API (Firefox), so what it follows
 * comes this way. Imported by the background (to send) and pages (to listen).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { TabDraftCheck } from './draft-protocol';
import type { TabContacts } from './protocol';

export interface BackgroundToPage {
  /** A tab's contacts changed (null: none, e.g. while it loads a new document). */
  tabContactsChanged(data: { tabId: number; tabContacts: TabContacts | null }): void;
  /** The check of a tab's open compose changed (null: no compose, or it closed). */
  draftCheckChanged(data: { tabId: number; check: TabDraftCheck | null }): void;
}

export const backgroundToPage = defineExtensionMessaging<BackgroundToPage>();

type Change<K extends keyof BackgroundToPage> = Parameters<BackgroundToPage[K]>[0];

/**
 * Calls a page's followers with each broadcast of `name`, for every tab (the caller keeps its
 * tab's: a framed sidebar learns its tab only with its first answer, and must not miss a
 * change made meanwhile). One listener serves every follower: the messaging library allows
 * one per message and page. Returns `follow(onChange)`, which returns the stop.
 */
function followers<K extends keyof BackgroundToPage>(name: K) {
  const all = new Set<(change: Change<K>) => void>();
  let stopListening: (() => void) | undefined;
  return (onChange: (change: Change<K>) => void): (() => void) => {
    all.add(onChange);
    stopListening ??= backgroundToPage.onMessage(name, ({ data }) => {
      for (const follower of all) follower(data as Change<K>);
    });
    return () => {
      all.delete(onChange);
      if (all.size === 0) {
        stopListening?.();
        stopListening = undefined;
      }
    };
  };
}

/** Each change of any tab's contacts. */
export const followTabContacts = followers('tabContactsChanged');
/** Each new draft check of any tab. */
export const followDraftChecks = followers('draftCheckChanged');
