import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../server/demo-keys';
import { startServer, type RunningServer } from '../../server/main';
import type { SettingsFile } from '../../utils/settings';
import {
  launchExtension,
  screenshot,
  unexpectedProblems,
  withExtension,
  type ExtensionSession,
} from './harness';

/**
 * The options page in the built extension: connection tests against the reference server
 * and against things that are not one, saving (through a browser restart, read by the
 * sidebar), a team policy's locked fields, and an import that must change nothing.
 */

/** Chromium on Linux reads machine policies from here at start-up. */
const POLICY_DIR = '/etc/chromium/policies/managed';
/** Requests Chromium itself logs when a backend refuses or is not there. */
const EXPECTED_NETWORK_ERRORS = [/status of 40[13]/, /ERR_CONNECTION_REFUSED/];

let server: RunningServer;
let dataDir: string;
let htmlServer: Server;
let htmlUrl: string;
let closedUrl: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-e2e-options-'));
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dataDir, 'touchpoint.db'),
    seed: 'demo',
  });
  // A web site, not a Context API: every path answers a page.
  htmlServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html><body><h1>Welcome to our intranet</h1></body></html>');
  });
  await new Promise<void>((resolve) => htmlServer.listen(0, '127.0.0.1', resolve));
  htmlUrl = `http://127.0.0.1:${(htmlServer.address() as AddressInfo).port}`;
  // A loopback port that just closed: connections are refused at once.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
});

afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => (htmlServer ? htmlServer.close(resolve) : resolve(undefined)));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function openOptions(session: ExtensionSession): Promise<Page> {
  const page = await session.openExtensionPage('options.html');
  await page.getByRole('heading', { level: 1, name: 'Touchpoint options' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Backends' }).waitFor();
  return page;
}

/** The first backend's group, adding one when the list is empty. */
async function firstBackend(page: Page): Promise<Locator> {
  const backend = page.locator('fieldset.backend').first();
  if ((await page.locator('fieldset.backend').count()) === 0) {
    await page.getByRole('button', { name: 'Add backend' }).click();
  }
  await backend.waitFor();
  return backend;
}

async function fillBackend(backend: Locator, values: { baseUrl: string; apiKey: string }) {
  await backend.getByLabel('Backend URL', { exact: true }).fill(values.baseUrl);
  await backend.getByLabel('API key', { exact: true }).fill(values.apiKey);
}

type StorageArea = 'local' | 'sync';

/** A value as stored, read by the service worker (`chrome.storage.<area>`). */
function readStored(session: ExtensionSession, area: StorageArea, key: string): Promise<unknown> {
  return session.serviceWorker.evaluate(
    async ({ area, key }) => {
      const { storage } = (
        globalThis as unknown as {
          chrome: {
            storage: Record<StorageArea, { get(k: string): Promise<Record<string, unknown>> }>;
          };
        }
      ).chrome;
      return (await storage[area].get(key))[key];
    },
    { area, key },
  );
}

/** Stores `items` as they are (with WXT's `<key>$` version meta where the caller adds it). */
function writeStored(
  session: ExtensionSession,
  area: StorageArea,
  items: Record<string, unknown>,
): Promise<void> {
  return session.serviceWorker.evaluate(
    async ({ area, items }) => {
      const { storage } = (
        globalThis as unknown as {
          chrome: { storage: Record<StorageArea, { set(i: object): Promise<void> }> };
        }
      ).chrome;
      await storage[area].set(items);
    },
    { area, items },
  );
}

/** WCAG relative luminance (0 black … 1 white) of a computed `rgb(r, g, b)` colour. */
function relativeLuminance(color: string): number {
  const channels = /^rgba?\((\d+), (\d+), (\d+)/.exec(color)?.slice(1).map(Number);
  if (!channels || channels.length !== 3) throw new Error(`Not an rgb() colour: ${color}`);
  const [r, g, b] = channels.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Runs "Test connection" and returns the outcome once it is `kind`. */
async function testConnection(backend: Locator, kind: string): Promise<string> {
  await backend.getByRole('button', { name: 'Test connection', exact: true }).click();
  const result = backend.locator(`.connection-result [data-status="${kind}"]`);
  await result.waitFor({ timeout: 15_000 });
  return (await result.textContent()) ?? '';
}

describe('options page: Test connection', () => {
  let session: ExtensionSession;
  let page: Page;
  let backend: Locator;

  beforeAll(async () => {
    session = await launchExtension();
    page = await openOptions(session);
    backend = await firstBackend(page);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the server name, versions, features and round trip with the demo read key', async () => {
    await fillBackend(backend, { baseUrl: server.url, apiKey: DEMO_KEYS.read });
    const text = await testConnection(backend, 'ok');
    await screenshot(page, 'options-test-ok');
    expect(text).toContain('Connected to touchpoint-reference-server.');
    expect(text).toMatch(/API version\s*1/);
    expect(text).toContain('emailSha256');
    expect(text).toMatch(/Round trip\s*\d+ ms/);
  });

  it('offers hashed lookups once a tested backend lists emailSha256', async () => {
    // The backend is not saved yet, but its id is the one being edited: the switch follows.
    const hashed = page.getByRole('switch', { name: /Hashed lookups/ });
    expect(await hashed.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();
    await expect.poll(() => hashed.isDisabled()).toBe(false);
    // The line about what lookups use now follows the save.
    await expect
      .poll(() => page.locator('.current-status [data-status]').getAttribute('data-status'))
      .toBe('ok');
  });

  it('says the key was refused for a wrong key', async () => {
    await fillBackend(backend, { baseUrl: server.url, apiKey: 'tp_wrong_key' });
    const text = await testConnection(backend, 'unauthorized');
    await screenshot(page, 'options-test-wrong-key');
    expect(text).toMatch(/refused the API key \(HTTP 401\)\. Check the key/);
  });

  it('says it cannot connect to a closed port', async () => {
    await fillBackend(backend, { baseUrl: closedUrl, apiKey: DEMO_KEYS.read });
    const text = await testConnection(backend, 'unreachable');
    expect(text).toContain(`Cannot connect to ${closedUrl}`);
    // A browser's fetch gives no reason, so the message lists what to check.
    expect(text).toContain('the server is running');
  });

  it('says an HTML page is not a Context API', async () => {
    await fillBackend(backend, { baseUrl: htmlUrl, apiKey: DEMO_KEYS.read });
    const text = await testConnection(backend, 'not_context_api');
    await screenshot(page, 'options-test-html');
    expect(text).toContain(`${htmlUrl}/v1/health did not answer with JSON`);
    expect(text).toContain('Check the base URL');
    // A failed test of an edited URL does not take back what the saved URL's test found.
    expect(await page.getByRole('switch', { name: /Hashed lookups/ }).isDisabled()).toBe(false);
  });

  it('refuses to save an invalid URL and says so next to the field', async () => {
    const url = backend.getByLabel('Backend URL', { exact: true });
    await url.fill('http://context.acme.example');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Not saved: correct the fields marked below.').waitFor();
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await url.getAttribute('aria-describedby')) ?? '';
    const error = page.locator(`[id="${describedBy.split(' ')[0]}"]`);
    expect(await error.textContent()).toContain(
      'http://context.acme.example uses plain http: the API key would travel unencrypted. Use https',
    );
    await screenshot(page, 'options-invalid-url');
  });

  it('masks the key, and shows it with a keyboard-operable toggle', async () => {
    const key = backend.getByLabel('API key', { exact: true });
    const toggle = backend.getByRole('button', { name: 'Show key' });
    expect(await key.getAttribute('type')).toBe('password');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await key.focus();
    await page.keyboard.press('Tab');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await key.getAttribute('type')).toBe('text');
  });

  it('reorders backends from the keyboard, keeping focus on the moved one', async () => {
    await page.getByRole('button', { name: 'Add backend' }).click();
    const second = page.locator('fieldset.backend').nth(1);
    await second.getByRole('button', { name: 'Move up' }).focus();
    await page.keyboard.press('Enter');
    const legends = () => page.locator('fieldset.backend > legend').allTextContents();
    await expect.poll(legends).toEqual(['1. Backend 2', '2. Backend']);
    // "Move up" is disabled at the top: the keyboard lands on "Move down" of the same backend.
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      backend: document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent,
    }));
    expect(focused).toEqual({ text: 'Move down', backend: '1. Backend 2' });
    await page.locator('fieldset.backend').first().getByRole('button', { name: 'Remove' }).click();
    await expect.poll(legends).toEqual(['1. Backend']);
  });

  it('validates and saves own addresses, applying at once', async () => {
    const field = page.getByLabel('Add my address', { exact: true });
    await field.fill('not an address');
    await field.press('Enter');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    await expect
      .poll(() => page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent())
      .toMatch(/^"not an address": .+\.$/);
    await field.fill('Rep@Acme.example');
    await field.press('Enter');
    await page.getByRole('button', { name: 'Remove rep@acme.example' }).waitFor();
    const stored = await session.serviceWorker.evaluate(async () => {
      const { storage } = (
        globalThis as unknown as {
          chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return (await storage.sync.get('identity')).identity;
    });
    expect(stored).toMatchObject({ ownEmails: ['rep@acme.example'] });
  });

  it('renders in dark mode too', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'options-dark');
    const colors = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return { background: style.backgroundColor, text: style.color };
    });
    // Dark, with light text, whatever the exact palette.
    expect(relativeLuminance(colors.background)).toBeLessThan(0.2);
    expect(relativeLuminance(colors.text)).toBeGreaterThan(0.6);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('reported no errors besides the refused and failed requests', () => {
    expect(unexpectedProblems(session, EXPECTED_NETWORK_ERRORS)).toBe('');
  });
});

