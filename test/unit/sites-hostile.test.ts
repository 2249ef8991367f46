/**
 * Hostile and pathological markup: detection never throws, never hangs, and never turns junk
 * into contacts. Every adapter runs on every page at one of its own URLs.
 */
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { detectContacts, SITE_ADAPTERS } from '../../utils/sites/index';

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

/** Markup shapes every adapter's selectors look for, wrapped around `inner`. */
function everySiteShape(inner: string): string {
  return `<body class="sfdcBody"><main>
    <div class="windowViewMode-normal oneContent active">
      <records-record-layout-item data-target-selection-name="sfdc:RecordField.Contact.Email">
        <lightning-formatted-email>${inner}</lightning-formatted-email>
      </records-record-layout-item>
    </div>
    <div data-test-id="left-sidebar">${inner}</div>
    <div data-test="person.email">${inner}</div>
    <div data-id="emailaddress1.fieldControl-mail-text-input">${inner}</div>
    <div id="con15_ileinner">${inner}</div>
    <article class="vcard h-card"><span class="email u-email">${inner}</span>${inner}</article>
  </main></body>`;
}

const SITE_URLS = SITE_ADAPTERS.map((adapter) => adapter.testUrls.accept[0]).filter(
  (url): url is string => !!url,
);

function detectEverywhere(html: string): string[] {
  return SITE_URLS.flatMap((url) => detectContacts(load(html, url), url).map((c) => c.email));
}

describe('hostile markup', () => {
  it('ignores javascript: and other non-mailto links, and junk addresses', () => {
    const inner = [
      '<a href="javascript:alert(\'a@x.example\')">x</a>',
      '<a href="https://b@x.example/">x</a>',
      '<a href="mailto:">x</a>',
      '<a href="mailto:not-an-email">x</a>',
      '<a href="mailto:a@b">x</a>',
      '<a href="mailto:%E0%A4%A">x</a>',
      '<a href="mailto:%3Cscript%3E@x.example">x</a>',
      '<a href="mailto:a@@x.example">x</a>',
      `<a href="mailto:${'a'.repeat(70)}@x.example">x</a>`,
    ].join('');
    expect(detectEverywhere(everySiteShape(inner))).toEqual([]);
  });

  it('splits several and decodes encoded addresses in one mailto', () => {
    const html = everySiteShape(
      '<a href="mailto:a%40x.example,%20b@y.example?subject=a%40z.example">x</a>',
    );
    const url = SITE_ADAPTERS.find((adapter) => adapter.id === 'generic')!.testUrls.accept[0]!;
    expect(detectContacts(load(html, url), url).map((c) => c.email)).toEqual([
      'a@x.example',
      'b@y.example',
    ]);
  });

  it('stays fast with huge attribute values', () => {
    const huge = 'a'.repeat(200_000);
    const inner = `<a href="mailto:${huge}@x.example" title="${huge}" style="${huge}">${huge}</a>
      <a href="mailto:${'%40'.repeat(50_000)}">x</a>
      <input data-id="emailaddress1.fieldControl-mail-text-input" value="${huge}@x.example">
      <script type="application/ld+json">{"@type":"Person","email":"${huge}@x.example"}</script>`;
    expect(detectEverywhere(everySiteShape(inner))).toEqual([]);
  });

  it('stays bounded with thousands of links', () => {
    const links = Array.from(
      { length: 5000 },
      (_, i) => `<a href="mailto:person${i}@client.example">P ${i}</a>`,
    ).join('');
    const url = 'https://intranet.acme.example/';
    const contacts = detectContacts(load(`<main>${links}</main>`, url), url);
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts.length).toBeLessThanOrEqual(100);
  });

  it('survives deeply nested elements and deeply nested JSON-LD', () => {
    const depth = 1500;
    const nested = `${'<div>'.repeat(depth)}<a href="mailto:deep@client.example">Deep</a>${'</div>'.repeat(depth)}`;
    const json = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const html = `<main>${nested}</main><script type="application/ld+json">${json}</script>`;
    const url = 'https://intranet.acme.example/';
    expect(detectContacts(load(html, url), url).map((c) => c.email)).toEqual([
      'deep@client.example',
    ]);
  });

  it('walks deep and wide open shadow roots within bounds', () => {
    const url = SITE_ADAPTERS.find((adapter) => adapter.id === 'salesforce')!.testUrls.accept[0]!;
    const document = load(
      '<div class="windowViewMode-normal oneContent active"><x-root id="root"></x-root></div>',
      url,
    );
    // 200 nested shadow roots: far past the walk's depth bound.
    let host = document.getElementById('root')!;
    for (let level = 0; level < 200; level++) {
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<x-level></x-level>';
      host = shadow.firstElementChild as HTMLElement;
    }
    host.innerHTML = `<div data-target-selection-name="sfdc:RecordField.Contact.Email">
      <a href="mailto:too.deep@client.example">x</a></div>`;
    // And 2000 sibling shadow roots: past the walk's root-count bound.
    const wide = document.createElement('div');
    for (let i = 0; i < 2000; i++) {
      wide.appendChild(document.createElement('x-wide')).attachShadow({ mode: 'open' }).innerHTML =
        '<span></span>';
    }
    document.querySelector('.oneContent')!.appendChild(wide);
    expect(detectContacts(document, url)).toEqual([]);
  });

  it('returns nothing when the document itself misbehaves', () => {
    const throwing = new Proxy({} as Document, {
      get() {
        throw new Error('hostile document');
      },
    });
    for (const url of SITE_URLS) expect(detectContacts(throwing, url), url).toEqual([]);
  });
});
