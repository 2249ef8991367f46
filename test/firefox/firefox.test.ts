import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_KEYS } from '../../server/demo-keys';
import { startServer, type RunningServer } from '../../server/main';
import { DEMO_PROMINENT_CONTACTS } from '../../server/seed/demo';
import { composeHtml, fixtureHtml, storedFeedbackIds } from '../e2e/harness';
import {
  firefoxScreenshot,
  launcherText,
  waitFor,
  withFirefox,
  type FirefoxSession,
} from './harness';

/**
 * What a user does in Firefox ESR with the Firefox build installed, against the reference
 * server's demo data: the launcher on a supported page, the in-page sidebar it opens, the
 * options page's Test connection and Save, the sidebar page following the active tab.
 */

const available = inject('firefoxPath') !== '';
let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  if (!available) return;
  dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-firefox-'));
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

const demoBackend = () => ({ baseUrl: server.url, apiKey: DEMO_KEYS.read });
// The demo inbox's open thread is from Dana (DEMO_PROMINENT_CONTACTS[0]).
const dana = { email: DEMO_PROMINENT_CONTACTS[0]!, name: 'Dana Whitfield' };

async function waitForLauncher(page: Page, pattern: RegExp): Promise<string> {
  let text = '';
  await waitFor(
    async () => pattern.test((text = await launcherText(page))),
    `the launcher to read ${pattern}`,
    15_000,
  );
  return text;
}

describe.skipIf(!available)('Firefox ESR', () => {
  it('installs, and the launcher shows the demo contact’s signal on the demo page', async () => {
    await withFirefox({ backend: demoBackend() }, async (session) => {
      const page = await session.newPage();
      await page.goto(`${server.url}/demo`);
      const text = await waitForLauncher(page, /highlight|touch|score/i);
      expect(text).toMatch(/^[A-Z]{2}/);
      await firefoxScreenshot(page, 'launcher-demo');
      // The demo page's own CSP refuses a favicon; nothing else may go wrong.
      const problems = session.problems.filter((p) => !/favicon/.test(p.text));
      expect(problems).toEqual([]);
    });
  });

  it('reads a Gmail thread at its real URL (routed to a fixture) and draws the launcher', async () => {
    await withFirefox({ backend: demoBackend() }, async (session) => {
      // The fixture's latest external sender becomes a demo contact, so the backend knows them.
      const html = fixtureHtml('gmail', 'thread-current').replaceAll(
        'bob@acme.example',
        dana.email,
      );
      session.routeHtml('https://mail.google.com/', html);
      const page = await session.newPage();
      await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmGpPnRNvGplWRsHbVDm');
      await waitForLauncher(page, /highlight|touch|score/i);
      expect(await page.evaluate(() => document.documentElement.dataset.touchpoint)).toBe('active');
    });
  });

  it('opens the in-page sidebar from the launcher with the demo contact’s data', async () => {
    await withFirefox({ backend: demoBackend() }, async (session) => {
      const page = await session.newPage();
      await page.goto(`${server.url}/demo`);
      await waitForLauncher(page, /highlight|touch|score/i);
      await page.evaluate(() => {
        const launcher = document
          .querySelector('touchpoint-ui')
          ?.shadowRoot?.querySelector('button');
        launcher?.click();
      });
      const frame = await waitForSidebarFrame(page);
      await frame.waitForFunction(
        (name) => document.body.innerText.includes(name),
        { timeout: 15_000 },
        dana.name,
      );
      const text = await frame.evaluate(() => document.body.innerText);
      expect(text).toContain(dana.name);
      await firefoxScreenshot(page, 'inpage-sidebar-demo');
    });
  });

  it('saves a backend on the options page and Test connection names the server, or the fault', async () => {
    await withFirefox({}, async (session) => {
      const page = await session.openExtensionPage('options.html');
      await page.waitForFunction(() =>
        document.querySelector('h1')?.textContent?.includes('Touchpoint'),
      );
      const ok = await testConnection(session, page, DEMO_KEYS.read, 'ok');
      expect(ok).toContain('touchpoint-reference-server');
      await firefoxScreenshot(page, 'options-test-ok');
      const refused = await testConnection(
        session,
        page,
        'tp_wrong_key_for_firefox_test',
        'unauthorized',
      );
      expect(refused).toMatch(/key/i);
      await fill(page, 'API key', DEMO_KEYS.read);
      await clickButton(page, 'Save');
      await page.waitForFunction(() => document.body.innerText.includes('Saved'), {
        timeout: 15_000,
      });
    });
  });

  it('shows the active tab’s contact in the sidebar page opened on its own', async () => {
    await withFirefox({ backend: demoBackend() }, async (session) => {
      const sidebar = await session.openExtensionPage('sidebar.html');
      const page = await session.newPage();
      await page.goto(`${server.url}/demo`);
      await waitForLauncher(page, /highlight|touch|score/i);
      await page.bringToFront();
      await sidebar.waitForFunction(
        (name) => document.body.innerText.includes(name),
        { timeout: 15_000 },
        dana.name,
      );
    });
  });
});