describe('options page: saving', () => {
  it('keeps saved settings through a browser restart, and the sidebar uses them', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'touchpoint-e2e-profile-kept-'));
    try {
      await withExtension({ profileDir }, async (session) => {
        const page = await openOptions(session);
        const backend = await firstBackend(page);
        await backend.getByLabel('Name', { exact: true }).fill('Reference server');
        await fillBackend(backend, { baseUrl: server.url, apiKey: DEMO_KEYS.read });
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page.getByText('Saved.', { exact: true }).waitFor();
        await screenshot(page, 'options-saved');
        expect(unexpectedProblems(session)).toBe('');
      });

      await withExtension({ profileDir }, async (session) => {
        const page = await openOptions(session);
        const backend = page.locator('fieldset.backend').first();
        await backend.waitFor();
        expect(await backend.getByLabel('Name', { exact: true }).inputValue()).toBe(
          'Reference server',
        );
        expect(await backend.getByLabel('Backend URL', { exact: true }).inputValue()).toBe(
          server.url,
        );
        expect(await backend.getByLabel('API key', { exact: true }).inputValue()).toBe(
          DEMO_KEYS.read,
        );
        const sidebar = await session.openExtensionPage('sidebar.html');
        const line = sidebar.locator('[data-status]');
        await line.waitFor({ timeout: 15_000 });
        expect(await line.getAttribute('data-status')).toBe('ok');
        expect(await line.textContent()).toContain('Connected to touchpoint-reference-server');
        expect(unexpectedProblems(session)).toBe('');
      });
    } finally {
      rmSync(profileDir, { recursive: true, force: true });
    }
  });

  it('keeps every change of switches clicked in quick succession', async () => {
    await withExtension({}, async (session) => {
      const page = await openOptions(session);
      const switches = ['Gmail', 'Outlook', 'Salesforce'].map((name) =>
        page.getByRole('switch', { name, exact: true }),
      );
      for (const toggle of switches) expect(await toggle.isChecked()).toBe(true);
      // Real clicks, sent back to back: none waits for the previous save to land.
      const centres = await Promise.all(
        switches.map(async (toggle) => {
          const box = await toggle.boundingBox();
          if (!box) throw new Error('A site switch is not visible.');
          return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        }),
      );
      await Promise.all(centres.map(({ x, y }) => page.mouse.click(x, y)));
      await expect
        .poll(async () =>
          [
            ...(((await readStored(session, 'sync', 'sites')) as { disabled?: string[] })
              ?.disabled ?? []),
          ].sort(),
        )
        .toEqual(['gmail', 'outlook', 'salesforce']);
      for (const toggle of switches) await expect.poll(() => toggle.isChecked()).toBe(false);
      expect(unexpectedProblems(session)).toBe('');
    });
  });
});

