/**
 * Where this sidebar runs, and its one question to the background as it opens
 * (`openSidebar`: the tab, its contacts and the primary contact's context). The question is
 * asked as this module loads, while React (most of the page's script) is still being
 * evaluated; entrypoints/sidebar/main.tsx imports it first.
 */
import {
  pageToBackground,
  type SidebarOpener,
  type SidebarOpening,
} from '../../utils/protocol/page-to-background';

/**
 * Framed in a page (the in-page sidebar): that page's tab, vouched for by the frame's
 * one-time token (a `?tabId=` there is not read). Else `?tabId=<id>` (the sidebar opened for
 * a tab, as the tests and benchmarks do); else the browser's side panel (or the page opened
 * as a tab of its own), which follows the active tab.
 */
export type SidebarPlace = { kind: 'opener'; opener: SidebarOpener } | { kind: 'follow' };

function sidebarPlace(win: Window): SidebarPlace {
  if (win.top !== win) {
    const frameToken = new URLSearchParams(win.location.hash.slice(1)).get('frame') ?? '';
    return { kind: 'opener', opener: { frameToken } };
  }
  const param = Number.parseInt(new URLSearchParams(win.location.search).get('tabId') ?? '', 10);
  if (Number.isInteger(param) && param >= 0) return { kind: 'opener', opener: { tabId: param } };
  return { kind: 'follow' };
}

export const place = sidebarPlace(window);

let first: Promise<SidebarOpening> | undefined =
  place.kind === 'opener' ? pageToBackground.sendMessage('openSidebar', place.opener) : undefined;
// Its failure reaches whoever takes it; unclaimed, it must not be reported as unhandled.
first?.catch(() => undefined);

/** Opens the sidebar on `opener`: the answer already asked for, the first time. */
export function openSidebar(opener: SidebarOpener): Promise<SidebarOpening> {
  const asked = place.kind === 'opener' && place.opener === opener ? first : undefined;
  first = undefined;
  return asked ?? pageToBackground.sendMessage('openSidebar', opener);
}
