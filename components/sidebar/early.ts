/**
 * The sidebar's first questions to the background, asked as soon as the page starts, while
 * React (most of the page's script) is still being evaluated: the tab's contacts, then the
 * primary contact's context. The hooks take these answers for their first read instead of
 * asking again. Imported first by entrypoints/sidebar/main.tsx; only with `?tabId=` (the
 * in-page frame and tests; the side panel finds its tab later).
 */
import type { ContactContext } from '../../utils/api/context-merge';
import { sendMessage, type TabContacts } from '../../utils/messaging/protocol';

interface EarlyContext {
  email: string;
  site: string;
  contexts: Promise<Record<string, ContactContext>>;
}

let contacts: { tabId: number; answer: Promise<TabContacts | null> } | undefined;
let context: Promise<EarlyContext | null> | undefined;

const tabId = Number.parseInt(new URLSearchParams(location.search).get('tabId') ?? '', 10);
if (Number.isInteger(tabId) && tabId >= 0) {
  const answer = sendMessage('getTabContacts', { tabId });
  contacts = { tabId, answer };
  context = answer.then((tab) => {
    const first = tab?.contacts[0];
    if (!first) return null;
    const contexts = sendMessage('getContactContext', { emails: [first.email], site: first.site });
    // A failure reaches whoever takes it; unclaimed, it must not be reported as unhandled.
    contexts.catch(() => undefined);
    return { email: first.email, site: first.site, contexts };
  });
  answer.catch(() => undefined);
  context.catch(() => undefined);
}

/** The early answer for `tabId`'s contacts, the first time only. */
export function takeEarlyContacts(id: number): Promise<TabContacts | null> | undefined {
  if (contacts?.tabId !== id) return undefined;
  const { answer } = contacts;
  contacts = undefined;
  return answer;
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
