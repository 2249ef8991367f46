/**
 * The background's side of opening the sidebar: one question, one answer. The in-page
 * frame's tab comes from the sender (a framed extension page's sender carries its tab) and
 * is vouched for by the one-time token its tab's content script announced; the side panel
 * names its tab. The answer carries the tab's contacts and the primary contact's context, so
 * the sidebar needs no tabs or storage API to paint (Firefox gives a framed page neither).
 */
import type { SidebarOpener, SidebarOpening } from '../protocol/page-to-background';
import { RefusedError } from '../protocol/refused';
import { getContactContext } from './context-handlers';
import { onPageMessage, type PageSender } from './door';
import { frameTokenKnown } from './launcher-handlers';
import { getTabContacts } from './tab-contacts';

const NOT_OUR_FRAME =
  'This sidebar was not opened by Touchpoint on this page, so it shows nothing. Open it with the Touchpoint button on the page or in the toolbar.';

/** The tab the sidebar shows, or the refusal of a frame Touchpoint's launcher did not make. */
async function sidebarTab(opener: SidebarOpener, sender: PageSender): Promise<number> {
  if ('frameToken' in opener) {
    // Framed: always the frame's own tab (a `tabId` it might also name is not read).
    const { tabId } = sender;
    if (tabId !== undefined && (await frameTokenKnown(tabId, opener.frameToken))) return tabId;
    throw new RefusedError('not_our_frame', NOT_OUR_FRAME);
  }
  if (sender.tabId !== undefined && (sender.frameId ?? 0) > 0) {
    // A sidebar framed in a page must show that page's tab and prove its frame.
    throw new RefusedError('not_our_frame', NOT_OUR_FRAME);
  }
  return opener.tabId;
}

export async function openSidebar(
  opener: SidebarOpener,
  sender: PageSender,
): Promise<SidebarOpening> {
  const tabId = await sidebarTab(opener, sender);
  const tabContacts = await getTabContacts(tabId);
  const first = tabContacts?.contacts[0];
  if (!first) return { tabId, tabContacts };
  const contexts = await getContactContext({ emails: [first.email], site: first.site });
  return { tabId, tabContacts, primary: { email: first.email, site: first.site, contexts } };
}

export function registerSidebarHandlers(): void {
  onPageMessage('openSidebar', (data, sender) => openSidebar(data, sender));
}
