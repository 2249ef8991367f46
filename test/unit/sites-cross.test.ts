/**
 * Every adapter against every adapter's URLs: each accepts its own and rejects the others'
 * (generic takes only what no dedicated adapter's host claims), the registry picks the owner,
 * and each adapter's `reject` URLs give nothing even on a page full of contacts.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { adapterForUrlIn } from '../../utils/sites/detect';
import { detectContacts, SITE_ADAPTERS } from '../../utils/sites/index';

/** The adapter `detectContacts` would run on the URL. */
const adapterForUrl = (url: string) => adapterForUrlIn(SITE_ADAPTERS, url);

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
});

function load(html: string, url: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  windows.push(window);
  window.document.write(html);
  return window.document as unknown as Document;
}

/** A record page per site that yields contacts on an accepted URL (checked below). */
const POSITIVE_FIXTURES: Record<string, string> = {
  salesforce: 'salesforce/lightning-contact.html',
  hubspot: 'hubspot/contact-record.html',
  pipedrive: 'pipedrive/person.html',
  dynamics: 'dynamics/contact-form.html',
  zoho: 'zoho/contact-record.html',
  generic: 'generic/demo-with-main.html',
};
/** For sites without a fixture here (Gmail, Outlook): plenty of mailto links in `main`. */
const MAILTO_PAGE =
  '<main><article><a href="mailto:jane@client.example">Jane</a></article><a href="mailto:li@client.example">Li</a></main>';

function pageFor(siteId: string, url: string): Document {
  const fixture = POSITIVE_FIXTURES[siteId];
  return load(fixture ? readFileSync(`test/fixtures/${fixture}`, 'utf8') : MAILTO_PAGE, url);
}

const ALL_ACCEPTED = SITE_ADAPTERS.flatMap((owner) =>
  owner.testUrls.accept.map((url) => ({ owner: owner.id, url })),
);

describe('site URL matchers', () => {
  it.each(SITE_ADAPTERS.map((adapter) => [adapter.id, adapter] as const))(
    '%s has test URLs',
    (_id, adapter) => {
      expect(adapter.testUrls.accept.length).toBeGreaterThan(0);
    },
  );

  it.each(ALL_ACCEPTED.map(({ owner, url }) => [owner, url] as const))(
    '%s alone accepts %s',
    (owner, url) => {
      const parsed = new URL(url);
      const accepting = SITE_ADAPTERS.filter((adapter) => adapter.matches(parsed)).map(
        (adapter) => adapter.id,
      );
      expect(accepting).toEqual([owner]);
      expect(adapterForUrl(url)?.id).toBe(owner);
    },
  );

  it.each(
    SITE_ADAPTERS.flatMap((adapter) =>
      (adapter.testUrls.reject ?? []).map((url) => [adapter.id, url] as const),
    ),
  )('%s gives nothing on %s', (owner, url) => {
    expect(detectContacts(pageFor(owner, url), url)).toEqual([]);
    // Its own page it skips is still its own: no other adapter (nor the fallback) reads it.
    expect([owner, undefined]).toContain(adapterForUrl(url)?.id);
  });
});

describe('positive fixtures', () => {
  // Without this, the reject test above could pass on pages that hold no contacts at all.
  it.each(Object.entries(POSITIVE_FIXTURES))('%s finds contacts on %s', (siteId) => {
    const adapter = SITE_ADAPTERS.find((candidate) => candidate.id === siteId)!;
    const url = adapter.testUrls.accept[0]!;
    const contacts = detectContacts(pageFor(siteId, url), url);
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts.every((contact) => contact.site === siteId)).toBe(true);
  });
});
