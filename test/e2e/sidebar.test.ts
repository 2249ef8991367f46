import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_KEYS } from '../../server/demo-keys';
import { startServer } from '../../server/main';
import type { RunningServer } from '../../server/main';
import { DEMO_PROMINENT_CONTACTS } from '../../server/seed/demo';
import type { TabContacts } from '../../utils/messaging/protocol';
import { screenshot, unexpectedProblems, withExtension } from './harness';
import type { ExtensionSession } from './harness';

/**
 * The sidebar page (issue 5) against the reference server's demo data: the demo inbox open
 * in one tab, `sidebar.html?tabId=<that tab>` in another.
 */

let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-e2e-sidebar-'));
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dataDir, 'touchpoint.db'),
    seed: 'demo',
  });
});
afterAll(async () => {
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/**
 * A multi-party message on loopback (the demo inbox's list is page chrome to generic
 * detection, which finds only the open message's sender there).
 */
function threadHtml(emails: string[]): string {
  const links = emails.map((email) => `<a href="mailto:${email}">${email}</a>`);
  return `<!doctype html><html lang="en"><head><title>Re: rollout</title></head><body><main>
<article><h1>Re: rollout</h1><p>From: ${links[0]}</p><p>To: ${links.slice(1).join(', ')}</p>
<p>Let us go through pricing and rollout next week.</p></article></main></body></html>`;
}

/** Opens `path` on the server, waits for the background to hold its contacts, returns them. */
async function openDemoPage(
  session: ExtensionSession,
  path = '/demo',
): Promise<{ tabId: number; tab: TabContacts }> {
  const page = await session.newPage();
  const url = `${server.url}${path}`;
  await page.goto(url);
  let found: { tabId: number; tab: TabContacts } | undefined;
  await expect
    .poll(
      async () => {
        found = await session.serviceWorker.evaluate(async (url) => {
          const { chrome } = globalThis as unknown as {
            chrome: {
              tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
              storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
            };
          };
          const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
          const { tabContacts } = await chrome.storage.session.get('tabContacts');
          const entry = (tabContacts as Record<string, TabContacts> | undefined)?.[String(tab?.id)];
          return tab?.id !== undefined && entry ? { tabId: tab.id, tab: entry } : undefined;
        }, url);
        return found?.tab.contacts.length ?? 0;
      },
      { timeout: 10_000 },
    )
    .toBeGreaterThan(0);
  return found as { tabId: number; tab: TabContacts };
}

async function openSidebar(session: ExtensionSession, tabId: number): Promise<Page> {
  return session.openExtensionPage(`sidebar.html?tabId=${tabId}`);
}

describe('the sidebar page', () => {
  it('shows the primary contact’s context and switches to another detected contact', async () => {
    await withExtension({ backend: { baseUrl: server.url, apiKey: DEMO_KEYS.read } }, async (s) => {
      const { tabId, tab } = await openDemoPage(s);
      // The demo inbox's open message is from the richest demo contact.
      const primary = tab.contacts[0];
      expect(primary?.email).toBe(DEMO_PROMINENT_CONTACTS[0]);
      const [dana] = await server.store.findContacts({ email: primary?.email ?? '' });

      const page = await openSidebar(s, tabId);
      const name = page.getByRole('heading', { level: 2 });
      await expect.poll(() => name.textContent(), { timeout: 15_000 }).toBe(dana?.name);
      expect(dana?.name).toBe('Dana Whitfield');
      await expect
        .poll(() => page.locator('.contact-header .company').textContent())
        .toBe(dana?.company?.name);
      expect(await page.getByTestId('why').textContent()).toMatch(
        /Why this contact: .+ \(primary\)/,
      );
      expect(await page.locator('.highlights li').count()).toBeGreaterThan(0);
      expect(await page.locator('.engagement').count()).toBeGreaterThan(5);
      // Every machine-suspected open or click carries the marker, and only those.
      const machine = page.locator('[data-confidence="machine_suspected"]');
      expect(await page.getByText('possibly automated', { exact: true }).count()).toBe(
        await machine.count(),
      );
      expect(await page.locator('footer').textContent()).toContain(
        'Connected to touchpoint-reference-server',
      );
      await screenshot(page, 'sidebar-contact');

      // Load more through the cursor, when the first page did not hold everything.
      const loadMore = page.getByRole('button', { name: 'Load more' });
      if ((await loadMore.count()) > 0) {
        const before = await page.locator('.engagement').count();
        await loadMore.click();
        await expect.poll(() => page.locator('.engagement').count()).toBeGreaterThan(before);
      }

      // A thread with several external participants: the switcher shows each.
      await s.routeHtml(
        `${server.url}/demo-thread`,
        threadHtml(DEMO_PROMINENT_CONTACTS.slice(0, 3)),
      );
      const thread = await openDemoPage(s, '/demo-thread');
      expect(thread.tab.contacts.length).toBe(3);
      await page.goto(s.extensionUrl(`sidebar.html?tabId=${thread.tabId}`));
      await expect.poll(() => name.textContent(), { timeout: 15_000 }).toBe(dana?.name);
      const other = thread.tab.contacts[1];
      const [otherContact] = await server.store.findContacts({ email: other?.email ?? '' });
      await page.getByLabel(/^Contact \(/).selectOption(other?.email ?? '');
      await expect.poll(() => name.textContent(), { timeout: 15_000 }).toBe(otherContact?.name);
      await screenshot(page, 'sidebar-switched');

      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'sidebar-dark');
      expect(unexpectedProblems(s)).toBe('');
    });
  });

  it('says the backend is unreachable when it is stopped (empty cache)', async () => {
    const closed = await startServer({
      port: 0,
      host: '127.0.0.1',
      dbPath: join(dataDir, 'closed.db'),
    });
    const deadUrl = closed.url;
    await closed.close();
    await withExtension({ backend: { baseUrl: deadUrl, apiKey: DEMO_KEYS.read } }, async (s) => {
      const { tabId } = await openDemoPage(s);
      const page = await openSidebar(s, tabId);
      const message = page.locator('main [data-state="unreachable"]');
      await message.waitFor({ timeout: 20_000 });
      expect(await message.getAttribute('role')).toBe('alert');
      expect(await message.textContent()).toContain(`Cannot connect to ${deadUrl}`);
      await screenshot(page, 'sidebar-unreachable');
    });
  });

  it('says the key was refused when the key is wrong', async () => {
    await withExtension({ backend: { baseUrl: server.url, apiKey: 'tp_wrong_key' } }, async (s) => {
      const { tabId } = await openDemoPage(s);
      const page = await openSidebar(s, tabId);
      const message = page.locator('main [data-state="unauthorized"]');
      await message.waitFor({ timeout: 15_000 });
      expect(await message.textContent()).toMatch(/refused the API key/);
      await screenshot(page, 'sidebar-key-refused');
      expect(unexpectedProblems(s, [/status of 40[13]/])).toBe('');
    });
  });
});
