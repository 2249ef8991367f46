// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LARGE_THREAD_OWN,
  LARGE_THREAD_URL,
  buildLargeGmailThread,
} from '../../test/fixtures/gmail/large-thread';
import { parseAddressList } from './addresses';
import { gmail, gmailThreadId } from './gmail';
import { SITE_ADAPTERS, detectContacts } from './index';
import type { DetectOptions } from './index';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmGpPnRNvGplWRsHbVDm';
const FIXTURES = join(import.meta.dirname, '../../test/fixtures/gmail');
const INTERNAL: DetectOptions = { internalDomains: ['corp.example'] };

function load(name: string): Document {
  const html = readFileSync(join(FIXTURES, name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

/** `role:email` in detection order: the first is the primary contact. */
function detected(doc: Document, url: string, options: DetectOptions = INTERNAL): string[] {
  return detectContacts(doc, url, options).map((c) => `${c.role}:${c.email}`);
}

function raw(doc: Document, url: string) {
  return gmail.extract(doc, new URL(url));
}

describe('gmail URLs', () => {
  it('accepts its own test URLs and rejects its reject list', () => {
    expect(gmail.testUrls.accept.length).toBeGreaterThan(0);
    for (const url of gmail.testUrls.accept) expect(gmail.matches(new URL(url)), url).toBe(true);
    for (const url of gmail.testUrls.reject ?? []) {
      expect(gmail.matches(new URL(url)), url).toBe(false);
    }
  });

  it('rejects other sites and lookalike hosts', () => {
    const others = SITE_ADAPTERS.filter((a) => a.id !== 'gmail').flatMap((a) => a.testUrls.accept);
    for (const url of [
      ...others,
      'https://mail.google.com.evil.example/mail/u/0/#inbox',
      'http://mail.google.com/mail/u/0/#inbox',
      'https://calendar.google.com/calendar/u/0/r',
      'https://outlook.office.com/mail/inbox',
    ]) {
      expect(gmail.matches(new URL(url)), url).toBe(false);
    }
  });

  it('finds the thread id only where the hash names one', () => {
    const id = 'FMfcgzQXJWDsKmGpPnRNvGplWRsHbVDm';
    const at = (hash: string) => gmailThreadId(new URL(`https://mail.google.com/mail/u/0/${hash}`));
    expect(at(`#inbox/${id}`)).toBe(id);
    expect(at('#sent/18c2f0a5b3e4d7f9')).toBe('18c2f0a5b3e4d7f9');
    expect(at(`#search/acme+renewal/${id}`)).toBe(id);
    expect(at(`#label/Clients%2FAcme/${id}`)).toBe(id);
    expect(at(`#category/promotions/${id}`)).toBe(id);
    expect(at(`#inbox/${id}?compose=new`)).toBe(id);
    expect(at('#inbox')).toBeUndefined();
    expect(at('#inbox?compose=new')).toBeUndefined();
    expect(at('#search/renewalquoteacme2025')).toBeUndefined();
    expect(at('#label/AcmeRenewalsTeam2025')).toBeUndefined();
    expect(at('#inbox/p2')).toBeUndefined();
    expect(at('#settings/general')).toBeUndefined();
    expect(at(`#inbox/${id.slice(0, 15)}`)).toBeUndefined();
    expect(at(`#inbox/${'x'.repeat(50_000)}`)).toBeUndefined();
  });
});

describe('gmail thread, current markup', () => {
  it('lists every external participant, the latest external sender first', () => {
    expect(detected(load('thread-current.html'), THREAD_URL)).toEqual([
      'sender:bob@acme.example',
      'sender:ana@acme.example',
      'cc:carol@globex.example',
    ]);
  });

  it('keeps the internal colleague when no internal domain is set, drops the user and no-reply', () => {
    expect(detected(load('thread-current.html'), THREAD_URL, {})).toEqual([
      'sender:bob@acme.example',
      'sender:ana@acme.example',
      'cc:carol@globex.example',
      'cc:tom@corp.example',
    ]);
  });

  it('reads To vs Cc from the details table, else from the "cc:" label in the summary', () => {
    const { contacts } = raw(load('thread-current.html'), THREAD_URL);
    const role = (email: string) => contacts.find((c) => c.email === email)?.role;
    // Tom is only in message 3, whose summary has no "cc:" label: the details table decides.
    expect(role('tom@corp.example')).toBe('cc');
    // Carol follows "cc:" in message 4's summary and the cc row in message 3.
    expect(role('carol@globex.example')).toBe('cc');
    expect(contacts.find((c) => c.email === 'bob@acme.example')).toMatchObject({
      role: 'sender',
      name: 'Bob Stone',
      primary: true,
    });
    expect(contacts.filter((c) => c.primary)).toHaveLength(1);
  });

  it('never reads people from bodies or hidden views', () => {
    const emails = raw(load('thread-current.html'), THREAD_URL).contacts.map((c) => c.email);
    expect(emails).not.toContain('partner@quotes.example');
    expect(emails).not.toContain('zed@umbrella.example');
  });

  it('takes the account from the title, never an address in the subject', () => {
    const doc = load('thread-current.html');
    doc.querySelector('a[aria-label]')?.remove();
    doc.title = 'Fwd: bob@acme.example intro - jane@corp.example - Gmail';
    expect(raw(doc, THREAD_URL).ownEmails).toEqual(['jane@corp.example']);
    expect(detected(doc, THREAD_URL, {})[0]).toBe('sender:bob@acme.example');
  });

  it('reads the signed-in address from the title and from the account link', () => {
    const doc = load('thread-current.html');
    expect(raw(doc, THREAD_URL).ownEmails).toEqual(['jane@corp.example']);
    doc.title = 'Renewal 2025 - Corp Mail';
    expect(raw(doc, THREAD_URL).ownEmails).toEqual(['jane@corp.example']);
    doc.querySelector('a[aria-label]')?.remove();
    expect(raw(doc, THREAD_URL).ownEmails).toEqual([]);
    // Without any own address, Jane's latest message makes her look like the contact…
    expect(detected(doc, THREAD_URL, {})[0]).toBe('sender:jane@corp.example');
    // …unless the settings name her (or her company) instead.
    expect(detected(doc, THREAD_URL, { ownEmails: ['Jane@Corp.example'] })[0]).toBe(
      'sender:bob@acme.example',
    );
  });

  it('needs both a thread URL and a visible thread', () => {
    expect(
      detected(load('thread-current.html'), 'https://mail.google.com/mail/u/0/#inbox'),
    ).toEqual([]);
    expect(detected(load('inbox.html'), THREAD_URL)).toEqual([]);
  });

  it('takes the primary from expanded messages only', () => {
    const doc = load('thread-current.html');
    const listItem = (n: number) =>
      doc.querySelector(`[data-message-id="#msg-f:178200000000000000${n}"]`)?.parentElement;
    // Bob's message collapsed, Ana's first message expanded: Ana is the latest expanded
    // external sender now.
    listItem(4)?.setAttribute('class', 'kv');
    listItem(1)?.setAttribute('class', 'h7');
    expect(raw(doc, THREAD_URL).contacts.filter((c) => c.primary)).toMatchObject([
      { email: 'ana@acme.example', role: 'sender' },
    ]);
    expect(detected(doc, THREAD_URL)[0]).toBe('sender:ana@acme.example');
  });
});

describe('gmail thread, unknown container', () => {
  it('falls back to the main region when neither thread container is there', () => {
    const doc = load('thread-stale-view.html');
    for (const root of doc.querySelectorAll('div.a98.iY')) root.className = 'zz9';
    expect(detected(doc, THREAD_URL)).toEqual(['sender:ana@acme.example']);
  });
});

describe('gmail thread, older markup (table.Bs)', () => {
  it('finds the participants; the user wrote last, so the first external To is primary', () => {
    expect(
      detected(
        load('thread-legacy.html'),
        'https://mail.google.com/mail/u/0/#sent/18c2f0a5b3e4d7f9',
      ),
    ).toEqual(['recipient:frank@umbrella.example', 'sender:erin@umbrella.example']);
  });
});

describe('gmail stale views', () => {
  it('reads only the visible thread', () => {
    expect(detected(load('thread-stale-view.html'), THREAD_URL)).toEqual([
      'sender:ana@acme.example',
    ]);
  });

  it('follows which view is visible, however it is hidden', () => {
    const doc = load('thread-stale-view.html');
    const [stale, current] = [...doc.querySelectorAll('div.aeF > div.nH')];
    stale?.removeAttribute('style');
    current?.setAttribute('style', 'display:none');
    expect(detected(doc, THREAD_URL)).toEqual(['sender:carol@globex.example']);
    current?.removeAttribute('style');
    stale?.setAttribute('hidden', '');
    expect(detected(doc, THREAD_URL)).toEqual(['sender:ana@acme.example']);
    current?.setAttribute('aria-hidden', 'true');
    expect(detected(doc, THREAD_URL)).toEqual([]);
  });
});

describe('gmail delegated mailbox', () => {
  it('treats the delegated mailbox and the signed-in user as own', () => {
    const url =
      'https://mail.google.com/mail/u/0/d/AEoRXRQx7cG2wJkT/#inbox/FMfcgzQXJWDsKmGpPnRNvGplWRsHbVDm';
    const doc = load('thread-delegated.html');
    expect(raw(doc, url).ownEmails).toEqual(['max@corp.example', 'jane@corp.example']);
    expect(detected(doc, url, {})).toEqual(['sender:ana@acme.example']);
  });
});

describe('gmail compose', () => {
  const COMPOSE_URL = 'https://mail.google.com/mail/u/0/#inbox?compose=new';

  it('lists the recipients of open popups (chips), not autocomplete suggestions', () => {
    expect(detected(load('compose-popup.html'), COMPOSE_URL)).toEqual([
      'compose:ana@acme.example',
      'compose:dan@initech.example',
      'compose:carol@globex.example',
      'compose:erin@umbrella.example',
    ]);
    const { contacts } = raw(load('compose-popup.html'), COMPOSE_URL);
    expect(contacts.map((c) => c.email)).not.toContain('suggested@acme.example');
    expect(contacts.find((c) => c.email === 'dan@initech.example')?.name).toBe('Dan Wu');
  });

  it('puts the focused compose first', () => {
    document.title = 'Inbox - jane@corp.example - Corp Mail';
    document.body.innerHTML = load('compose-popup.html').body.innerHTML;
    const editors = document.querySelectorAll<HTMLElement>('div.M9 [contenteditable="true"]');
    editors[1]?.focus();
    expect(document.activeElement).toBe(editors[1]);
    expect(detected(document, COMPOSE_URL)[0]).toBe('compose:erin@umbrella.example');
    editors[0]?.focus();
    expect(detected(document, COMPOSE_URL)[0]).toBe('compose:ana@acme.example');
  });

  it('parses the older hidden-input markup', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox?compose=15d3a8c2e4f0b1a7';
    expect(detected(load('compose-legacy.html'), url)).toEqual([
      'compose:ana@acme.example',
      'compose:dan@initech.example',
      'compose:carol@globex.example',
      'compose:bob@acme.example',
    ]);
    const ana = raw(load('compose-legacy.html'), url).contacts[0];
    expect(ana).toMatchObject({ name: 'Ortiz, Ana', primary: true });
  });

  it('inline reply: its recipients come first, the thread follows, stale views are ignored', () => {
    expect(detected(load('inline-reply.html'), THREAD_URL)).toEqual([
      'compose:dan@initech.example',
      'sender:bob@acme.example',
      'recipient:ana@acme.example',
    ]);
    const doc = load('inline-reply.html');
    expect(raw(doc, THREAD_URL).contacts.map((c) => c.email)).not.toContain('ghost@stale.example');
    // Reply closed: the thread's own pick is primary again.
    doc.querySelector('.ip div.M9')?.remove();
    expect(detected(doc, THREAD_URL)).toEqual([
      'sender:bob@acme.example',
      'recipient:ana@acme.example',
    ]);
  });
});

describe('gmail lists', () => {
  it('gives nothing for the inbox and search results', () => {
    expect(detected(load('inbox.html'), 'https://mail.google.com/mail/u/0/#inbox', {})).toEqual([]);
    for (const hash of ['#search/acme+renewal', '#search/renewalquoteacme2025']) {
      expect(detected(load('search.html'), `https://mail.google.com/mail/u/0/${hash}`, {})).toEqual(
        [],
      );
    }
  });
});

describe('parseAddressList', () => {
  it('handles quoted names with commas, angle brackets and bare addresses', () => {
    expect(
      parseAddressList(
        '"Ortiz, Ana" <Ana@Acme.example>, dan@initech.example; Carol <carol@globex.example>',
      ),
    ).toEqual([
      { email: 'ana@acme.example', name: 'Ortiz, Ana' },
      { email: 'dan@initech.example' },
      { email: 'carol@globex.example', name: 'Carol' },
    ]);
    expect(parseAddressList('"Odd \\" Quote, Inc" <bob@acme.example>')).toEqual([
      { email: 'bob@acme.example', name: 'Odd \\" Quote, Inc' },
    ]);
  });

  it('drops names without addresses and malformed entries', () => {
    expect(parseAddressList('Lee, <not an address>, @nope, a@b, Jane Doe')).toEqual([]);
    expect(parseAddressList('')).toEqual([]);
    // An unterminated quote swallows the rest into one entry; its bracketed address stays.
    expect(parseAddressList('"Lee, x <x@y.example>, z@y.example')).toEqual([
      { email: 'x@y.example', name: 'Lee, x' },
    ]);
  });
});

describe('gmail hostile markup', () => {
  it('never throws or hangs, and invents nothing', () => {
    const huge = 'a'.repeat(1_000_000);
    const nested = '<span>'.repeat(2000) + 'cc:' + '</span>'.repeat(2000);
    const html = `<title>${'x@'.repeat(100_000)} - Gmail</title>
      <div class="a98 iY"><div class="adn" data-message-id="1">
        <span class="gD" email="${huge}@x.example" name="${huge}">x</span>
        <span class="gD" email="&lt;script&gt;alert(1)&lt;/script&gt;@x.example">x</span>
        <span class="gD" email="a@b">x</span>
        <span class="gD" data-hovercard-id="javascript:alert(1)//@x.example">x</span>
        <span class="hb">to ${nested}<span class="g2" email="real@acme.example" name="&lt;img src=x onerror=alert(1)&gt;">r</span></span>
      </div><div class="adn" data-message-id="2">
        <table class="ajC"><tr><td>${huge}</td><td><span class="g2" email="to@acme.example">c</span></td></tr></table>
      </div></div>
      <div class="M9"><div class="GS"><input type="hidden" name="to" value="${'&quot;&lt;,'.repeat(100_000)}"></div>
        <div name="to"><div role="option" data-hovercard-id="${huge}">x</div></div></div>`;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const result = raw(doc, THREAD_URL);
    const contacts = detectContacts(doc, THREAD_URL);
    // The latest message's first To is primary; the "cc:" deep in the summary still counts.
    expect(contacts.map((c) => `${c.role}:${c.email}`)).toEqual([
      'recipient:to@acme.example',
      'cc:real@acme.example',
    ]);
    expect(contacts[1]?.name).toBe('<img src=x onerror=alert(1)>');
    expect(result.ownEmails).toEqual([]);
  });

  it('gives nothing on an empty or unrelated document', () => {
    const doc = new DOMParser().parseFromString('<p>hello</p>', 'text/html');
    expect(raw(doc, THREAD_URL)).toEqual({ contacts: [], ownEmails: [] });
  });
});

describe('gmail large thread (benchmark fixture)', () => {
  it('has 100 messages and 300 external participants, all found', () => {
    const doc = new DOMParser().parseFromString(buildLargeGmailThread(), 'text/html');
    expect(doc.querySelectorAll('div.adn[data-message-id]')).toHaveLength(100);
    const contacts = detectContacts(doc, LARGE_THREAD_URL);
    expect(contacts).toHaveLength(300);
    expect(contacts.map((c) => c.email)).not.toContain(LARGE_THREAD_OWN);
    // Message 99 is expanded and sent by participant 297.
    expect(contacts[0]).toMatchObject({ email: 'person297@company1.example', role: 'sender' });
  });
});
