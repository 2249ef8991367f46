/**
 * The background's one door per kind of sender: every message handler is registered here,
 * and the sender is checked once, before the handler runs. A refusal is always a
 * `RefusedError` (utils/protocol/refused.ts) that reaches the caller as a rejected message.
 */
import { browser } from 'wxt/browser';
import { contentToBackground, type ContentToBackground } from '../protocol/content-to-background';
import { pageToBackground, type PageToBackground } from '../protocol/page-to-background';
import { RefusedError } from '../protocol/refused';

/** What `runtime.onMessage` says of the sender (the parts the doors read). */
interface RawSender {
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/** A content script of a real tab and frame. */
export interface ContentSender {
  tabId: number;
  frameId: number;
  url: string;
}

/**
 * One of the extension's own pages, known by its URL. `tabId` is the tab it is framed in
 * (the in-page sidebar); absent for the side panel, the options page and the library page.
 */
export interface PageSender {
  url: string;
  tabId?: number;
  frameId?: number;
}

type Handler<Map, K extends keyof Map, Sender> = Map[K] extends (...args: infer A) => infer R
  ? (data: A extends [infer D, ...unknown[]] ? D : undefined, sender: Sender) => R | Promise<R>
  : never;

function isExtensionPage(url: string | undefined): url is string {
  return url?.startsWith(browser.runtime.getURL('/')) ?? false;
}

function tabOf(sender: RawSender): number | undefined {
  const tabId = sender.tab?.id;
  return tabId === undefined || tabId < 0 ? undefined : tabId;
}

/** The sender as a content script of a tab, or the refusal. */
export function contentSender(sender: RawSender): ContentSender {
  const tabId = tabOf(sender);
  if (tabId === undefined || isExtensionPage(sender.url)) {
    throw new RefusedError(
      'not_content_script',
      'Only Touchpoint’s script in a web page can send this message.',
    );
  }
  return { tabId, frameId: sender.frameId ?? 0, url: sender.url ?? '' };
}

/** The sender as one of the extension's pages, or the refusal. */
export function pageSender(sender: RawSender): PageSender {
  if (!isExtensionPage(sender.url)) {
    throw new RefusedError(
      'not_extension_page',
      'Only the extension’s own pages (sidebar, options, library) can ask this.',
    );
  }
  const tabId = tabOf(sender);
  return {
    url: sender.url,
    ...(tabId === undefined ? {} : { tabId, frameId: sender.frameId ?? 0 }),
  };
}

/**
 * Answers `name` from content scripts of tabs only. The check runs synchronously, so a
 * handler that must stay inside the user's gesture (openSidePanel) still can.
 */
export function onContentMessage<K extends keyof ContentToBackground>(
  name: K,
  handler: Handler<ContentToBackground, K, ContentSender>,
): void {
  contentToBackground.onMessage(name, ({ data, sender }) => {
    let verified: ContentSender;
    try {
      verified = contentSender(sender);
    } catch (refusal) {
      return Promise.reject(refusal);
    }
    return (handler as unknown as (data: unknown, sender: ContentSender) => never)(data, verified);
  });
}

/** Answers `name` from the extension's own pages only. */
export function onPageMessage<K extends keyof PageToBackground>(
  name: K,
  handler: Handler<PageToBackground, K, PageSender>,
): void {
  pageToBackground.onMessage(name, ({ data, sender }) => {
    let verified: PageSender;
    try {
      verified = pageSender(sender);
    } catch (refusal) {
      return Promise.reject(refusal);
    }
    return (handler as unknown as (data: unknown, sender: PageSender) => never)(data, verified);
  });
}
