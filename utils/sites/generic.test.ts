import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { generic } from './generic';
import { detectContacts } from './index';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
});

function load(file: string, url: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  windows.push(window);
  window.document.write(readFileSync(`test/fixtures/generic/${file}`, 'utf8'));
  return window.document as unknown as Document;
}

function page(html: string, url = 'https://intranet.acme.example/'): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  windows.push(window);
  window.document.write(html);
  return window.document as unknown as Document;
}

describe('generic adapter', () => {
  it("reads the demo inbox's open message: its sender, not the list or the body text", () => {
    const url = 'http://127.0.0.1:8787/demo';
    expect(detectContacts(load('demo.html', url), url)).toEqual([
      {
        email: 'avery.chen@northwind.example',
        name: 'Avery Chen',
        role: 'link',
        site: 'generic',
        confidence: 0.5,
      },
    ]);
  });

  it('makes the open message sender primary when list and message share main', () => {
    const url = 'https://intranet.acme.example/mail/inbox/2';
    const contacts = detectContacts(load('demo-with-main.html', url), url);
    expect(contacts.map((c) => [c.email, c.name, c.confidence])).toEqual([
      ['open.sender@client.example', 'Open Sender', 0.6],
      ['first.in.list@client.example', 'First In List', 0.5],
      ['cc.person@client.example', undefined, 0.5],
    ]);
  });

  it('reads hCards in the content, preferring their names over link captions, not the footer', () => {
    const url = 'https://blog.partner.example/authors/dana';
    expect(detectContacts(load('hcard.html', url), url)).toEqual([
      {
        email: 'dana.whitfield@partner.example',
        name: 'Dana Whitfield',
        role: 'link',
        site: 'generic',
        confidence: 0.6,
      },
      {
        email: 'eli.park@partner.example',
        name: 'Eli Park',
        role: 'link',
        site: 'generic',
        confidence: 0.6,
      },
    ]);
  });

  it('reads schema.org Persons (microdata and JSON-LD), not Organizations, surviving bad JSON', () => {
    const url = 'https://www.partner.example/team';
    expect(detectContacts(load('schema-person.html', url), url)).toEqual([
      {
        email: 'mei.tanaka@partner.example',
        name: 'Mei Tanaka',
        role: 'link',
        site: 'generic',
        confidence: 0.6,
      },
      {
        email: 'rui.costa@partner.example',
        name: 'Rui Costa',
        role: 'link',
        site: 'generic',
        confidence: 0.5,
      },
    ]);
  });

  it('uses main over the rest of the body, and never scans text', () => {
    const document = page(`<body>
      <div><a href="mailto:outside@client.example">Outside</a></div>
      <main><p>Write to plain.text@client.example</p><a href="mailto:inside@client.example">In</a></main>
    </body>`);
    expect(detectContacts(document, 'https://intranet.acme.example/').map((c) => c.email)).toEqual([
      'inside@client.example',
    ]);
  });

  it('skips hidden links and hidden main landmarks', () => {
    const document = page(`<body>
      <main hidden><a href="mailto:stale@client.example">Stale</a></main>
      <main>
        <a href="mailto:shown@client.example">Shown</a>
        <a style="display:none" href="mailto:hidden@client.example">Hidden</a>
        <span aria-hidden="true"><a href="mailto:aria@client.example">Aria</a></span>
      </main>
    </body>`);
    expect(detectContacts(document, 'https://intranet.acme.example/').map((c) => c.email)).toEqual([
      'shown@client.example',
    ]);
  });

  it("leaves the dedicated sites' hosts alone, even pages their adapters skip", () => {
    for (const url of [
      'https://mail.google.com/chat/u/0/#chat/home',
      'https://www.pipedrive.com/en/contact',
      'https://acme.operations.dynamics.com/?cmp=usmf',
      'https://crm.zoho.com/crm/org1/tab/Home/begin',
      'https://acme.lightning.force.com/lightning/page/home',
    ]) {
      expect(generic.matches(new URL(url)), url).toBe(false);
    }
    expect(generic.matches(new URL('https://notpipedrive.com/person/1'))).toBe(true);
  });

  it('matches any other http(s) page and nothing else', () => {
    for (const url of generic.testUrls.accept)
      expect(generic.matches(new URL(url)), url).toBe(true);
    for (const url of [
      'file:///tmp/a.html',
      'chrome-extension://abc/sidebar.html',
      'about:blank',
    ]) {
      expect(generic.matches(new URL(url)), url).toBe(false);
    }
  });
});
