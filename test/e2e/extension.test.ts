import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../server/demo-keys';
import { startServer } from '../../server/main';
import type { RunningServer } from '../../server/main';
import {
  fixtureHtml,
  launchExtension,
  screenshot,
  unexpectedProblems,
  withExtension,
} from './harness';
import type { ExtensionSession } from './harness';

const MAIL_PAGE = `<!doctype html><html><head><title>Inbox</title></head>
<body><main><h1>Inbox</h1><a href="mailto:dana.reyes@northwind.example">Dana Reyes</a></main></body></html>`;
const UNRELATED_PAGE = `<!doctype html><html><head><title>Example</title></head>
<body><h1>Example Domain</h1></body></html>`;

describe('the built extension, without a backend', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('loads: its service worker runs from a chrome-extension:// URL', async () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    expect(session.serviceWorker.url()).toBe(session.extensionUrl('background.js'));
    // It may still be 'activating' right after the worker appears.
    await expect
      .poll(() =>
        session.serviceWorker.evaluate(
          () =>
            (globalThis as unknown as { registration: { active: { state: string } | null } })
              .registration.active?.state,
        ),
      )
      .toBe('activated');
  });

  it('renders the options page with the not-configured message', async () => {
    const page = await session.openExtensionPage('options.html');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Touchpoint options');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('No backend is configured');
    await screenshot(page, 'options-not-configured');
    await page.close();
  });

  it('renders the sidebar with the not-configured message', async () => {
    const page = await session.openExtensionPage('sidebar.html');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Touchpoint');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.getAttribute('data-status')).toBe('not_configured');
    expect(await alert.textContent()).toBe(
      'No backend is configured. Open the options page and add one.',
    );
    await screenshot(page, 'sidebar-not-configured');
    await page.close();
  });

  // Real URLs, served from fixture HTML (inline until a site has fixtures).
  it.each([
    ['gmail', 'inbox', 'https://mail.google.com/**', 'https://mail.google.com/mail/u/0/#inbox'],
    ['outlook', 'inbox', 'https://outlook.office.com/**', 'https://outlook.office.com/mail/'],
    [
      'salesforce',
      'lightning-contact',
      'https://*.lightning.force.com/**',
      'https://acme.lightning.force.com/lightning/r/Contact/003000000000001AAA/view',
    ],
    [
      'hubspot',
      'contact-record',
      'https://app.hubspot.com/**',
      'https://app.hubspot.com/contacts/1234567/record/0-1/501',
    ],
    ['pipedrive', 'person', 'https://*.pipedrive.com/**', 'https://acme.pipedrive.com/person/42'],
    [
      'dynamics',
      'contact',
      'https://*.dynamics.com/**',
      'https://acme.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact',
    ],
    ['zoho', 'contact', 'https://crm.zoho.com/**', 'https://crm.zoho.com/crm/org1/tab/Contacts/9'],
  ])('runs the content script on %s (fixture %s)', async (site, fixture, pattern, url) => {
    await session.routeHtml(pattern, fixtureHtml(site, fixture, MAIL_PAGE));
    const page = await session.newPage();
    await page.goto(url);
    await page.waitForSelector('html[data-touchpoint="active"]', { timeout: 10_000 });
    await screenshot(page, `site-${site}`);
    await page.close();
  });

  it('does not run the content script on an unrelated site', async () => {
    await session.routeHtml('https://example.com/**', UNRELATED_PAGE);
    await session.routeHtml('https://mail.google.com/**', MAIL_PAGE);
    const unrelated = await session.newPage();
    await unrelated.goto('https://example.com/');
    // A matched page in the same browser proves the script had its chance to run.
    const matched = await session.newPage();
    await matched.goto('https://mail.google.com/mail/u/0/#inbox');
    await matched.waitForSelector('html[data-touchpoint="active"]', { timeout: 10_000 });
    expect(await unrelated.locator('html').getAttribute('data-touchpoint')).toBeNull();
    await unrelated.close();
    await matched.close();
  });

  it('reported no uncaught errors and no console errors', () => {
    expect(unexpectedProblems(session)).toBe('');
  });
});

describe('the built extension, with the reference server', () => {
  let server: RunningServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-e2e-db-'));
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

  /** Opens the sidebar and waits for the backend check to end, whatever its outcome. */
  async function sidebarStatus(session: ExtensionSession) {
    const page = await session.openExtensionPage('sidebar.html');
    const line = page.locator('[data-status]');
    await line.waitFor({ timeout: 15_000 });
    return {
      page,
      role: await line.getAttribute('role'),
      kind: await line.getAttribute('data-status'),
      text: (await line.textContent()) ?? '',
    };
  }

  it('shows "Connected to touchpoint-reference-server" with the demo read key', async () => {
    await withExtension({ backend: { baseUrl: server.url, apiKey: DEMO_KEYS.read } }, async (s) => {
      const { page, role, kind, text } = await sidebarStatus(s);
      await screenshot(page, 'sidebar-connected');
      expect({ role, kind }).toEqual({ role: 'status', kind: 'ok' });
      expect(text).toMatch(
        /^Connected to touchpoint-reference-server \S+ \(Context API v1\) in \d+ ms\.$/,
      );
      expect(unexpectedProblems(s)).toBe('');
    });
  });

  it('says the key was refused when the key is wrong', async () => {
    await withExtension({ backend: { baseUrl: server.url, apiKey: 'tp_wrong_key' } }, async (s) => {
      const { page, role, kind, text } = await sidebarStatus(s);
      await screenshot(page, 'sidebar-wrong-key');
      expect({ role, kind, text }).toEqual({
        role: 'alert',
        kind: 'unauthorized',
        text: expect.stringMatching(/refused the API key/),
      });
      // The refused request itself is the only error Chromium may log.
      expect(unexpectedProblems(s, [/status of 40[13]/])).toBe('');
    });
  });

  it('says nothing answers when the server address is wrong', async () => {
    // A port that just closed on loopback: the connection is refused at once.
    const closed = await startServer({
      port: 0,
      host: '127.0.0.1',
      dbPath: join(dataDir, 'closed.db'),
    });
    const deadUrl = closed.url;
    await closed.close();
    await withExtension({ backend: { baseUrl: deadUrl, apiKey: DEMO_KEYS.read } }, async (s) => {
      const { role, kind, text } = await sidebarStatus(s);
      expect({ role, kind }).toEqual({ role: 'alert', kind: 'unreachable' });
      expect(text).toContain(`Cannot connect to ${deadUrl}`);
    });
  });

  it("runs the content script on the server's demo page", async () => {
    await withExtension({}, async (s) => {
      const page = await s.newPage();
      const response = await page.goto(`${server.url}/demo`);
      expect(response?.status()).toBe(200);
      await page.waitForSelector('html[data-touchpoint="active"]', { timeout: 10_000 });
      expect(await page.locator('a[href^="mailto:"]').count()).toBeGreaterThan(0);
      await screenshot(page, 'demo-page');
      expect(unexpectedProblems(s)).toBe('');
    });
  });
});