describe('options page: import', () => {
  it('names the wrong field of a bad file and changes nothing', async () => {
    await withExtension({ backend: { baseUrl: server.url, apiKey: DEMO_KEYS.read } }, async (s) => {
      const page = await openOptions(s);
      await page.locator('fieldset.backend').first().waitFor();
      const storedSettings = () =>
        s.serviceWorker.evaluate(async () => {
          const { storage } = (
            globalThis as unknown as {
              chrome: { storage: Record<'local' | 'sync', { get(k: null): Promise<object> }> };
            }
          ).chrome;
          return { local: await storage.local.get(null), sync: await storage.sync.get(null) };
        });
      const before = await storedSettings();
      const file = {
        touchpointSettings: 1,
        backends: {
          backends: [
            { id: 'x', name: 'Imported', baseUrl: 'ftp://files.acme.example', enabled: true },
          ],
        },
        sites: { disabled: ['zoho'], customDomains: [] },
        identity: { ownEmails: [], internalDomains: ['acme.example'], neverLookUp: [] },
        privacy: {
          hashedLookups: false,
          lookupOnlyWhenOpened: true,
          persistCache: false,
          auditLog: true,
        },
        display: { mode: 'sidepanel', autoOpen: false, launcherPosition: 'top-left' },
      };
      await page.getByLabel('Import settings from a file').setInputFiles({
        name: 'bad-settings.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(file)),
      });
      const message = page.getByText(/^Not imported \(bad-settings\.json\)/);
      await message.waitFor();
      await screenshot(page, 'options-import-bad-file');
      expect(await message.textContent()).toContain('backends.backends[0].baseUrl');
      expect(await message.textContent()).toContain('Nothing was changed');
      expect(await storedSettings()).toEqual(before);
      expect(await page.getByLabel('Backend URL', { exact: true }).inputValue()).toBe(server.url);
    });
  });

  it('says which API keys to enter and which origins need access after an import', async () => {
    await withExtension({}, async (s) => {
      const page = await openOptions(s);
      const file = {
        touchpointSettings: 1,
        backends: {
          backends: [
            { id: 'gw', name: 'Gateway', baseUrl: 'https://context.example.test', enabled: true },
          ],
        },
        sites: { disabled: [], customDomains: [] },
        identity: { ownEmails: [], internalDomains: [], neverLookUp: [] },
        privacy: {
          hashedLookups: false,
          lookupOnlyWhenOpened: false,
          persistCache: false,
          auditLog: false,
        },
        display: { mode: 'inpage', autoOpen: false, launcherPosition: 'bottom-right' },
      };
      await page.getByLabel('Import settings from a file').setInputFiles({
        name: 'team-settings.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(file)),
      });
      const message = page.getByText(/^Imported team-settings\.json/);
      await message.waitFor();
      await screenshot(page, 'options-import-needs-key-and-access');
      const text = (await message.textContent()) ?? '';
      expect(text).toMatch(/Gateway: enter its API key/i);
      expect(text).toContain("Touchpoint can't reach https://context.example.test yet");
      // The Backends section offers the permission the import could not ask for.
      const backends = page.getByRole('region', { name: 'Backends' });
      await backends.getByText("Touchpoint can't reach https://context.example.test yet").waitFor();
      expect(await backends.getByRole('button', { name: 'Grant access' }).count()).toBe(1);
      // Only the backend's unrouted origin fails (the status line checks it).
      expect(unexpectedProblems(s, [/ERR_BLOCKED_BY_CLIENT/])).toBe('');
    });
  });
});

