// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_ADAPTERS, detectContacts } from './index';
import type { DetectOptions } from './index';
import { outlook } from './outlook';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/outlook');
const INTERNAL: DetectOptions = { internalDomains: ['corp.example'] };
const READ_URL =
  'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hYmNkLTEyAAoAEAB%2FzmVu';

function load(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(FIXTURES, name), 'utf8'), 'text/html');
}

/** `role:email` in detection order: the first is the primary contact. */
function detected(doc: Document, url: string, options: DetectOptions = INTERNAL): string[] {
  return detectContacts(doc, url, options).map((c) => `${c.role}:${c.email}`);
}

describe('outlook URLs', () => {
  it('accepts its own test URLs on every host and rejects its reject list', () => {
    const hosts = new Set(outlook.testUrls.accept.map((url) => new URL(url).hostname));
    expect(hosts.size).toBe(4);
    for (const url of outlook.testUrls.accept)
      expect(outlook.matches(new URL(url)), url).toBe(true);
    for (const url of outlook.testUrls.reject ?? []) {
      expect(outlook.matches(new URL(url)), url).toBe(false);
    }
  });

  it('rejects other sites and lookalike hosts', () => {
    const others = SITE_ADAPTERS.filter((a) => a.id !== 'outlook').flatMap(
      (a) => a.testUrls.accept,
    );
    for (const url of [
      ...others,
      'https://outlook.office.com.evil.example/mail/inbox',
      'http://outlook.office.com/mail/inbox',
      'https://outlook.example/mail/inbox',
      'https://mail.google.com/mail/u/0/#inbox',
    ]) {
      expect(outlook.matches(new URL(url)), url).toBe(false);
    }
  });
});

describe('outlook reading pane', () => {
  it('lists sender, To and Cc of the conversation, the newest sender first', () => {
    expect(detected(load('reading-pane.html'), READ_URL)).toEqual([
      'sender:ana@acme.example',
      'recipient:bob@acme.example',
      'cc:carol@globex.example',
    ]);
    expect(detected(load('reading-pane.html'), READ_URL, {})).toContain('cc:tom@corp.example');
  });

  it('reads names and the signed-in address, never list titles or bodies', () => {
    const result = outlook.extract(load('reading-pane.html'), new URL(READ_URL));
    expect(result.ownEmails).toEqual(['jane@corp.example']);
    expect(result.contacts.find((c) => c.primary)).toMatchObject({
      email: 'ana@acme.example',
      name: 'Ana Ortiz',
      role: 'sender',
    });
    const emails = result.contacts.map((c) => c.email);
    expect(emails).not.toContain('zed@umbrella.example');
    expect(emails).not.toContain('mallory@evil.example');
  });

  it('gives no address for a sender shown by name only', () => {
    const url = 'https://outlook.office365.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hYmNkLTEyAAoAEAC';
    const doc = load('name-only.html');
    expect(detected(doc, url)).toEqual(['cc:bob@acme.example']);
    const result = outlook.extract(doc, new URL(url));
    expect(result.contacts.some((c) => c.role === 'sender')).toBe(false);
    expect(result.contacts.find((c) => c.email === 'bob@acme.example')?.name).toBe('Bob Stone');
  });

  it('treats a shared mailbox in the URL as the user’s own', () => {
    const url = 'https://outlook.office.com/mail/bob%40acme.example/inbox/id/AAQkADAwATM0MDAAMS1h';
    expect(outlook.extract(load('reading-pane.html'), new URL(url)).ownEmails).toEqual([
      'jane@corp.example',
      'bob@acme.example',
    ]);
    expect(detected(load('reading-pane.html'), url)).toEqual([
      'sender:ana@acme.example',
      'cc:carol@globex.example',
    ]);
  });

  it('ignores a hidden reading pane', () => {
    const doc = load('reading-pane.html');
    doc.getElementById('ReadingPaneContainerId')?.setAttribute('style', 'display: none');
    expect(detected(doc, READ_URL)).toEqual([]);
  });
});

describe('outlook compose', () => {
  it('lists the recipients of a full-page compose; a name-only chip gives nothing', () => {
    const url = 'https://outlook.office.com/mail/deeplink/compose';
    expect(detected(load('compose.html'), url)).toEqual([
      'compose:dan@initech.example',
      'compose:carol@globex.example',
    ]);
    const emails = outlook.extract(load('compose.html'), new URL(url)).contacts.map((c) => c.email);
    expect(emails).toEqual(['dan@initech.example', 'carol@globex.example']);
  });

  it('inline reply: its recipients lead, the message people follow', () => {
    const url = 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hYmNkLTEyAAoAEAD';
    const doc = load('reading-pane-reply.html');
    expect(detected(doc, url)).toEqual(['compose:dan@initech.example', 'sender:ana@acme.example']);
    // Reply discarded: the sender (read from the From: aria-label) is primary again.
    doc.querySelector('[role="form"]')?.remove();
    expect(detected(doc, url)).toEqual(['sender:ana@acme.example']);
  });
});

describe('outlook list', () => {
  it('gives nothing without an open message', () => {
    expect(detected(load('list.html'), 'https://outlook.office.com/mail/inbox', {})).toEqual([]);
  });
});

describe('outlook hostile markup', () => {
  it('never throws or hangs, and invents nothing', () => {
    const huge = 'b'.repeat(1_000_000);
    const html = `<div id="mectrl_currentAccount_secondary">${'@.'.repeat(100_000)}</div>
      <div id="ReadingPaneContainerId">
        <span aria-label="From: ${huge}"><span data-lpc-hover-target-id="1">${huge} &lt;${huge}@x.example&gt;</span></span>
        <span data-lpc-hover-target-id="2">&lt;script&gt;alert(1)&lt;/script&gt; &lt;a@b&gt;</span>
        <span data-lpc-hover-target-id="3" title="javascript:alert(1)//@x.example">x</span>
        <div data-testid="RecipientWell" aria-label="${huge}">
          <span data-lpc-hover-target-id="4">Real Person &lt;real@acme.example&gt;</span>
          <span data-lpc-hover-target-id="5">${'<>'.repeat(50_000)}</span>
        </div>
      </div>`;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const contacts = detectContacts(doc, READ_URL);
    expect(contacts.map((c) => `${c.role}:${c.email}`)).toEqual(['recipient:real@acme.example']);
  });

  it('gives nothing on an empty document', () => {
    const doc = new DOMParser().parseFromString('', 'text/html');
    expect(outlook.extract(doc, new URL(READ_URL))).toEqual({ contacts: [], ownEmails: [] });
  });
});
