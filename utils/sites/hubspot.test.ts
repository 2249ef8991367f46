import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { hubspot, isHubSpotContactRecord } from './hubspot';
import { detectContacts } from './index';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
});

function load(file: string, url: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  windows.push(window);
  window.document.write(readFileSync(`test/fixtures/hubspot/${file}`, 'utf8'));
  return window.document as unknown as Document;
}

describe('hubspot URLs', () => {
  it('accepts contact records on every regional host, new and legacy', () => {
    for (const url of [
      ...hubspot.testUrls.accept,
      'https://app-ap1.hubspot.com/contacts/5/record/0-1/6',
    ]) {
      expect(isHubSpotContactRecord(new URL(url)), url).toBe(true);
    }
  });

  it('rejects companies, deals, tickets, lists and other hosts', () => {
    for (const url of [
      ...(hubspot.testUrls.reject ?? []),
      'https://www.hubspot.com/contacts/1/record/0-1/2',
      'https://app.hubspot.com/contacts/1/record/0-10/2',
    ]) {
      expect(isHubSpotContactRecord(new URL(url)), url).toBe(false);
    }
  });

  it('never claims a lookalike host; there only a custom domain assigned by the admin reads', () => {
    const lookalike = 'https://app.hubspot.com.evil.example/contacts/1/record/0-1/2';
    expect(hubspot.matches(new URL(lookalike))).toBe(false);
    // Only the generic reader may look there (and no content script runs on that host).
    const sites = detectContacts(load('contact-record.html', lookalike), lookalike).map(
      (c) => c.site,
    );
    expect(sites.filter((site) => site !== 'generic')).toEqual([]);
    // A host the admin assigned to this adapter (custom domain): the path decides.
    expect(
      isHubSpotContactRecord(new URL('https://crm.acme.example/contacts/1/record/0-1/2')),
    ).toBe(true);
  });
});

describe('hubspot contact records', () => {
  it('reads the sidebar email, ignoring hidden tabs, the nav, the timeline and associations', () => {
    const url = 'https://app.hubspot.com/contacts/1234567/record/0-1/51';
    expect(detectContacts(load('contact-record.html', url), url)).toEqual([
      {
        email: 'maria.garcia@client.example',
        name: 'Maria Garcia',
        role: 'record',
        site: 'hubspot',
        confidence: 0.9,
      },
    ]);
  });

  it('reads the email property input in the visible sidebar only', () => {
    const url = 'https://app-eu1.hubspot.com/contacts/26543210/record/0-1/9876543210';
    const document = load('contact-record-property.html', url);
    expect(detectContacts(document, url)).toEqual([
      {
        email: 'jonas.berg@nordic.example',
        name: 'Jonas Berg',
        role: 'record',
        site: 'hubspot',
        confidence: 0.85,
      },
    ]);
    // The live value wins over the attribute once the rep edits the field.
    const input = document.querySelector('input[name="email"]') as HTMLInputElement;
    input.value = 'jonas@nordic.example';
    expect(detectContacts(document, url).map((c) => c.email)).toEqual(['jonas@nordic.example']);
  });

  it('falls back to the first address in the main content when the hooks change', () => {
    const url = 'https://app-na2.hubspot.com/contacts/44100200/record/0-1/3001';
    expect(detectContacts(load('contact-record-unknown-layout.html', url), url)).toEqual([
      {
        email: 'sam.lee@client.example',
        name: 'Sam Lee',
        role: 'record',
        site: 'hubspot',
        confidence: 0.5,
      },
    ]);
  });

  it('gives nothing on company, deal and ticket records', () => {
    for (const url of hubspot.testUrls.reject ?? []) {
      expect(detectContacts(load('company-record.html', url), url), url).toEqual([]);
      expect(detectContacts(load('contact-record.html', url), url), url).toEqual([]);
    }
  });
});