describe('options page: export', () => {
  it('downloads the settings without API keys unless asked', async () => {
    await withExtension({ backend: { baseUrl: server.url, apiKey: DEMO_KEYS.read } }, async (s) => {
      const page = await openOptions(s);
      await page.locator('fieldset.backend').first().waitFor();
      const exported = async () => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Export settings' }).click(),
        ]);
        const stream = await download.createReadStream();
        let text = '';
        for await (const chunk of stream) text += String(chunk);
        return { name: download.suggestedFilename(), file: JSON.parse(text) as SettingsFile };
      };
      const withoutKeys = await exported();
      expect(withoutKeys.name).toMatch(/^touchpoint-settings-\d{4}-\d{2}-\d{2}\.json$/);
      expect(withoutKeys.file.backends.backends).toEqual([
        { id: 'test', name: 'Test backend', baseUrl: server.url, enabled: true },
      ]);
      const includeKeys = page.getByLabel('Include API keys');
      expect(await includeKeys.isChecked()).toBe(false);
      await includeKeys.check();
      const withKeys = await exported();
      expect(withKeys.file.backends.backends[0]?.apiKey).toBe(DEMO_KEYS.read);
    });
  });
});

declare global {
  interface Window {
    touchpointPermissionRequests?: { origins?: string[]; duringGesture: boolean }[];
  }
}

/**
 * Records each `chrome.permissions.request` of the extension's pages, and whether it ran
 * during the user's gesture, then passes it on to the browser unchanged.
 */
async function recordPermissionRequests(session: ExtensionSession): Promise<void> {
  await session.context.addInitScript(() => {
    const permissions = (
      globalThis as unknown as {
        chrome?: {
          permissions?: { request(p: { origins?: string[] }, ...rest: unknown[]): unknown };
        };
      }
    ).chrome?.permissions;
    if (!permissions) return;
    const request = permissions.request.bind(permissions);
    window.touchpointPermissionRequests = [];
    permissions.request = (permission, ...rest) => {
      window.touchpointPermissionRequests?.push({
        origins: permission.origins,
        duringGesture: navigator.userActivation.isActive,
      });
      return request(permission, ...rest);
    };
  });
}

describe('options page: host access', () => {
  it('offers Grant access for a backend and a custom domain whose origin is not granted', async () => {
    await withExtension(
      { backend: { baseUrl: 'https://context.example.test', apiKey: 'tp_team_key' } },
      async (s) => {
        await recordPermissionRequests(s);
        // As a policy or an import would leave them: stored without the permission.
        await writeStored(s, 'sync', {
          sites: {
            disabled: [],
            customDomains: [{ origin: 'https://crm.example.test', adapter: 'generic' }],
          },
          sites$: { v: 2 },
        });
        const page = await openOptions(s);
        const backends = page.getByRole('region', { name: 'Backends' });
        const sites = page.getByRole('region', { name: 'Sites' });
        const backendNotice = backends.getByText(
          "Touchpoint can't reach https://context.example.test yet",
        );
        await backendNotice.waitFor();
        await sites.getByText("Touchpoint can't reach https://crm.example.test yet").waitFor();

        const grant = backends.getByRole('button', { name: 'Grant access' });
        expect(await grant.getAttribute('aria-describedby')).toBeTruthy();
        await grant.click();
        // Headless Chromium opens the prompt and leaves it unanswered: the page says so, and
        // the request reached the browser inside the click (else it would be refused at once).
        await backends
          .getByText(
            "Asking for access to https://context.example.test: answer the browser's prompt.",
          )
          .waitFor();
        await screenshot(page, 'options-grant-access');
        expect(await page.evaluate(() => window.touchpointPermissionRequests)).toEqual([
          { origins: ['https://context.example.test/*'], duringGesture: true },
        ]);
        expect(unexpectedProblems(s, [/ERR_BLOCKED_BY_CLIENT/])).toBe('');
      },
    );
  });
});

