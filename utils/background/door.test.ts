import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { contentSender, pageSender } from './door';
import { registerLauncherHandlers } from './launcher-handlers';
import { registerSidebarHandlers } from './sidebar-handlers';
import { setTabContacts } from './tab-contacts';

/** The doors check each sender once and refuse in one way; the sidebar's opening uses them. */

async function send(type: string, data: unknown, sender: unknown) {
  const answers = await (
    fakeBrowser.runtime.onMessage as unknown as {
      trigger(message: unknown, sender: unknown): Promise<unknown[]>;
    }
  ).trigger({ id: 1, type, data, timestamp: 0 }, sender);
  return answers.find((a) => a !== undefined) as {
    res?: unknown;
    err?: { name: string; code?: string; message: string };
  };
}

const PAGE_URL = () => fakeBrowser.runtime.getURL('/sidebar.html');
const TOKEN = '0b5e6c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b';

beforeAll(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  registerLauncherHandlers();
  registerSidebarHandlers();
});

describe('the doors', () => {
  it('takes a content script of a real tab and frame, nothing else', () => {
    const tab = { url: 'https://mail.google.com/mail/u/0/', tab: { id: 4 }, frameId: 2 };
    expect(contentSender(tab)).toEqual({ tabId: 4, frameId: 2, url: tab.url });
    for (const other of [
      { url: 'https://mail.google.com/' },
      { url: 'https://mail.google.com/', tab: { id: -1 } },
      { url: PAGE_URL(), tab: { id: 4 } },
    ]) {
      expect(() => contentSender(other)).toThrow(
        expect.objectContaining({ name: 'RefusedError', code: 'not_content_script' }),
      );
    }
  });

  it('takes an extension page by its URL, with the tab it is framed in', () => {
    expect(pageSender({ url: PAGE_URL() })).toEqual({ url: PAGE_URL() });
    expect(pageSender({ url: PAGE_URL(), tab: { id: 4 }, frameId: 3 })).toEqual({
      url: PAGE_URL(),
      tabId: 4,
      frameId: 3,
    });
    expect(() => pageSender({ url: 'https://evil.example/', tab: { id: 4 } })).toThrow(
      expect.objectContaining({ name: 'RefusedError', code: 'not_extension_page' }),
    );
  });

  it('refuses a content message from a page as a rejected message', async () => {
    const answer = await send('expectFrame', { token: TOKEN }, { url: PAGE_URL() });
    expect(answer.err).toMatchObject({ name: 'RefusedError', code: 'not_content_script' });
  });
});

describe('openSidebar', () => {
  const contacts = [{ email: 'raj@globex.example', role: 'sender', site: 'gmail', confidence: 1 }];

  it('opens a framed sidebar on its own tab once its token was announced', async () => {
    await setTabContacts(9, { url: 'https://mail.google.com/', contacts: [], detectedAt: 1 });
    await send(
      'expectFrame',
      { token: TOKEN },
      { url: 'https://mail.google.com/', tab: { id: 9 } },
    );
    const answer = await send(
      'openSidebar',
      { frameToken: TOKEN },
      { url: PAGE_URL(), tab: { id: 9 }, frameId: 5 },
    );
    expect(answer.res).toEqual({ tabId: 9, tabContacts: null });
  });

  it('refuses a frame without a token of its tab, and one that names a tab instead', async () => {
    await setTabContacts(8, {
      url: 'https://mail.google.com/',
      contacts: contacts as never,
      detectedAt: 1,
    });
    const framed = { url: PAGE_URL(), tab: { id: 8 }, frameId: 5 };
    const unknown = await send('openSidebar', { frameToken: 'not-announced' }, framed);
    expect(unknown.err).toMatchObject({ name: 'RefusedError', code: 'not_our_frame' });
    const named = await send('openSidebar', { tabId: 8 }, framed);
    expect(named.err).toMatchObject({ name: 'RefusedError', code: 'not_our_frame' });
    // A token announced for another tab does not open this one.
    const other = await send('openSidebar', { frameToken: TOKEN }, framed);
    expect(other.err).toMatchObject({ code: 'not_our_frame' });
  });
});
