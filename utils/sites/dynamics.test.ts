import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { dynamics, isDynamicsContactForm } from './dynamics';
import { detectContacts } from './index';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
});

function load(file: string, url: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  windows.push(window);
  window.document.write(readFileSync(`test/fixtures/dynamics/${file}`, 'utf8'));
  return window.document as unknown as Document;
}

const [CONTACT_URL = '', LEAD_URL = '', HASH_URL = ''] = dynamics.testUrls.accept;

describe('dynamics URLs', () => {
  it('accepts contact and lead forms with params in any order, in the query or the hash', () => {
    for (const url of [
      CONTACT_URL,
      LEAD_URL,
      HASH_URL,
      'https://acme.crm.dynamics.com/acme/main.aspx?ID=6f1d2c3b-4a59-e811-a95b-000d3a1b2c3d&ETN=Contact&PageType=EntityRecord',
    ]) {
      expect(isDynamicsContactForm(new URL(url)), url).toBe(true);
    }
  });

  it('rejects other entities, views, new-record forms and other Dynamics apps', () => {
    for (const url of [
      ...(dynamics.testUrls.reject ?? []),
      'https://acme.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=not-a-guid',
      'https://acme.operations.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=6f1d2c3b-4a59-e811-a95b-000d3a1b2c3d',
    ]) {
      expect(isDynamicsContactForm(new URL(url)), url).toBe(false);
    }
  });
});

describe('dynamics on a custom domain (on-premises)', () => {
  it('reads contact forms by path and query on a host the admin assigned', () => {
    const guid = '6f1d2c3b-4a59-e811-a95b-000d3a1b2c3d';
    expect(
      isDynamicsContactForm(
        new URL(`https://crm.acme.example/main.aspx?pagetype=entityrecord&etn=contact&id=${guid}`),
      ),
    ).toBe(true);
    expect(
      isDynamicsContactForm(
        new URL(`https://crm.acme.example/main.aspx?pagetype=entityrecord&etn=account&id=${guid}`),
      ),
    ).toBe(false);
  });
});

describe('dynamics forms', () => {
  it("reads the email input's live value and the header title, not sub-grids", () => {
    const document = load('contact-form.html', CONTACT_URL);
    expect(detectContacts(document, CONTACT_URL)).toEqual([
      {
        email: 'ines.duarte@client.example',
        name: 'Ines Duarte',
        role: 'record',
        site: 'dynamics',
        confidence: 0.95,
      },
    ]);
    const second = document.querySelector<HTMLInputElement>(
      '[data-id="emailaddress2.fieldControl-mail-text-input"]',
    )!;
    second.value = 'Ines.Private@Home.example';
    const first = document.querySelector<HTMLInputElement>(
      '[data-id="emailaddress1.fieldControl-mail-text-input"]',
    )!;
    first.value = '';
    expect(detectContacts(document, CONTACT_URL)).toEqual([
      {
        email: 'ines.private@home.example',
        name: 'Ines Duarte',
        role: 'record',
        site: 'dynamics',
        confidence: 0.7,
      },
    ]);
  });

  it('reads a read-only control and skips a hidden stale form', () => {
    expect(detectContacts(load('lead-form-readonly.html', LEAD_URL), LEAD_URL)).toEqual([
      {
        email: 'kofi.mensah@prospect.example',
        name: 'Kofi Mensah',
        role: 'record',
        site: 'dynamics',
        confidence: 0.95,
      },
    ]);
  });

  it('gives nothing on accounts, opportunities and views', () => {
    for (const url of dynamics.testUrls.reject ?? []) {
      expect(detectContacts(load('contact-form.html', url), url), url).toEqual([]);
    }
  });
});
