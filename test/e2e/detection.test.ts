import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TabContacts } from '../../utils/protocol/protocol';
import { detectContacts } from '../../utils/sites';
import { fixtureHtml, launchExtension, screenshot, unexpectedProblems } from './harness';
import type { ExtensionSession } from './harness';

/**
 * Detection in real Chromium: routed fixtures at the sites' real URLs, the per-tab contacts
 * the background keeps, navigation inside Gmail, and settings that apply without a reload.
 */

const GMAIL_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmGpPnRNvGplWRsHbVDm';
const GMAIL_SENT_THREAD = 'https://mail.google.com/mail/u/0/#sent/18c2f0a5b3e4d7f9';

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

/** Every tab's contacts as the background keeps them (session storage). */
async function backgroundContacts(): Promise<TabContacts[]> {
  return session.serviceWorker.evaluate(async () => {
    const { storage } = (
      globalThis as unknown as {
        chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
      }
    ).chrome;
    const { tabContacts } = await storage.session.get('tabContacts');
    return Object.values((tabContacts ?? {}) as Record<string, TabContacts>);
  });
}

/** The contact list the background holds for `url` ('' when it holds none), polled. */
function contactsFor(url: string) {
  return expect.poll(
    async () => {
      const entry = (await backgroundContacts()).find((e) => e.url === url);
      return entry ? entry.contacts.map((c) => `${c.role}:${c.email}`).join(' ') : '';
    },
    { timeout: 8000 },
  );
}

/** What the same adapter finds on the same fixture in Node (happy-dom). */
function expectedInNode(
  site: string,
  fixture: string,
  url: string,
  internalDomains: string[] = [],
) {
  const window = new Window({ url });
  window.document.write(readFileSync(join('test/fixtures', site, `${fixture}.html`), 'utf8'));
  const contacts = detectContacts(window.document as unknown as Document, url, { internalDomains });
  return contacts.map((c) => `${c.role}:${c.email}`).join(' ');
}

/** Swaps the page's view in place, the way a single-page app such as Gmail does. */
async function showView(page: Page, site: string, fixture: string, hash: string) {
  const html = fixtureHtml(site, fixture);
  await page.evaluate(
    ([markup, newHash]) => {
      const parsed = new DOMParser().parseFromString(markup, 'text/html');
      document.title = parsed.title;
      document.body.replaceChildren(...Array.from(parsed.body.childNodes));
      location.hash = newHash;
    },
    [html, hash] as const,
  );
}

describe('detection in Chromium', () => {
  it('keeps a Gmail thread’s external participants per tab, latest external sender first', async () => {
    await session.routeHtml('https://mail.google.com/**', fixtureHtml('gmail', 'thread-current'));
    const page = await session.newPage();
    await page.goto(GMAIL_THREAD);
    await contactsFor(GMAIL_THREAD).toBe(
      'sender:bob@acme.example sender:ana@acme.example cc:carol@globex.example cc:tom@corp.example',
    );
    await screenshot(page, 'gmail-thread');

    // Internal domains apply to the open tab without a reload.
    await session.serviceWorker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { sync: { set(v: object): Promise<void> } } };
        }
      ).chrome.storage.sync.set({
        identity: { ownEmails: [], internalDomains: ['corp.example'] },
      }),
    );
    await contactsFor(GMAIL_THREAD).toBe(
      'sender:bob@acme.example sender:ana@acme.example cc:carol@globex.example',
    );

    // Another thread in the same tab (hash navigation, view swapped in place)…
    await showView(page, 'gmail', 'thread-legacy', '#sent/18c2f0a5b3e4d7f9');
    await contactsFor(GMAIL_SENT_THREAD).toBe(
      'recipient:frank@umbrella.example sender:erin@umbrella.example',
    );
    // …and back to the inbox: nothing to look up, the tab's entry goes away.
    await showView(page, 'gmail', 'inbox', '#inbox');
    await expect.poll(async () => (await backgroundContacts()).length, { timeout: 8000 }).toBe(0);

    await page.close();
    await session.serviceWorker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { sync: { clear(): Promise<void> } } } }
      ).chrome.storage.sync.clear(),
    );
  });

  it.each([
    [
      'outlook',
      'reading-pane',
      'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hYmNkLTEyAAoAEAB%2FzmVu',
      'https://outlook.office.com/**',
    ],
    [
      'salesforce',
      'lightning-contact',
      'https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZabAAB/view',
      'https://acme.lightning.force.com/**',
    ],
    [
      'hubspot',
      'contact-record',
      'https://app.hubspot.com/contacts/1234567/record/0-1/51',
      'https://app.hubspot.com/**',
    ],
  ])('finds on %s (%s) what the adapter finds in Node', async (site, fixture, url, pattern) => {
    const expected = expectedInNode(site, fixture, url);
    expect(expected).not.toBe('');
    await session.routeHtml(pattern, fixtureHtml(site, fixture));
    const page = await session.newPage();
    await page.goto(url);
    await contactsFor(url).toBe(expected);
    await screenshot(page, `${site}-${fixture}`);
    await page.close();
    // Closing the tab forgets its contacts.
    await expect
      .poll(async () => (await backgroundContacts()).some((e) => e.url === url), { timeout: 8000 })
      .toBe(false);
  });

  it('reported no errors in any page or the service worker', () => {
    expect(unexpectedProblems(session, [/net::ERR_BLOCKED_BY_CLIENT/])).toBe('');
  });
});
