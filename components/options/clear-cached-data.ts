import { browser } from 'wxt/browser';

/**
 * Keys that hold what a tab's page shows, not backend data: clearing them would only blank
 * open sidebars until the page is detected again.
 */
const KEEP_SESSION_KEYS = new Set(['tabContacts', 'tabContacts$']);

/** Deletes cached backend answers: session storage, and `cache*` keys in local storage. */
export async function clearCachedData(): Promise<number> {
  const [session, local] = await Promise.all([
    browser.storage.session.get(null),
    browser.storage.local.get(null),
  ]);
  const sessionKeys = Object.keys(session).filter((key) => !KEEP_SESSION_KEYS.has(key));
  const localKeys = Object.keys(local).filter((key) => key.startsWith('cache'));
  await Promise.all([
    browser.storage.session.remove(sessionKeys),
    browser.storage.local.remove(localKeys),
  ]);
  return sessionKeys.length + localKeys.length;
}
