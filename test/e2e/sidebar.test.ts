import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_KEYS } from '../../server/demo-keys';
import { startServer } from '../../server/main';
import type { RunningServer } from '../../server/main';
import { DEMO_PROMINENT_CONTACTS, DEMO_SCENARIOS } from '../../server/seed/demo';
import type { TabContacts } from '../../utils/protocol/protocol';
import {
  SCREENSHOT_DIR,
  screenshot,
  tabContactsOf,
  unexpectedProblems,
  withExtension,
} from './harness';
import type { ExtensionSession } from './harness';

/**
 * The sidebar page against the reference server's demo data: the demo inbox open
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
): Promise<{ tabId: number; tab: TabContacts; page: Page }> {
  const page = await session.newPage();
  const url = `${server.url}${path}`;
  await page.goto(url);
  return { ...(await tabContactsOf(session, url)), page };
}

/** The sidebar page for `tabId` (none: the side-panel mode, following the active tab). */
async function openSidebar(session: ExtensionSession, tabId?: number): Promise<Page> {
  const page = await session.newPage();
  // About the width of a side panel.
  await page.setViewportSize({ width: 420, height: 900 });
  await page.goto(
    session.extensionUrl(`sidebar.html${tabId === undefined ? '' : `?tabId=${tabId}`}`),
  );
  return page;
}

/**
 * What the top of the sidebar looks like (the README shows these): the viewport, where the
 * harness's `screenshot` takes the whole, long page.
 */
async function viewportShot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** The demo contact's name as the server stores it. */
async function contactName(email: string | undefined): Promise<string | undefined> {
  const [contact] = await server.store.findContacts({ email: email ?? '' });
  return contact?.name;
}

