import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { detectContacts } from './index';
import { salesforce, salesforceRecord } from './salesforce';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
});

function load(file: string, url: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  windows.push(window);
  window.document.write(readFileSync(`test/fixtures/salesforce/${file}`, 'utf8'));
  return window.document as unknown as Document;
}

const CONTACT_URL = 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZabAAB/view';

describe('salesforce on a custom domain', () => {
  it('tells Lightning from Classic by the path on a host the admin assigned', () => {
    expect(
      salesforceRecord(
        new URL('https://crm.acme.example/lightning/r/Lead/00Q5g00000AbCdEFGH/view'),
      ),
    ).toMatchObject({ ui: 'lightning', object: 'Lead' });
    expect(salesforceRecord(new URL('https://crm.acme.example/0035g00000XyZab'))).toMatchObject({
      ui: 'classic',
      object: 'Contact',
    });
    expect(
      salesforceRecord(
        new URL('https://crm.acme.example/lightning/r/Account/0015g00000XyZab/view'),
      ),
    ).toBeUndefined();
  });
});

describe('salesforce URLs', () => {
  it('recognises Contact and Lead records in Lightning, one.app and Classic', () => {
    expect(salesforceRecord(new URL(CONTACT_URL))).toEqual({
      ui: 'lightning',
      object: 'Contact',
      id: '0035g00000XyZabAAB',
    });
    expect(
      salesforceRecord(new URL('https://a.lightning.force.com/lightning/r/0035g00000XyZab/view')),
    ).toMatchObject({ object: 'Contact' });
    expect(
      salesforceRecord(
        new URL('https://a.lightning.force.com/one/one.app#/sObject/00Q5g00000AbCdE'),
      ),
    ).toMatchObject({ ui: 'lightning', object: 'Lead' });
    expect(salesforceRecord(new URL('https://a.my.salesforce.com/00Q5g00000AbCdE'))).toMatchObject({
      ui: 'classic',
      object: 'Lead',
    });
  });

  it('gives no record for other objects, lists and malformed ids', () => {
    for (const url of [
      ...(salesforce.testUrls.reject ?? []),
      'https://a.lightning.force.com/lightning/r/Contact/003short/view',
      'https://a.lightning.force.com/lightning/r/Contact/0035g00000XyZabAAB/related/Cases/view',
      'https://a.my.salesforce.com/0035g00000XyZab/e',
    ]) {
      expect(salesforceRecord(new URL(url)), url).toBeUndefined();
    }
  });
});

describe('salesforce Lightning', () => {
  it('reads the Contact Email field, not other emails on the page', () => {
    expect(detectContacts(load('lightning-contact.html', CONTACT_URL), CONTACT_URL)).toEqual([
      {
        email: 'jane.doe@client.example',
        name: 'Jane Doe',
        role: 'record',
        site: 'salesforce',
        confidence: 0.95,
      },
    ]);
  });

  it('reads the Lead Email field (encoded mailto with a subject)', () => {
    const url = 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdE/view';
    expect(detectContacts(load('lightning-lead.html', url), url)).toEqual([
      {
        email: 'li.wei@prospect.example',
        name: 'Li Wei',
        role: 'record',
        site: 'salesforce',
        confidence: 0.95,
      },
    ]);
  });

  it('reads only the active record page when stale ones stay in the DOM', () => {
    const url = 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000CurrAAAA/view';
    const contacts = detectContacts(load('lightning-stale-tabs.html', url), url);
    expect(contacts.map((c) => [c.email, c.name])).toEqual([
      ['current@client.example', 'Current Contact'],
    ]);
  });

  it('without an active-page wrapper, still skips hidden record pages', () => {
    const url = 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000CurrAAAA/view';
    const document = load('lightning-stale-tabs.html', url);
    for (const page of Array.from(document.querySelectorAll('.oneContent'))) {
      page.classList.remove('active', 'oneContent');
    }
    document.querySelectorAll('.windowViewMode-normal')[0]?.setAttribute('hidden', '');
    expect(detectContacts(document, url).map((c) => c.email)).toEqual(['current@client.example']);
  });

  it('finds the Email field inside nested open shadow roots', () => {
    const url = 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000ShadAAAA/view';
    const document = load('lightning-shadow.html', url);
    const highlights = document.getElementById('highlights-host')!.attachShadow({ mode: 'open' });
    highlights.innerHTML =
      '<records-highlights2><h1><lightning-formatted-name>Shadow Person</lightning-formatted-name></h1></records-highlights2>';
    const detail = document.getElementById('detail-host')!.attachShadow({ mode: 'open' });
    detail.innerHTML =
      '<records-record-layout-section id="section"></records-record-layout-section>';
    const section = detail.getElementById('section')!.attachShadow({ mode: 'open' });
    section.innerHTML = `
      <records-record-layout-item data-target-selection-name="sfdc:RecordField.Contact.Email">
        <lightning-formatted-email id="formatted"></lightning-formatted-email>
      </records-record-layout-item>`;
    const formatted = section.getElementById('formatted')!.attachShadow({ mode: 'open' });
    formatted.innerHTML =
      '<a href="mailto:shadow.person@client.example">shadow.person@client.example</a>';

    expect(detectContacts(document, url)).toEqual([
      {
        email: 'shadow.person@client.example',
        name: 'Shadow Person',
        role: 'record',
        site: 'salesforce',
        confidence: 0.95,
      },
    ]);
  });

  it('gives nothing on Account and Opportunity records even with contact emails on screen', () => {
    for (const url of salesforce.testUrls.reject ?? []) {
      expect(detectContacts(load('lightning-account.html', url), url), url).toEqual([]);
    }
  });
});

describe('salesforce Classic', () => {
  it('reads the Email field of the detail table, not headers or related lists', () => {
    const url = 'https://acme.my.salesforce.com/0035g00000XyZab';
    expect(detectContacts(load('classic-contact.html', url), url)).toEqual([
      {
        email: 'carlos.ruiz@client.example',
        name: 'Carlos Ruiz',
        role: 'record',
        site: 'salesforce',
        confidence: 0.95,
      },
    ]);
  });

  it('falls back to the row labelled Email on custom layouts', () => {
    const url = 'https://acme.my.salesforce.com/00Q5g00000AbCdE';
    expect(detectContacts(load('classic-custom-layout.html', url), url)).toEqual([
      {
        email: 'ana.silva@prospect.example',
        name: 'Ana Silva',
        role: 'record',
        site: 'salesforce',
        confidence: 0.85,
      },
    ]);
  });

  it('needs the Classic body', () => {
    const url = 'https://acme.my.salesforce.com/0035g00000XyZab';
    const document = load('classic-contact.html', url);
    document.body.classList.remove('sfdcBody');
    expect(detectContacts(document, url)).toEqual([]);
  });
});
