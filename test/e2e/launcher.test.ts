import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { DEMO_KEYS } from '../../server/demo-keys';
import { startServer } from '../../server/main';
import type { RunningServer } from '../../server/main';
import { DEMO_PROMINENT_CONTACTS } from '../../server/seed/demo';
import { initialsOf } from '../../utils/sites/initials';
import type { TabContacts } from '../../utils/protocol/protocol';
import { fixtureHtml, screenshot, unexpectedProblems, withExtension } from './harness';
import type { ExtensionSession } from './harness';

/**
 * The in-page launcher and sidebar frame on routed Gmail, Salesforce and HubSpot
 * fixtures at their real URLs, against the reference server's demo data. The fixtures'
 * addresses are swapped for demo contacts the seeded server knows.
 */

const [DANA, MARCUS, PRIYA, TOMAS] = DEMO_PROMINENT_CONTACTS as [string, string, string, string];

const GMAIL_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmGpPnRNvGplWRsHbVDm';
const SALESFORCE_CONTACT =
  'https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZabAAB/view';
const HUBSPOT_CONTACT = 'https://app.hubspot.com/contacts/1234567/record/0-1/51';

/** A fixture with some of its addresses replaced (case-insensitively). */
function withAddresses(site: string, fixture: string, swaps: Record<string, string>): string {
  let html = fixtureHtml(site, fixture);
  for (const [from, to] of Object.entries(swaps)) {
    html = html.replace(new RegExp(from.replace(/[.+]/g, '\\$&'), 'gi'), to);
  }
  return html;
}

/** The Gmail thread: the latest external sender is Dana, then Marcus; Priya and Tomás in Cc. */
const gmailThread = () =>
  withAddresses('gmail', 'thread-current', {
    'bob@acme.example': DANA,
    'ana@acme.example': MARCUS,
    'carol@globex.example': PRIYA,
    'tom@corp.example': TOMAS,
    // The names too, so the page and the backend agree (the README shows this thread).
    'Bob Stone': 'Dana Whitfield',
    'Ana Ortiz': 'Marcus Chen',
    'Carol Diaz': 'Priya Raman',
    'Tom Reed': 'Tomás Alvarez',
  });

