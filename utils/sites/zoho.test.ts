import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { detectContacts } from './index';
import { zoho } from './zoho';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
});

function load(file: string, url: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  windows.push(window);
  window.document.write(readFileSync(`test/fixtures/zoho/${file}`, 'utf8'));
  return window.document as unknown as Document;
}

describe('zoho CRM records', () => {
  it('reads the record emails in the detail area, not the top band menu or the footer', () => {
    const url = 'https://crm.zoho.com/crm/org123456789/tab/Contacts/4876876000000123001';
    expect(detectContacts(load('contact-record.html', url), url)).toEqual([
      {
        email: 'hana.sato@client.example',
        name: 'Hana Sato',
        role: 'record',
        site: 'zoho',
        confidence: 0.8,
      },
      { email: 'hana@personal.example', role: 'record', site: 'zoho', confidence: 0.8 },
    ]);
  });

  it('reads Leads on other data centres, skipping nav and footer landmarks', () => {
    const url = 'https://crm.zoho.eu/crm/org20012345/tab/Leads/120394000000456789';
    expect(detectContacts(load('lead-record-main.html', url), url)).toEqual([
      {
        email: 'lukas.weber@prospect.example',
        name: 'Lukas Weber',
        role: 'record',
        site: 'zoho',
        confidence: 0.8,
      },
    ]);
  });

  it('gives nothing on accounts, deals, list views and home', () => {
    for (const url of zoho.testUrls.reject ?? []) {
      expect(detectContacts(load('contact-record.html', url), url), url).toEqual([]);
    }
    expect(zoho.matches(new URL('https://crm.zoho.com.cn/crm/o/tab/Contacts/1'))).toBe(false);
  });
});
