import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { adapterForUrlIn } from './detect';
import { detectContacts, SITE_ADAPTERS } from './index';

/** The adapter `detectContacts` would run on the URL. */
const adapterForUrl = (url: string | URL, enabledSites?: readonly string[]) =>
  adapterForUrlIn(SITE_ADAPTERS, url, enabledSites);

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
});

function page(html: string, url: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  windows.push(window);
  window.document.write(html);
  return window.document as unknown as Document;
}

const HUBSPOT_URL = 'https://app.hubspot.com/contacts/1234567/record/0-1/51';
const HUBSPOT_PAGE = `<div data-test-id="left-sidebar">
  <a href="mailto:jane@client.example">Jane Doe</a>
  <a href="mailto:rep@seller.example">Rep</a>
  <a href="mailto:ops@eu.seller.example">Ops</a>
</div>`;

describe('SITE_ADAPTERS', () => {
  it('lists every site once, generic last', () => {
    const ids = SITE_ADAPTERS.map((adapter) => adapter.id);
    expect(ids).toEqual([
      'gmail',
      'outlook',
      'salesforce',
      'hubspot',
      'pipedrive',
      'dynamics',
      'zoho',
      'generic',
    ]);
  });
});

describe('adapterForUrl', () => {
  it('picks the dedicated adapter, else generic, and honours the enabled list', () => {
    expect(adapterForUrl(HUBSPOT_URL)?.id).toBe('hubspot');
    expect(adapterForUrl(new URL('https://intranet.acme.example/'))?.id).toBe('generic');
    expect(adapterForUrl(HUBSPOT_URL, ['generic'])).toBeUndefined();
    expect(adapterForUrl('https://intranet.acme.example/', ['hubspot'])).toBeUndefined();
    expect(adapterForUrl('not a url')).toBeUndefined();
    expect(adapterForUrl('about:blank')).toBeUndefined();
  });
});

describe('detectContacts', () => {
  it('runs the adapter, applies own and internal filters, and tags the site', () => {
    const contacts = detectContacts(page(HUBSPOT_PAGE, HUBSPOT_URL), HUBSPOT_URL, {
      ownEmails: ['Rep@Seller.example'],
      internalDomains: ['seller.example'],
    });
    expect(contacts).toEqual([
      {
        email: 'jane@client.example',
        name: 'Jane Doe',
        role: 'record',
        site: 'hubspot',
        confidence: 0.9,
      },
    ]);
    // Without the filters all three are there: the filters above did the work.
    expect(detectContacts(page(HUBSPOT_PAGE, HUBSPOT_URL), HUBSPOT_URL)).toHaveLength(3);
  });

  it('gives nothing for a disabled site, without falling back to generic', () => {
    const document = page(`<main>${HUBSPOT_PAGE}</main>`, HUBSPOT_URL);
    expect(detectContacts(document, HUBSPOT_URL, { sites: ['generic', 'gmail'] })).toEqual([]);
    expect(detectContacts(document, HUBSPOT_URL, { sites: ['hubspot'] })).toHaveLength(3);
  });

  it('does not fall back to generic when the dedicated adapter finds nothing', () => {
    const url = 'https://app.hubspot.com/contacts/1234567/record/0-2/8812';
    const document = page(`<main>${HUBSPOT_PAGE}</main>`, url);
    expect(detectContacts(document, url)).toEqual([]);
  });

  it('uses generic only where no dedicated adapter claims the URL, and only when enabled', () => {
    const url = 'https://intranet.acme.example/people/jane';
    const document = page(`<main>${HUBSPOT_PAGE}</main>`, url);
    expect(detectContacts(document, url).map((c) => c.site)).toEqual([
      'generic',
      'generic',
      'generic',
    ]);
    expect(detectContacts(document, url, { sites: ['hubspot'] })).toEqual([]);
  });

  it('never throws on bad URLs', () => {
    const document = page(HUBSPOT_PAGE, HUBSPOT_URL);
    for (const url of [
      '',
      'not a url',
      'http://',
      '://x',
      'javascript:alert(1)',
      'mailto:a@x.example',
    ]) {
      expect(detectContacts(document, url), url).toEqual([]);
    }
    expect(detectContacts(document, undefined as unknown as string)).toEqual([]);
  });

  it('accepts a URL object as well as a string', () => {
    const document = page(HUBSPOT_PAGE, HUBSPOT_URL);
    expect(detectContacts(document, new URL(HUBSPOT_URL))).toEqual(
      detectContacts(document, HUBSPOT_URL),
    );
  });
});
