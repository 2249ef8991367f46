import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { sendMessage, type TabContacts } from '../../utils/protocol/protocol';
import { takeEarlyContacts } from './early';

export type TabContactsState =
  | { kind: 'loading' }
  | { kind: 'ready'; tabId: number | undefined; tabContacts: TabContacts | null }
  | { kind: 'error'; message: string };

/**
 * Where the background keeps each tab's contacts (utils/background/tab-contacts.ts). The
 * sidebar watches it rather than asking again: a change reaches the page as a storage event,
 * with no polling and no new message, even while the service worker sleeps.
 */
const TAB_CONTACTS_KEY = 'session:tabContacts';

/** Which tab the sidebar shows: one fixed tab, or whichever tab is active. */
type SidebarTarget =
  | { kind: 'fixed'; tabId: number }
  /** `selfTabId`: the sidebar's own tab when it was opened as a tab (never shown). */
  | { kind: 'follow'; selfTabId: number | undefined };

/**
 * Framed in a page (the in-page sidebar): the page's own tab. Otherwise `?tabId=<id>` (the
 * sidebar opened for a tab, as the tests and benchmarks do) shows that tab, and the browser's
 * side panel (or the page opened as a tab of its own) follows the active tab.
 */
async function sidebarTarget(search: string): Promise<SidebarTarget> {
  // Framed in a page (the in-page sidebar): always the page's own tab, and only in the frame
  // Touchpoint's launcher made (its token); a `?tabId=` there is ignored. A page that frames
  // sidebar.html by itself gets nothing to show or to click.
  if (window.top !== window) {
    const token = new URLSearchParams(location.hash.slice(1)).get('frame') ?? '';
    const [self, ours] = await Promise.all([
      browser.tabs.getCurrent(),
      sendMessage('claimFrame', { token }),
    ]);
    if (self?.id === undefined || !ours) throw new NotOurFrame();
    return { kind: 'fixed', tabId: self.id };
  }
  const self = await browser.tabs.getCurrent();
  const param = Number.parseInt(new URLSearchParams(search).get('tabId') ?? '', 10);
  if (Number.isInteger(param) && param >= 0) return { kind: 'fixed', tabId: param };
  return { kind: 'follow', selfTabId: self?.id };
}

/** A performance mark, the first time only (npm run bench, sidebar-paint, reads them). */
export function markOnce(name: string): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

/** The sidebar was framed by a page, not by Touchpoint's launcher. */
class NotOurFrame extends Error {
  constructor() {
    super(
      'This sidebar was not opened by Touchpoint on this page, so it shows nothing. Open it with the Touchpoint button on the page or in the toolbar.',
    );
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The active tab of the followed window, or undefined when that is the sidebar itself (then
 * the caller keeps showing the tab it had).
 */
async function activeTabId(
  windowId: number | undefined,
  selfTabId: number | undefined,
): Promise<number | undefined> {
  const [active] = await browser.tabs.query(
    windowId === undefined ? { active: true, currentWindow: true } : { active: true, windowId },
  );
  return active?.id === selfTabId ? undefined : active?.id;
}

/**
 * Follows the active tab: of the sidebar's own window for the side panel (each window has its
 * own panel), of the last focused window when the page runs as a tab of its own.
 */
function followActiveTab(
  selfTabId: number | undefined,
  onTab: (tabId: number) => void,
  /** At the start the only active tab is the sidebar's own. */
  onNone: () => void,
  onError: (error: unknown) => void,
): () => void {
  let windowId: number | undefined;
  let live = true;
  const show = (tabId: number | undefined) => live && tabId !== undefined && onTab(tabId);
  const sync = () => activeTabId(windowId, selfTabId).then(show, onError);
  const onActivated = ({ tabId, windowId: activatedIn }: { tabId: number; windowId: number }) => {
    if (tabId !== selfTabId && (windowId === undefined || activatedIn === windowId)) show(tabId);
  };
  const onFocusChanged = (focused: number) => {
    if (focused === browser.windows.WINDOW_ID_NONE) return;
    // A panel stays with its window; a page in a tab follows the window the user is in.
    if (selfTabId !== undefined) windowId = focused;
    if (focused === windowId) void sync();
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.windows.onFocusChanged.addListener(onFocusChanged);
  browser.windows
    .getCurrent()
    .then(async (current) => {
      windowId ??= current.id;
      const tabId = await activeTabId(windowId, selfTabId);
      if (!live) return;
      if (tabId === undefined) onNone();
      else onTab(tabId);
    })
    .catch(onError);
  return () => {
    live = false;
    browser.tabs.onActivated.removeListener(onActivated);
    browser.windows.onFocusChanged.removeListener(onFocusChanged);
  };
}

/** The contacts the background detected in the sidebar's tab, kept current. */
export function useTabContacts(): TabContactsState {
  const [state, setState] = useState<TabContactsState>({ kind: 'loading' });
  const [tabId, setTabId] = useState<number>();
  const [target, setTarget] = useState<SidebarTarget>();

  useEffect(() => {
    let live = true;
    sidebarTarget(location.search)
      .then((found) => {
        if (!live) return;
        setTarget(found);
        if (found.kind === 'fixed') setTabId(found.tabId);
      })
      .catch(
        (error: unknown) =>
          live &&
          setState({
            kind: 'error',
            message:
              error instanceof NotOurFrame
                ? error.message
                : `Could not find the sidebar's tab (${errorText(error)}). Reload the page.`,
          }),
      );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (target?.kind !== 'follow') return;
    return followActiveTab(
      target.selfTabId,
      setTabId,
      // Nothing to show yet: say so instead of loading forever.
      () => setState({ kind: 'ready', tabId: undefined, tabContacts: null }),
      (error) =>
        setState({
          kind: 'error',
          message: `Could not find the active tab (${errorText(error)}). Reload the side panel.`,
        }),
    );
  }, [target]);

  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    const show = (tabContacts: TabContacts | null) => {
      if (!live) return;
      markOnce('touchpoint:tab-contacts');
      setState({ kind: 'ready', tabId, tabContacts });
    };
    let first = true;
    // Storage changes seen so far: an answer asked for before the latest one is older.
    let changes = 0;
    const read = () => {
      const asked = changes;
      // The first read may already be answered (early.ts).
      const early = first ? takeEarlyContacts(tabId) : Promise.resolve(undefined);
      first = false;
      return early
        .then((answer) => answer ?? sendMessage('getTabContacts', { tabId }))
        .then((answer) => asked === changes && show(answer))
        .catch(
          (error: unknown) =>
            live &&
            setState({
              kind: 'error',
              message: `Could not read this tab's contacts (${errorText(error)}). Reload the page.`,
            }),
        );
    };
    void read();
    const unwatch = storage.watch<Record<string, TabContacts>>(TAB_CONTACTS_KEY, (all) => {
      changes++;
      show(all?.[String(tabId)] ?? null);
    });
    // A navigation in the tab: read again once it has loaded (the background clears the
    // tab's contacts when it starts loading; the content script reports the new ones).
    const onUpdated = (updated: number, change: { status?: string }) => {
      if (updated === tabId && change.status === 'complete') void read();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      unwatch();
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId]);

  return state;
}