let server: RunningServer;
let dataDir: string;
/** Paths of the requests the server answered, in order. */
let requests: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-e2e-launcher-'));
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dataDir, 'touchpoint.db'),
    seed: 'demo',
    log: (entry) => {
      if (typeof entry.path === 'string') requests.push(entry.path);
    },
  });
});
afterAll(async () => {
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => {
  requests = [];
});

const backend = () => ({ backend: { baseUrl: server.url, apiKey: DEMO_KEYS.read } });
const lookups = () => requests.filter((path) => path === '/v1/lookup').length;

async function nameOf(email: string): Promise<string> {
  const [contact] = await server.store.findContacts({ email });
  if (!contact?.name) throw new Error(`The demo seed has no named contact ${email}`);
  return contact.name;
}

/** Writes `sync:<group>` settings the way the options page stores them. */
async function setSyncSettings(session: ExtensionSession, values: Record<string, unknown>) {
  await session.serviceWorker.evaluate(
    (values) =>
      (
        globalThis as unknown as {
          chrome: { storage: { sync: { set(v: object): Promise<void> } } };
        }
      ).chrome.storage.sync.set(values),
    values,
  );
}

async function openRouted(session: ExtensionSession, glob: string, url: string, html: string) {
  await session.routeHtml(glob, html);
  const page = await session.newPage();
  await page.goto(url);
  return page;
}

const launcher = (page: Page) => page.locator('touchpoint-ui .launcher');
const panel = (page: Page) => page.locator('touchpoint-ui .panel');

/** The launcher's text once the background's summary arrived (a signal is shown). */
async function launcherWithSignal(page: Page): Promise<{ initials: string; signal: string }> {
  const signal = page.locator('touchpoint-ui .launcher .signal');
  await expect.poll(() => signal.textContent(), { timeout: 15_000 }).not.toBe('');
  return {
    initials: (await page.locator('touchpoint-ui .launcher .initials').textContent()) ?? '',
    signal: (await signal.textContent()) ?? '',
  };
}

/** The sidebar frame in the page, once it loaded. */
async function sidebarFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect
    .poll(
      () => {
        frame = page.frames().find((f) => f.url().includes('/sidebar.html'));
        return frame !== undefined;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return frame as Frame;
}

const contactName = (frame: Frame) => frame.getByRole('heading', { level: 2 }).first();

/** Fires the shortcut's command in the service worker, as Chrome does on the key press. */
async function pressShortcut(session: ExtensionSession, url: string) {
  await session.serviceWorker.evaluate(async (url) => {
    const { chrome } = globalThis as unknown as {
      chrome: {
        storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
        commands: { onCommand: { dispatch(command: string, tab: object): void } };
      };
    };
    // Without the tabs permission the worker sees no tab URLs: the tab id comes from the
    // contacts the background keeps per tab.
    const { tabContacts } = await chrome.storage.session.get('tabContacts');
    const entry = Object.entries(tabContacts as Record<string, { url: string }>).find(
      ([, value]) => value.url === url,
    );
    if (!entry) throw new Error(`No detected contacts for ${url}`);
    chrome.commands.onCommand.dispatch('toggle-sidebar', { id: Number(entry[0]) });
  }, url);
}

describe('the in-page launcher and sidebar', () => {
  it('Gmail: launcher with initials and signal; the frame shows the contact, switches, closes, and follows the shortcut', async () => {
    await withExtension(backend(), async (s) => {
      const page = await openRouted(s, 'https://mail.google.com/**', GMAIL_THREAD, gmailThread());
      const dana = await nameOf(DANA);
      const { initials, signal } = await launcherWithSignal(page);
      expect(initials).toBe(initialsOf(dana, DANA));
      expect(signal).toMatch(/^\d+ highlights?$/);
      const label = await launcher(page).getAttribute('aria-label');
      expect(label).toBe(`Open the Touchpoint sidebar for ${dana} (${signal})`);
      expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
      // Drawing the launcher took no focus from the page.
      expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('TOUCHPOINT-UI');
      // The launcher's lookup went to the server.
      expect(lookups()).toBeGreaterThan(0);
      await screenshot(page, 'launcher-gmail');

      await launcher(page).click();
      await expect.poll(() => panel(page).isVisible()).toBe(true);
      expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');
      const frame = await sidebarFrame(page);
      await expect.poll(() => contactName(frame).textContent(), { timeout: 15_000 }).toBe(dana);
      // The launcher's signal counts what the sidebar lists.
      expect(`${await frame.locator('.highlights li').count()} highlights`).toBe(
        signal.replace(/ highlight$/, ' highlights'),
      );
      // Docked right, full height, default width; the page keeps the rest.
      const box = await panel(page).boundingBox();
      const viewport = page.viewportSize();
      expect(box && viewport && Math.round(box.x + box.width)).toBe(viewport?.width);
      expect(box?.height).toBe(viewport?.height);
      expect(box?.width).toBe(380);
      await screenshot(page, 'inpage-sidebar-gmail');

      // The thread's other participants, one switch away.
      const marcus = await nameOf(MARCUS);
      await frame.getByLabel(/^Contact \(/).selectOption(MARCUS);
      await expect.poll(() => contactName(frame).textContent(), { timeout: 15_000 }).toBe(marcus);

      // Wider by keyboard on the left edge.
      await page.locator('touchpoint-ui .resize').focus();
      await page.keyboard.press('ArrowLeft');
      expect((await panel(page).boundingBox())?.width).toBe(400);

      // The close control; the focus returns to the launcher.
      await page.getByRole('button', { name: 'Close the Touchpoint sidebar', exact: true }).click();
      expect(await panel(page).isVisible()).toBe(false);
      expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TOUCHPOINT-UI');

      // The shortcut opens it (focus inside), Escape in the frame closes it, the shortcut again
      // opens and closes.
      await pressShortcut(s, GMAIL_THREAD);
      await expect.poll(() => panel(page).isVisible()).toBe(true);
      await contactName(frame).waitFor();
      await frame.locator('body').press('Escape');
      await expect.poll(() => panel(page).isVisible()).toBe(false);
      await pressShortcut(s, GMAIL_THREAD);
      await expect.poll(() => panel(page).isVisible()).toBe(true);
      await pressShortcut(s, GMAIL_THREAD);
      await expect.poll(() => panel(page).isVisible()).toBe(false);

      // The shortcut is registered under its suggested key.
      const commands = await s.serviceWorker.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };
          }
        ).chrome.commands.getAll(),
      );
      expect(commands.find((c) => c.name === 'toggle-sidebar')?.shortcut).toBe('Alt+Shift+K');
      expect(unexpectedProblems(s)).toBe('');
    });
  });

  it.each([
    {
      site: 'salesforce',
      fixture: 'lightning-contact',
      url: SALESFORCE_CONTACT,
      glob: 'https://acme.lightning.force.com/**',
      swaps: { 'jane.doe@client.example': MARCUS } as Record<string, string>,
      email: MARCUS,
    },
    {
      site: 'hubspot',
      fixture: 'contact-record',
      url: HUBSPOT_CONTACT,
      glob: 'https://app.hubspot.com/**',
      swaps: { 'maria.garcia@client.example': PRIYA } as Record<string, string>,
      email: PRIYA,
    },
  ])(
    '$site record: the launcher names the record’s contact and opens its context',
    async ({ site, fixture, url, glob, swaps, email }) => {
      await withExtension(backend(), async (s) => {
        const page = await openRouted(s, glob, url, withAddresses(site, fixture, swaps));
        const name = await nameOf(email);
        const { initials } = await launcherWithSignal(page);
        expect(initials).toBe(initialsOf(name, email));
        expect(await launcher(page).getAttribute('aria-label')).toContain(name);
        await launcher(page).click();
        const frame = await sidebarFrame(page);
        await expect.poll(() => contactName(frame).textContent(), { timeout: 15_000 }).toBe(name);
        await screenshot(page, `inpage-sidebar-${site}`);
        expect(unexpectedProblems(s)).toBe('');
      });
    },
  );

  it('with lookupOnlyWhenOpened: initials only, and no lookup reaches the server before opening', async () => {
    await withExtension(backend(), async (s) => {
      await setSyncSettings(s, {
        privacy: {
          hashedLookups: false,
          lookupOnlyWhenOpened: true,
          persistCache: false,
          auditLog: true,
        },
      });
      const page = await openRouted(s, 'https://mail.google.com/**', GMAIL_THREAD, gmailThread());
      await launcher(page).waitFor();
      // The background holds the tab's contacts and answered the launcher's summary.
      const detected = await s.serviceWorker.evaluate(async () => {
        const { chrome } = globalThis as unknown as {
          chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
        };
        const { tabContacts } = await chrome.storage.session.get('tabContacts');
        return Object.values(tabContacts as Record<string, TabContacts>)[0]?.contacts[0];
      });
      expect(detected?.email).toBe(DANA);
      await expect
        .poll(() => page.locator('touchpoint-ui .launcher .initials').textContent())
        .toBe(initialsOf(detected?.name, DANA));
      expect(await page.locator('touchpoint-ui .launcher .signal').textContent()).toBe('');
      expect(lookups()).toBe(0);

      await launcher(page).click();
      const frame = await sidebarFrame(page);
      await expect
        .poll(() => contactName(frame).textContent(), { timeout: 15_000 })
        .toBe(await nameOf(DANA));
      expect(lookups()).toBeGreaterThan(0);
      expect(unexpectedProblems(s)).toBe('');
    });
  });

  it('draws nothing without a contact, and hides the launcher when the contact goes', async () => {
    await withExtension(backend(), async (s) => {
      const page = await openRouted(
        s,
        'https://mail.google.com/**',
        'https://mail.google.com/mail/u/0/#inbox',
        fixtureHtml('gmail', 'inbox'),
      );
      await expect
        .poll(() => page.evaluate(() => document.documentElement.dataset.touchpoint))
        .toBe('active');
      // Detection has run once the background answered the content script's settings request;
      // the thread view swapped in shows that it runs (and draws) at all.
      expect(await page.locator('touchpoint-ui').count()).toBe(0);
      await page.evaluate(
        ([markup]) => {
          const parsed = new DOMParser().parseFromString(markup, 'text/html');
          document.body.replaceChildren(...Array.from(parsed.body.childNodes));
          location.hash = '#inbox/FMfcgzQXJWDsKmGpPnRNvGplWRsHbVDm';
        },
        [gmailThread()] as const,
      );
      await launcher(page).waitFor({ timeout: 10_000 });
      const inbox = fixtureHtml('gmail', 'inbox');
      await page.evaluate(
        ([markup]) => {
          const parsed = new DOMParser().parseFromString(markup, 'text/html');
          document.body.replaceChildren(...Array.from(parsed.body.childNodes));
          location.hash = '#inbox';
        },
        [inbox] as const,
      );
      await launcher(page).waitFor({ state: 'hidden', timeout: 10_000 });
      expect(unexpectedProblems(s)).toBe('');
    });
  });

  it('auto-opens once per page without taking the focus, and not again after the rep closed it', async () => {
    await withExtension(backend(), async (s) => {
      await setSyncSettings(s, {
        display: { mode: 'inpage', autoOpen: true, launcherPosition: 'top-left' },
      });
      const page = await openRouted(s, 'https://mail.google.com/**', GMAIL_THREAD, gmailThread());
      await expect.poll(() => panel(page).isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('TOUCHPOINT-UI');
      // top-left, as set.
      const box = await launcher(page).boundingBox();
      expect(box && box.x < 100 && box.y < 200).toBe(true);
      await page.getByRole('button', { name: 'Close the Touchpoint sidebar', exact: true }).click();
      // Another thread in the same page: the launcher follows, the frame stays closed.
      await page.evaluate(
        ([markup]) => {
          const parsed = new DOMParser().parseFromString(markup, 'text/html');
          document.body.replaceChildren(...Array.from(parsed.body.childNodes));
          location.hash = '#inbox/FMfcgzQXJWDsKmGpPnRNvGplWRsHbVDx';
        },
        [gmailThread().replaceAll(DANA, TOMAS)] as const,
      );
      const tomas = await nameOf(TOMAS);
      await expect
        .poll(() => launcher(page).getAttribute('aria-label'), { timeout: 15_000 })
        .toContain(tomas);
      expect(await panel(page).isVisible()).toBe(false);
      expect(unexpectedProblems(s)).toBe('');
    });
  });

  it('in side-panel mode the launcher opens the browser’s side panel, not the frame', async () => {
    await withExtension(backend(), async (s) => {
      await setSyncSettings(s, {
        display: { mode: 'sidepanel', autoOpen: false, launcherPosition: 'bottom-right' },
      });
      const page = await openRouted(s, 'https://mail.google.com/**', GMAIL_THREAD, gmailThread());
      await launcherWithSignal(page);
      const cdp = await s.context.newCDPSession(page);
      const sidePanels = async () => {
        const { targetInfos } = (await cdp.send('Target.getTargets')) as {
          targetInfos: { type: string; url: string }[];
        };
        return targetInfos.filter((t) => t.url === s.extensionUrl('sidebar.html')).length;
      };
      expect(await sidePanels()).toBe(0);
      await launcher(page).click();
      await expect.poll(sidePanels, { timeout: 10_000 }).toBe(1);
      // The frame's code was never even loaded (it loads on the first in-page open).
      expect(await panel(page).count()).toBe(0);
      expect(unexpectedProblems(s)).toBe('');
    });
  });

  it('a sidebar that a page frames by itself shows nothing, nor looks anyone up', async () => {
    await withExtension(backend(), async (s) => {
      // A real in-page sidebar in one tab, so there is a tab with a contact to aim at.
      const victim = await openRouted(s, 'https://mail.google.com/**', GMAIL_THREAD, gmailThread());
      await launcherWithSignal(victim);
      // Contact lookups, as the audit log records them (the footer's connection check sends
      // a probe for a made-up address, which is not a contact lookup).
      const audited = () =>
        s.serviceWorker.evaluate(async () => {
          const { chrome } = globalThis as unknown as {
            chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
          };
          const { auditLog } = await chrome.storage.local.get('auditLog');
          return (auditLog as unknown[] | undefined)?.length ?? 0;
        });
      const before = await audited();
      const hostile = `<!doctype html><html><body><h1>Deal room</h1>
<iframe id="overlay" style="width:400px;height:600px"
  src="${s.extensionUrl('sidebar.html?tabId=1')}#frame=00000000-0000-4000-8000-000000000000"></iframe>
</body></html>`;
      const page = await openRouted(
        s,
        'https://app.hubspot.com/**',
        'https://app.hubspot.com/contacts/1234567/objects',
        hostile,
      );
      const frame = page.frameLocator('#overlay');
      await expect
        .poll(() => frame.locator('[data-state="error"]').textContent(), { timeout: 15_000 })
        .toMatch(/not opened by Touchpoint on this page/);
      expect(await frame.locator('.contact-header, [data-testid="feedback"]').count()).toBe(0);
      expect(await audited()).toBe(before);
      await screenshot(page, 'sidebar-framed-by-a-page');
    });
  });
});