describe('options page: team policy', () => {
  it('shows the fields a managed policy sets as locked', async (context) => {
    try {
      mkdirSync(POLICY_DIR, { recursive: true });
      accessSync(POLICY_DIR, constants.W_OK);
    } catch (error) {
      context.skip(
        `${POLICY_DIR} is not writable (${String(error)}): Chromium reads machine policies only from there; run the browser tests as root to cover team policy.`,
      );
    }
    // An unpacked extension's id comes from its folder: learn it, then deploy the policy.
    const extensionId = await withExtension({}, async (s) => s.extensionId);
    const policyFile = join(POLICY_DIR, `touchpoint-e2e-${process.pid}.json`);
    const policy = {
      backends: [{ name: 'Team gateway', baseUrl: server.url }],
      privacy: { hashedLookups: false, persistCache: false },
      display: { mode: 'sidepanel' },
    };
    try {
      writeFileSync(
        policyFile,
        JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }),
      );
      await withExtension({}, async (s) => {
        expect(s.extensionId).toBe(extensionId);
        const page = await openOptions(s);
        const backend = page.locator('fieldset.backend').first();
        const url = backend.getByLabel('Backend URL', { exact: true });
        await expect.poll(() => url.inputValue(), { timeout: 15_000 }).toBe(server.url);
        await screenshot(page, 'options-policy');

        const describedAsLocked = async (field: Locator) => {
          const ids = ((await field.getAttribute('aria-describedby')) ?? '')
            .split(' ')
            .filter(Boolean);
          const texts = await Promise.all(
            ids.map((id) => page.locator(`[id="${id}"]`).textContent()),
          );
          return texts.includes('Set by your organization');
        };
        // The policy deploys the endpoint: its name, URL and switch are locked…
        for (const field of [
          url,
          backend.getByLabel('Name', { exact: true }),
          backend.getByRole('switch', { name: 'Enabled' }),
          page.getByRole('switch', { name: /Hashed lookups/ }),
          page.getByRole('switch', { name: /Keep cached context/ }),
        ]) {
          expect(await field.isDisabled()).toBe(true);
          expect(await describedAsLocked(field)).toBe(true);
        }
        expect(await backend.getByLabel('Name', { exact: true }).inputValue()).toBe('Team gateway');
        expect(await page.getByRole('button', { name: 'Add backend' }).isDisabled()).toBe(true);
        expect(await page.getByRole('radio', { name: /side panel/ }).isChecked()).toBe(true);
        expect(await page.getByRole('radio', { name: /side panel/ }).isDisabled()).toBe(true);
        // …but not the key (the policy left it to each user), nor what the policy leaves out.
        const key = backend.getByLabel('API key', { exact: true });
        expect(await key.isDisabled()).toBe(false);
        expect(await describedAsLocked(key)).toBe(false);
        expect(
          await page
            .getByRole('switch', { name: 'Look up only when the sidebar is opened' })
            .isDisabled(),
        ).toBe(false);

        // The user enters their key for the team backend; the sidebar then connects.
        await key.fill(DEMO_KEYS.read);
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page.getByText('Saved.', { exact: true }).waitFor();
        const sidebar = await s.openExtensionPage('sidebar.html');
        const line = sidebar.locator('[data-status]');
        await line.waitFor({ timeout: 15_000 });
        expect(await line.textContent()).toContain('Connected to touchpoint-reference-server');
        expect(unexpectedProblems(s)).toBe('');
      });
    } finally {
      rmSync(policyFile, { force: true });
    }
  });
});
