/**
 * The background's side of the draft check: a tab's content script sends the text
 * of its open compose; the background checks it against the messaging of the compose's
 * recipients and keeps the result, per tab, for the sidebar. The text itself is dropped
 * once checked; it never goes to a backend. The recipients' messaging comes from the context
 * cache (no lookup is made because a rep types) and the backends' messaging library
 * (`GET /v1/messaging`, kept 5 minutes), which also brings the phrases to avoid.
 */
import { browser } from 'wxt/browser';
import type { ContactContext } from '../backend-client/context-merge';
import { errorText } from '../contract/errors';
import type { Messaging } from '../contract/schemas';
import { checkDraft } from '../consistency/check-draft';
import { exposureTouches, messagingExposure } from '../consistency/exposure';
import type { DraftSummary, TabDraftCheck } from '../protocol/draft-protocol';
import { backgroundToPage } from '../protocol/background-to-page';
import { storage } from 'wxt/utils/storage';
import { serialUpdates } from '../settings/serial-update';
import { contextClient } from './context-handlers';
import type { ContextClient } from '../backend-client/context-client';
import { onContentMessage, onPageMessage } from './door';
import { getTabContacts } from './tab-contacts';

const LIBRARY_FRESH_MS = 5 * 60_000;
/** After a failed read, typing does not ask again for this long. */
const LIBRARY_RETRY_MS = 30_000;

interface LibraryRead {
  client: ContextClient;
  at: number;
  messaging: Messaging[];
  failure?: string;
}
let library: LibraryRead | undefined;
let reading: Promise<LibraryRead> | undefined;

/**
 * The backends' messaging library, read at most once per 5 minutes (30 s after a failure)
 * and once at a time, per settings (a new client means new backends): a rep typing into
 * several composes never makes a dead backend busier.
 */
async function messagingLibrary(
  now: number,
): Promise<{ messaging: Messaging[]; failure?: string }> {
  const client = await contextClient();
  if (library?.client === client) {
    const age = now - library.at;
    if (age < (library.failure ? LIBRARY_RETRY_MS : LIBRARY_FRESH_MS)) return library;
  }
  reading ??= client
    .messaging([])
    .then((outcome): LibraryRead => {
      const failed = outcome.sources.filter((source) => source.state !== 'ok');
      const failure =
        failed.length > 0
          ? failed.map((source) => source.message ?? `${source.name}: ${source.state}`).join(' ')
          : undefined;
      // A backend that failed keeps the last library it gave, if any.
      const previous = library?.client === client ? library.messaging : [];
      const messaging = outcome.messaging.length > 0 || !failure ? outcome.messaging : previous;
      return { client, at: now, messaging, ...(failure ? { failure } : {}) };
    })
    .catch((error: unknown): LibraryRead => ({
      client,
      at: now,
      messaging: [],
      failure: errorText(error),
    }))
    .then((read) => {
      library = read;
      return read;
    })
    .finally(() => {
      reading = undefined;
    });
  return reading;
}

/** messagingId → how many touches the recipients had with it (engagements, assets, campaigns). */
function touchesByMessaging(contexts: Iterable<ContactContext>, now: number): Map<string, number> {
  const touches = new Map<string, number>();
  for (const context of contexts) {
    for (const [id, count] of exposureTouches(messagingExposure(context, { now }))) {
      touches.set(id, (touches.get(id) ?? 0) + count);
    }
  }
  return touches;
}

function byId(...lists: Messaging[][]): Messaging[] {
  const seen = new Map<string, Messaging>();
  for (const list of lists)
    for (const entry of list) if (!seen.has(entry.id)) seen.set(entry.id, entry);
  return [...seen.values()];
}

// One check at a time per tab; a newer text replaces a waiting one.
const latest = new Map<number, string>();
/**
 * The draft check of each tab's open compose (session storage: Chrome keeps it in memory,
 * and the draft's text is never in it). Pages are sent each change (`draftCheckChanged`):
 * a sidebar framed in a page may have no session storage to watch (Firefox).
 */
const draftChecksItem = storage.defineItem<Record<string, TabDraftCheck>>('session:draftChecks', {
  fallback: {},
});
const checks = serialUpdates(draftChecksItem);

/** Stores the tab's check (null removes it) and tells the open pages. */
async function setTabCheck(tabId: number, check: TabDraftCheck | null, unless?: () => boolean) {
  let changed = false;
  await checks.update((all) => {
    if (unless?.()) return;
    if (check) all[tabId] = check;
    else delete all[tabId];
    changed = true;
  });
  if (!changed) return;
  // No page open is no failure: a sidebar opened later asks with getDraftCheck.
  backgroundToPage.sendMessage('draftCheckChanged', { tabId, check }).catch(() => undefined);
}

/** Checks `text` for `tabId` and stores the result ('' clears it); returns its counts. */
async function checkTabDraft(
  tabId: number,
  text: string,
  now = Date.now(),
): Promise<DraftSummary | null> {
  latest.set(tabId, text);
  if (text.trim() === '') {
    latest.delete(tabId);
    await setTabCheck(tabId, null);
    return null;
  }
  const tab = await getTabContacts(tabId);
  const contacts = tab?.contacts ?? [];
  const compose = contacts.filter((contact) => contact.role === 'compose');
  const recipients = (compose.length > 0 ? compose : contacts.slice(0, 1)).map((c) => c.email);

  const notes: string[] = [];
  const client = await contextClient();
  const contexts = recipients.length > 0 ? await client.cached(recipients) : new Map();
  const missing = recipients.filter((email) => !contexts.has(email));
  if (missing.length > 0) {
    notes.push(
      `Not looked up yet: ${missing.join(', ')}. Open the sidebar on them to check against what they saw.`,
    );
  }
  const lib = await messagingLibrary(now);
  if (lib.failure) notes.push(`The messaging library could not be read: ${lib.failure}`);
  const messaging = byId(...[...contexts.values()].map((c) => c.messaging), lib.messaging);
  if (messaging.length === 0 && notes.length === 0) {
    notes.push('The backend lists no messaging, so there is nothing to check the draft against.');
  }

  // A newer text arrived while this one waited: it will be checked and stored instead.
  if (latest.get(tabId) !== text) return null;
  const check = checkDraft(text, messaging, {
    now,
    engagement: touchesByMessaging(contexts.values(), now),
  });
  const result: TabDraftCheck = {
    checkedAt: now,
    recipients,
    messagingCount: messaging.length,
    check,
    ...(notes.length > 0 ? { message: notes.join(' ') } : {}),
  };
  await setTabCheck(tabId, result, () => latest.get(tabId) !== text);
  return { problems: check.avoided.length + check.outdated.length, covered: check.covered.length };
}

export async function getDraftCheck(tabId: number): Promise<TabDraftCheck | null> {
  await checks.idle();
  return (await draftChecksItem.getValue())[tabId] ?? null;
}

export function registerDraftHandlers(): void {
  onContentMessage('draftChanged', (data, { tabId }) =>
    checkTabDraft(tabId, typeof data.text === 'string' ? data.text : ''),
  );
  onPageMessage('getDraftCheck', (data) => getDraftCheck(data.tabId));
  const forget = (tabId: number) => {
    latest.delete(tabId);
    void setTabCheck(tabId, null);
  };
  browser.tabs.onRemoved.addListener(forget);
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading') forget(tabId);
  });
}
