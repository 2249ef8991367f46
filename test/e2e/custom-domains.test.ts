import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabContacts } from '../../utils/protocol/protocol';
import { salesforce } from '../../utils/sites/salesforce';
import { detectPage } from '../../utils/sites/detect';
import { CUSTOM_DOMAIN_ORIGIN } from './global-setup';
import { fixtureHtml, launchExtension, screenshot, unexpectedProblems } from './harness';
import type { ExtensionSession } from './harness';

/**
 * A custom domain for real: the admin adds a Salesforce on a company domain on the options
 * page; the background registers the Salesforce content script there at run time, the page
 * is read, and removing the domain unregisters it. The e2e build pre-grants this origin
 * (WXT_TOUCHPOINT_HOSTS), because headless Chromium cannot answer a permission prompt.
 */

const RECORD_URL = `${CUSTOM_DOMAIN_ORIGIN}/lightning/r/Contact/0035g00000XyZabAAB/view`;
const SCRIPT_ID = `custom:${CUSTOM_DOMAIN_ORIGIN}`;

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
  await session.routeHtml(
    `${CUSTOM_DOMAIN_ORIGIN}/**`,
    fixtureHtml('salesforce', 'lightning-contact'),
  );
});
afterAll(async () => {
  await session?.close();
});

type ChromeGlobal = {
  chrome: {
    scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; js?: string[] }>> };
    storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
  };
};

function registeredScripts() {
  return session.serviceWorker.evaluate(async () =>
    (globalThis as unknown as ChromeGlobal).chrome.scripting.getRegisteredContentScripts(),
  );
}

async function contactsAt(url: string): Promise<string> {
  const all = await session.serviceWorker.evaluate(async () => {
    const { tabContacts } = await (
      globalThis as unknown as ChromeGlobal
    ).chrome.storage.session.get('tabContacts');
    return Object.values((tabContacts ?? {}) as Record<string, TabContacts>);
  });
  const entry = all.find((e) => e.url === url);
  return entry ? entry.contacts.map((c) => `${c.role}:${c.email}`).join(' ') : '';
}

describe('custom domains', () => {
  it('registers the picked adapter on the added origin, reads the record, and unregisters it', async () => {
    // Before: no Touchpoint script on that origin.
    const before = await session.newPage();
    await before.goto(RECORD_URL);
    await before.waitForTimeout(500);
    expect(await before.locator('html').getAttribute('data-touchpoint')).toBeNull();
    await before.close();

    const options = await session.openExtensionPage('options.html');
    await options.getByLabel('Origin').fill(CUSTOM_DOMAIN_ORIGIN);
    await options.getByLabel('Read it as').selectOption({ label: 'Salesforce' });
    await options.getByRole('button', { name: 'Add domain' }).click();
    await expect
      .poll(async () => (await registeredScripts()).find((s) => s.id === SCRIPT_ID)?.js)
      .toEqual(['content-scripts/salesforce.js']);
    await screenshot(options, 'options-custom-domain-added');

    // The Salesforce reader runs on the company domain and finds what it finds in Node.
    const window = new Window({ url: RECORD_URL });
    window.document.write(
      readFileSync(join('test/fixtures/salesforce/lightning-contact.html'), 'utf8'),
    );
    // The adapter matches by host; on a custom domain the picked adapter reads any host.
    const expected = detectPage(
      [{ ...salesforce, matches: () => true }],
      window.document as unknown as Document,
      RECORD_URL,
    )
      .contacts.map((c) => `${c.role}:${c.email}`)
      .join(' ');
    expect(expected).not.toBe('');
    const page = await session.newPage();
    await page.goto(RECORD_URL);
    await expect.poll(() => page.locator('html').getAttribute('data-touchpoint')).toBe('active');
    await expect.poll(() => contactsAt(RECORD_URL), { timeout: 8000 }).toBe(expected);
    await page.close();

    // Removing the domain unregisters the script; a new page there is left alone.
    await options.getByRole('button', { name: `Remove ${CUSTOM_DOMAIN_ORIGIN}` }).click();
    await expect
      .poll(async () => (await registeredScripts()).some((s) => s.id === SCRIPT_ID))
      .toBe(false);
    const after = await session.newPage();
    await after.goto(RECORD_URL);
    await after.waitForTimeout(500);
    expect(await after.locator('html').getAttribute('data-touchpoint')).toBeNull();
    await after.close();
    await options.close();
  });

  it('reported no errors in any page or the service worker', () => {
    expect(unexpectedProblems(session, [/net::ERR_BLOCKED_BY_CLIENT/])).toBe('');
  });
});
