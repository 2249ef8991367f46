import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { errorText } from '../../utils/contract/errors';
import { followTabContacts } from '../../utils/protocol/background-to-page';
import type { SidebarOpener, SidebarOpening } from '../../utils/protocol/page-to-background';
import type { TabContacts } from '../../utils/protocol/protocol';
import { isRefusal } from '../../utils/protocol/refused';
import { useLiveEffect } from '../use-live-effect';
import { openSidebar, place } from './opening';
import { markOnce } from './paint-marks';

export type TabContactsState =
  | { kind: 'loading' }
  | {
      kind: 'ready';
      tabId: number | undefined;
      tabContacts: TabContacts | null;
      /** The primary contact's context, answered with the contacts (until they change). */
      primary?: SidebarOpening['primary'];
      /** ms since epoch of that answer. */
      receivedAt?: number;
    }
  | { kind: 'error'; message: string };

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

/**
 * The contacts the background detected in the sidebar's tab, kept current: one
 * `openSidebar` per tab shown, then the changes the background sends. Only the side panel
 * (which follows the active tab) uses the tabs API; a framed sidebar needs none.
 */
export function useTabContacts(): TabContactsState {
  const [state, setState] = useState<TabContactsState>({ kind: 'loading' });
  // The side panel: the active tab, once known; undefined before, and for the other places.
  const [followed, setFollowed] = useState<number>();

  useEffect(() => {
    if (place.kind !== 'follow') return;
    let selfTabId: number | undefined;
    let stop: (() => void) | undefined;
    let live = true;
    const failed = (error: unknown) =>
      setState({
        kind: 'error',
        message: `Could not find the active tab (${errorText(error)}). Reload the side panel.`,
      });
    browser.tabs
      .getCurrent()
      .then((self) => {
        if (!live) return;
        selfTabId = self?.id;
        stop = followActiveTab(
          selfTabId,
          setFollowed,
          // Nothing to show yet: say so instead of loading forever.
          () => setState({ kind: 'ready', tabId: undefined, tabContacts: null }),
          failed,
        );
      })
      .catch(failed);
    return () => {
      live = false;
      stop?.();
    };
  }, []);

  const opener = useMemo<SidebarOpener | undefined>(
    () =>
      place.kind === 'opener'
        ? place.opener
        : followed === undefined
          ? undefined
          : { tabId: followed },
    [followed],
  );
  useLiveEffect(
    (live) => {
      if (!opener) return;
      let tabId: number | undefined;
      // Changes that arrive before the answer names the tab: the newest per tab wins over it.
      const early = new Map<number, TabContacts | null>();
      const stop = followTabContacts((change) => {
        if (!live()) return;
        if (tabId === undefined) early.set(change.tabId, change.tabContacts);
        else if (change.tabId === tabId) {
          setState({ kind: 'ready', tabId, tabContacts: change.tabContacts });
        }
      });
      openSidebar(opener)
        .then((opening) => {
          if (!live()) return;
          tabId = opening.tabId;
          markOnce('tabContacts');
          setState(
            early.has(tabId)
              ? { kind: 'ready', tabId, tabContacts: early.get(tabId) ?? null }
              : {
                  kind: 'ready',
                  tabId,
                  tabContacts: opening.tabContacts,
                  ...(opening.primary ? { primary: opening.primary } : {}),
                  receivedAt: Date.now(),
                },
          );
        })
        .catch(
          (error: unknown) =>
            live() &&
            setState({
              kind: 'error',
              message: isRefusal(error)
                ? error.message
                : `Could not read this tab's contacts (${errorText(error)}). Reload the page.`,
            }),
        );
      return stop;
    },
    [opener],
  );

  return state;
}
