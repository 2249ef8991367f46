import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage, type TabContacts } from '../../utils/messaging/protocol';

export type TabContactsState =
  | { kind: 'loading' }
  | { kind: 'ready'; tabContacts: TabContacts | null }
  | { kind: 'error'; message: string };

/**
 * The tab the sidebar shows: `?tabId=<id>` (the in-page iframe passes its tab), else the
 * active tab of the current window (the browser's side panel).
 */
async function sidebarTabId(search: string): Promise<number | undefined> {
  const param = Number.parseInt(new URLSearchParams(search).get('tabId') ?? '', 10);
  if (Number.isInteger(param) && param >= 0) return param;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

/** The contacts the background detected in the sidebar's tab. */
export function useTabContacts(): TabContactsState {
  const [state, setState] = useState<TabContactsState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    sidebarTabId(location.search)
      .then((tabId) => (tabId === undefined ? null : sendMessage('getTabContacts', { tabId })))
      .then((tabContacts) => live && setState({ kind: 'ready', tabContacts }))
      .catch(
        (error: unknown) =>
          live &&
          setState({
            kind: 'error',
            message: `Could not read this tab's contacts (${error instanceof Error ? error.message : String(error)}). Reload the page.`,
          }),
      );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
