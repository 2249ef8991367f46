import { storage } from 'wxt/utils/storage';
import { backgroundToPage } from '../protocol/background-to-page';
import type { TabContacts } from '../protocol/protocol';
import { serialUpdates } from '../settings/serial-update';

/**
 * Contacts per tab, kept in session storage so they survive the service worker being stopped
 * (MV3) but not the browser. Pages do not read it: each change is sent to them
 * (`tabContactsChanged`), which a sidebar framed in a page can receive in every browser.
 */
const tabContactsItem = storage.defineItem<Record<string, TabContacts>>('session:tabContacts', {
  fallback: {},
});

const updates = serialUpdates(tabContactsItem);

/** Tells the open pages; none open (the common case) is no failure. */
function announce(tabId: number, tabContacts: TabContacts | null): void {
  backgroundToPage.sendMessage('tabContactsChanged', { tabId, tabContacts }).catch(() => undefined);
}

export async function setTabContacts(tabId: number, entry: TabContacts): Promise<void> {
  const tabContacts = entry.contacts.length === 0 ? null : entry;
  await updates.update((all) => {
    if (tabContacts) all[tabId] = tabContacts;
    else delete all[tabId];
  });
  announce(tabId, tabContacts);
}

export async function clearTabContacts(tabId: number): Promise<void> {
  let had = false;
  await updates.update((all) => {
    had = tabId in all;
    delete all[tabId];
  });
  if (had) announce(tabId, null);
}

export async function getTabContacts(tabId: number): Promise<TabContacts | null> {
  await updates.idle();
  return (await tabContactsItem.getValue())[tabId] ?? null;
}
