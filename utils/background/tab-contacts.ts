import { storage } from 'wxt/utils/storage';
import type { TabContacts } from '../protocol/protocol';

/**
 * Contacts per tab, kept in session storage so they survive the service worker being stopped
 * (MV3) but not the browser. Only trusted extension contexts can read session storage.
 */
const tabContactsItem = storage.defineItem<Record<string, TabContacts>>('session:tabContacts', {
  fallback: {},
});

// Serialise read-modify-write cycles: messages from several tabs can arrive together.
let queue: Promise<unknown> = Promise.resolve();
function update(change: (all: Record<string, TabContacts>) => void): Promise<void> {
  const next = queue.then(async () => {
    const all = await tabContactsItem.getValue();
    change(all);
    await tabContactsItem.setValue(all);
  });
  queue = next.catch(() => undefined);
  return next;
}

export function setTabContacts(tabId: number, entry: TabContacts): Promise<void> {
  return update((all) => {
    if (entry.contacts.length === 0) delete all[tabId];
    else all[tabId] = entry;
  });
}

export function clearTabContacts(tabId: number): Promise<void> {
  return update((all) => {
    delete all[tabId];
  });
}

export async function getTabContacts(tabId: number): Promise<TabContacts | null> {
  await queue;
  return (await tabContactsItem.getValue())[tabId] ?? null;
}
