import { describe, expect, it } from 'vitest';
import { detectPage } from './detect';
import type { AdapterResult, SiteAdapter } from './types';

/** An adapter that returns a fixed result on `https://crm.example/*` (the page is not read). */
function fixedAdapter(result: AdapterResult | (() => AdapterResult)): SiteAdapter {
  return {
    id: 'fixed',
    label: 'Fixed',
    matchPatterns: ['https://crm.example/*'],
    matches: (url) => url.hostname === 'crm.example',
    extract: typeof result === 'function' ? result : () => result,
    testUrls: { accept: ['https://crm.example/record/1'] },
  };
}

const PAGE = {} as Document;
const URL_OK = 'https://crm.example/record/1';

describe('detectPage', () => {
  it('returns the contacts after the shared rules, and the page’s own addresses normalised', () => {
    const adapter = fixedAdapter({
      contacts: [
        { email: 'Rep@Seller.example', role: 'sender', confidence: 1 },
        { email: 'jane@client.example', role: 'recipient', confidence: 1 },
      ],
      ownEmails: [' Rep@Seller.Example ', 'not an address', 'rep@seller.example'],
    });
    const page = detectPage([adapter], PAGE, URL_OK);
    expect(page.ownEmails).toEqual(['rep@seller.example']);
    expect(page.contacts).toEqual([
      { email: 'jane@client.example', role: 'recipient', site: 'fixed', confidence: 1 },
    ]);
  });

  it('gives nothing for another site, a disabled adapter, a bad URL or a throwing adapter', () => {
    const adapter = fixedAdapter({ contacts: [], ownEmails: ['rep@seller.example'] });
    const empty = { contacts: [], ownEmails: [] };
    expect(detectPage([adapter], PAGE, 'https://other.example/')).toEqual(empty);
    expect(detectPage([adapter], PAGE, URL_OK, { sites: [] })).toEqual(empty);
    expect(detectPage([adapter], PAGE, 'not a url')).toEqual(empty);
    const throwing = fixedAdapter(() => {
      throw new Error('hostile markup');
    });
    expect(detectPage([throwing], PAGE, URL_OK)).toEqual(empty);
  });

  it('keeps at most 20 own addresses from a page', () => {
    const ownEmails = Array.from({ length: 50 }, (_, i) => `me${i}@seller.example`);
    const page = detectPage([fixedAdapter({ contacts: [], ownEmails })], PAGE, URL_OK);
    expect(page.ownEmails).toHaveLength(20);
  });
});