/** The name in the sidebar's header (the one level-2 heading). */
function shownName(page: Page): Promise<string | null> {
  return page.getByRole('heading', { level: 2 }).textContent();
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
      // The timeline follows the header in a transition (ContextView, first contact shown).
      await expect.poll(() => page.locator('.engagement').count()).toBeGreaterThan(5);
      // Every machine-suspected open or click carries the marker, and only those.
      const machine = page.locator('[data-confidence="machine_suspected"]');
      expect(await page.getByText('possibly automated', { exact: true }).count()).toBe(
        await machine.count(),
      );
      expect(await page.locator('footer').textContent()).toContain(
        'Connected to touchpoint-reference-server',
      );
      await screenshot(page, 'sidebar-contact');
      await viewportShot(page, 'sidebar-ready-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await viewportShot(page, 'sidebar-ready-dark');
      await page.emulateMedia({ colorScheme: 'light' });

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
      await screenshot(page, 'sidebar-switched-dark');
      expect(unexpectedProblems(s)).toBe('');
    });
  });

  it('filters the timeline by channel and by possibly automated activity, Load more included', async () => {
    await withExtension({ backend: { baseUrl: server.url, apiKey: DEMO_KEYS.read } }, async (s) => {
      const { tabId } = await openDemoPage(s);
      const page = await openSidebar(s, tabId);
      const listed = page.locator('.engagement');
      await expect.poll(() => listed.count(), { timeout: 15_000 }).toBeGreaterThan(5);
      const total = await listed.count();
      const chips = page.getByRole('group', { name: 'Filter by channel' });
      const all = chips.getByRole('button', { name: 'All channels' });
      expect(await all.getAttribute('aria-pressed')).toBe('true');

      // The demo's first page holds several channels; a rarer one narrows the list to it.
      const channels = await chips.locator('[data-channel]').evaluateAll((buttons) =>
        buttons.map((b) => ({
          channel: b.getAttribute('data-channel') ?? '',
          count: Number(b.querySelector('.chip-count')?.textContent),
        })),
      );
      expect(channels.length).toBeGreaterThan(1);
      const rare = channels[channels.length - 1] as { channel: string; count: number };
      expect(rare.count).toBeLessThan(total);
      const chip = chips.locator(`[data-channel="${rare.channel}"]`);
      await chip.click();
      expect(await chip.getAttribute('aria-pressed')).toBe('true');
      expect(await all.getAttribute('aria-pressed')).toBe('false');
      await expect.poll(() => listed.count()).toBe(rare.count);
      expect(
        new Set(
          await listed.evaluateAll((items) => items.map((i) => i.getAttribute('data-channel'))),
        ),
      ).toEqual(new Set([rare.channel]));
      await screenshot(page, 'sidebar-filters');
      await all.click();
      await expect.poll(() => listed.count()).toBe(total);

      // Only the possibly automated ones: none on Dana's first page, so the list says so…
      const automated = page.getByLabel(/^Possibly automated opens and clicks/);
      await automated.selectOption('only');
      const machine = page.locator('.engagement[data-confidence="machine_suspected"]');
      await page.locator('[data-state="filtered_empty"]').waitFor();
      expect(await listed.count()).toBe(0);
      // …until Load more brings some (the demo has them on the second page); the filter holds.
      await page.getByRole('button', { name: 'Load more' }).click();
      await expect.poll(() => machine.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await listed.count()).toBe(await machine.count());
      expect(await page.getByText('possibly automated', { exact: true }).count()).toBe(
        await machine.count(),
      );
      const suspected = await machine.count();
      await screenshot(page, 'sidebar-filters-automated');

      await automated.selectOption('hide');
      await expect.poll(() => machine.count()).toBe(0);
      const hidden = await listed.count();
      await automated.selectOption('show');
      await expect.poll(() => listed.count()).toBe(hidden + suspected);
      expect(hidden + suspected).toBeGreaterThan(total);
      expect(unexpectedProblems(s)).toBe('');
    });
  });

  it('copies an asset link and a talking point; outdated messaging is marked', async () => {
    await withExtension({ backend: { baseUrl: server.url, apiKey: DEMO_KEYS.read } }, async (s) => {
      // For every origin: Chromium refuses to grant to a chrome-extension:// origin by name.
      await s.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const { tabId } = await openDemoPage(s);
      const page = await openSidebar(s, tabId);
      const content = page.locator('#content-section');
      const firstAsset = content.locator('.asset').first();
      await firstAsset.waitFor({ timeout: 15_000 });
      await page.bringToFront();
      const href = await firstAsset.getByRole('link').getAttribute('href');
      expect(href).toMatch(/^https:\/\//);
      expect(await firstAsset.locator('.asset-use').textContent()).toMatch(
        /(once|\d+ times), last/,
      );
      await firstAsset.getByRole('button', { name: /^Copy link to / }).click();
      await expect.poll(() => firstAsset.getByRole('status').textContent()).toBe('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(href);

      // Messaging: one current entry is open; each talking point copies itself.
      const messaging = page.locator('#messaging-section');
      const current = messaging.locator('.messaging-item:has(> details[open])');
      expect(await current.count()).toBe(1);
      expect(await current.getAttribute('data-outdated')).toBe('false');
      const point = current.locator('.talking-points li').first();
      const text = await point.locator('span').first().textContent();
      expect(text?.length).toBeGreaterThan(10);
      await point.getByRole('button', { name: /^Copy talking point: / }).click();
      await expect.poll(() => point.getByRole('status').textContent()).toBe('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
      expect(await current.locator('.avoid li').count()).toBeGreaterThan(0);
      expect(await current.locator('.avoid li').first().textContent()).toMatch(/^avoid “.+”$/);

      // The demo's messaging past its validUntil is marked, and only that.
      const expired = messaging.locator(
        `[data-messaging-id="${DEMO_SCENARIOS.expiredOnActive.messagingId}"]`,
      );
      expect(await expired.getAttribute('data-outdated')).toBe('true');
      expect(await expired.locator('summary').textContent()).toContain("Outdated — don't repeat");
      expect(await current.getByText(/Outdated/).count()).toBe(0);
      await expired.locator('summary').click();
      await messaging.scrollIntoViewIfNeeded();
      await screenshot(page, 'sidebar-messaging');
      expect(unexpectedProblems(s)).toBe('');
    });
  });

  it('follows the page: new contacts in the tab show without reloading the sidebar', async () => {
    await withExtension({ backend: { baseUrl: server.url, apiKey: DEMO_KEYS.read } }, async (s) => {
      const { tabId, page: tab } = await openDemoPage(s);
      const page = await openSidebar(s, tabId);
      await expect
        .poll(() => shownName(page), { timeout: 15_000 })
        .toBe(await contactName(DEMO_PROMINENT_CONTACTS[0]));

      // The same tab moves to a thread from other people.
      const [marcus, priya] = DEMO_PROMINENT_CONTACTS.slice(1, 3);
      await s.routeHtml(`${server.url}/demo-live`, threadHtml([marcus ?? '', priya ?? '']));
      await tab.goto(`${server.url}/demo-live`);
      await expect.poll(() => shownName(page), { timeout: 15_000 }).toBe(await contactName(marcus));
      expect(await page.getByLabel(/^Contact \(2 on this page\)/).count()).toBe(1);
      expect(unexpectedProblems(s)).toBe('');
    });
  });

  it('in side-panel mode (no tabId) follows the active tab', async () => {
    await withExtension({ backend: { baseUrl: server.url, apiKey: DEMO_KEYS.read } }, async (s) => {
      const page = await openSidebar(s);
      // Its own tab is active: nothing to show yet.
      await page.locator('main [data-state="no_contact"]').waitFor({ timeout: 15_000 });

      const [dana, marcus] = DEMO_PROMINENT_CONTACTS;
      const first = await openDemoPage(s);
      await s.routeHtml(`${server.url}/demo-other`, threadHtml([marcus ?? '']));
      const second = await openDemoPage(s, '/demo-other');
      await first.page.bringToFront();
      await expect.poll(() => shownName(page), { timeout: 15_000 }).toBe(await contactName(dana));
      await second.page.bringToFront();
      await expect.poll(() => shownName(page), { timeout: 15_000 }).toBe(await contactName(marcus));
      await first.page.bringToFront();
      await expect.poll(() => shownName(page), { timeout: 15_000 }).toBe(await contactName(dana));
      expect(unexpectedProblems(s)).toBe('');
    });
  });

  it('Refresh asks the backend again; when it is down the cached data stays, marked stale with its age', async () => {
    const own = await startServer({
      port: 0,
      host: '127.0.0.1',
      dbPath: join(dataDir, 'refresh.db'),
      seed: 'demo',
    });
    await withExtension({ backend: { baseUrl: own.url, apiKey: DEMO_KEYS.read } }, async (s) => {
      const { tabId } = await openDemoPage(s);
      const page = await openSidebar(s, tabId);
      const name = await contactName(DEMO_PROMINENT_CONTACTS[0]);
      await expect.poll(() => shownName(page), { timeout: 15_000 }).toBe(name);
      expect(await page.locator('[data-state="stale"]').count()).toBe(0);

      await own.close();
      // Without refresh the fresh cache would answer; with it the lookup fails and falls back.
      await page.getByRole('button', { name: 'Refresh' }).click();
      const banner = page.locator('main [data-state="stale"]');
      await banner.waitFor({ timeout: 30_000 });
      expect(await banner.textContent()).toMatch(/Showing cached data from (just now|\d+ min ago)/);
      expect(await shownName(page)).toBe(name);
      await page.getByRole('button', { name: 'Refresh' }).waitFor();
      await screenshot(page, 'sidebar-stale');
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
