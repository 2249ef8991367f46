/**
 * The sidebar's first questions to the background, asked as soon as the page starts, while
 * React (most of the page's script) is still being evaluated: the tab's contacts, then the
 * primary contact's context. The hooks take these answers for their first read instead of
 * asking again. Imported first by entrypoints/sidebar/main.tsx. For the in-page frame and a
 * sidebar opened for a tab (`?tabId=`); the side panel finds its tab later.
 */
import { browser } from 'wxt/browser';
import type { ContactContext } from '../../utils/backend-client/context-merge';
import { sendMessage, type TabContacts } from '../../utils/protocol/protocol';

interface EarlyContext {
  email: string;
  site: string;
  contexts: Promise<Record<string, ContactContext>>;
}

let taken = false;
let context: Promise<EarlyContext | null> | undefined;

/**
 * The sidebar's tab as use-tab-contacts.ts finds it (undefined for the side panel), and
 * whether a lookup may start: in a frame, only once the background vouched for the frame
 * (see use-tab-contacts.ts), so a sidebar that a page framed by itself looks nobody up. The
 * tab's contacts are asked for meanwhile: they never leave this page.
 */
function earlyTarget(): { tabId: Promise<number | undefined>; vouched: Promise<boolean> } {
  if (window.top !== window) {
    const token = new URLSearchParams(location.hash.slice(1)).get('frame') ?? '';
    return {
      tabId: browser.tabs.getCurrent().then((tab) => tab?.id),
      vouched: sendMessage('claimFrame', { token }),
    };
  }
  const param = Number.parseInt(new URLSearchParams(location.search).get('tabId') ?? '', 10);
  const tabId = Number.isInteger(param) && param >= 0 ? param : undefined;
  return { tabId: Promise.resolve(tabId), vouched: Promise.resolve(true) };
}

const target = earlyTarget();
target.vouched.catch(() => undefined);
const answerFor = target.tabId
  .catch(() => undefined)
  .then((tabId) => {
    if (tabId === undefined) return undefined;
    const answer = sendMessage('getTabContacts', { tabId });
    answer.catch(() => undefined); // taken (with its failure) by use-tab-contacts.ts
    return { tabId, answer };
  });
context = answerFor.then(async (asked) => {
  const [tab, vouched] = await Promise.all([asked?.answer, target.vouched]);
  const first = tab?.contacts[0];
  if (!first || !vouched) return null;
  const contexts = sendMessage('getContactContext', { emails: [first.email], site: first.site });
  // A failure reaches whoever takes it; unclaimed, it must not be reported as unhandled.
  contexts.catch(() => undefined);
  return { email: first.email, site: first.site, contexts };
});
context.catch(() => undefined);

/** The early answer for `tabId`'s contacts, the first time only. */
export async function takeEarlyContacts(id: number): Promise<TabContacts | null | undefined> {
  if (taken) return undefined;
  taken = true;
  const asked = await answerFor;
  return asked?.tabId === id ? asked.answer : undefined;
}

/** The early context lookup if it was for `email` at `site` (the first time only). */
export async function takeEarlyContext(
  email: string,
  site: string | undefined,
): Promise<Record<string, ContactContext> | undefined> {
  const pending = context;
  context = undefined;
  const early = await pending?.catch(() => null);
  return early && early.email === email && early.site === site ? early.contexts : undefined;
}