/** The in-page sidebar's frame (BiDi lists an extension frame as about:blank: ask it). */
describe.skipIf(!available)('Firefox ESR: feedback and the draft check', () => {
  it('keeps “Missed” through a backend outage and delivers it once the backend is back', async () => {
    // A server of its own, on a port it can come back on, with the demo data.
    const dir = mkdtempSync(join(tmpdir(), 'touchpoint-firefox-outage-'));
    const dbPath = join(dir, 'touchpoint.db');
    const start = (port = 0) =>
      startServer({
        port,
        host: '127.0.0.1',
        dbPath,
        seed: 'demo',
        log: () => {},
        shutdownGraceMs: 100,
      });
    let running = await start();
    const { port, url } = running;
    try {
      await withFirefox({ backend: { baseUrl: url, apiKey: DEMO_KEYS.read } }, async (session) => {
        const sidebar = await session.openExtensionPage('sidebar.html');
        const page = await session.newPage();
        await page.goto(`${url}/demo`);
        await waitForLauncher(page, /highlight|touch|score/i);
        await page.bringToFront();
        const entry = `#messaging-section [data-messaging-id="${TCO_V2}"]`;
        await sidebar.waitForSelector(entry, { timeout: 20_000 });
        const before = await storedFeedbackIds(url, TCO_V2);

        await running.close();
        await sidebar.evaluate((entry) => {
          const missed = [...document.querySelectorAll(`${entry} button`)].find((b) =>
            b.textContent?.trim().startsWith('Missed'),
          );
          if (!missed) throw new Error('No Missed button on the entry');
          missed.setAttribute('data-test-click', '');
        }, entry);
        await sidebar.click('[data-test-click]');
        // After the undo window the background tries, finds no backend, and shows it waiting.
        await sidebar.waitForFunction(() => document.body.innerText.includes('Waiting to send'), {
          timeout: 30_000,
        });
        running = await start(port);
        await waitFor(
          async () => (await storedFeedbackIds(url, TCO_V2)).length === before.length + 1,
          'the queued feedback to reach the backend',
          60_000,
        );
        // Exactly once, also after more retries had the chance to run.
        await new Promise((resolve) => setTimeout(resolve, 2000));
        expect((await storedFeedbackIds(url, TCO_V2)).length).toBe(before.length + 1);
      });
    } finally {
      await running.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks a Gmail compose in the browser: the launcher says what to fix', async () => {
    await withFirefox({ backend: demoBackend() }, async (session) => {
      session.routeHtml('https://mail.google.com/', composeHtml(dana.email));
      const page = await session.newPage();
      await page.goto('https://mail.google.com/mail/u/0/#inbox?compose=new');
      await waitForLauncher(page, /\S/);
      await page.click('[aria-label="Message Body"]');
      await page.keyboard.type(
        'Hi Dana, we can rip and replace your legacy scheduler in a single weekend.',
        { delay: 5 },
      );
      await waitFor(
        async () =>
          /^\d+ to fix$/.test(
            await page.evaluate(
              () =>
                document.querySelector('touchpoint-ui')?.shadowRoot?.querySelector('.draft')
                  ?.textContent ?? '',
            ),
          ),
        'the launcher to sum up the draft check',
        20_000,
      );
      await firefoxScreenshot(page, 'launcher-draft');
    });
  });
});

/** The demo's current "Total cost of ownership" messaging, which Dana was exposed to. */
const TCO_V2 = 'msg-tco-v2';

async function waitForSidebarFrame(page: Page) {
  let found: Frame | undefined;
  await waitFor(async () => {
    for (const frame of page.frames()) {
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.includes('/sidebar.html')) found = frame;
    }
    return found !== undefined;
  }, 'the in-page sidebar frame');
  return found!;
}

async function fill(page: Page, label: string, value: string): Promise<void> {
  await page.evaluate(
    (label, value) => {
      const field = [...document.querySelectorAll('label')].find(
        (l) => l.textContent?.trim() === label,
      )?.control as HTMLInputElement | null | undefined;
      if (!field) throw new Error(`No field labelled ${label}`);
      // React listens for input events on the native setter's value.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, value);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    },
    label,
    value,
  );
}

/** A real click (a user gesture: Firefox asks for origins only from one) on a named button. */
async function clickButton(page: Page, name: string): Promise<void> {
  await page.evaluate((name) => {
    const button = [...document.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === name,
    );
    if (!button) throw new Error(`No button named ${name}`);
    button.setAttribute('data-test-click', '');
  }, name);
  await page.click('[data-test-click]');
  await page.evaluate(() =>
    document.querySelector('[data-test-click]')?.removeAttribute('data-test-click'),
  );
}

async function testConnection(
  session: FirefoxSession,
  page: Page,
  apiKey: string,
  kind: string,
): Promise<string> {
  if (!(await page.$('fieldset.backend'))) await clickButton(page, 'Add backend');
  await page.waitForSelector('fieldset.backend');
  await fill(page, 'Backend URL', server.url);
  await fill(page, 'API key', apiKey);
  await clickButton(page, 'Test connection');
  const selector = `.connection-result [data-status="${kind}"]`;
  try {
    await page.waitForSelector(selector, { timeout: 15_000 });
  } catch (error) {
    const shown = await page.evaluate(
      () => document.querySelector('.connection-result')?.textContent,
    );
    throw new Error(
      `Test connection did not show ${kind}; it shows: ${shown ?? 'nothing'} (${String(error)}); problems: ${JSON.stringify(session.problems)}`,
    );
  }
  return page.$eval(selector, (node) => node.textContent ?? '');
}
