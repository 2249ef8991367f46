/**
 * Zoho CRM Contacts and Leads record pages: the record's email in the detail area, never the
 * addresses in the top bar, menus or footer.
 */
import { isInside } from './composed-tree';
import { defineAdapter, defineSite } from './define-site';
import { mailtoContacts } from './mailto-links';
import { contentRegions } from './page-regions';
import { recordContacts, recordHeadingName } from './record-page';
import type { AdapterResult } from './types';

export const zohoSite = defineSite({
  id: 'zoho',
  label: 'Zoho CRM',
  matchPatterns: [
    'https://crm.zoho.com/*',
    'https://crm.zoho.eu/*',
    'https://crm.zoho.in/*',
    'https://crm.zoho.com.au/*',
    'https://crm.zoho.jp/*',
  ],
});

/** One host per data centre. */
const CRM_HOST = /^crm\.zoho\.(?:com|eu|in|com\.au|jp)$/i;
/** `/crm/<org>/tab/Contacts/<id>` (org segment optional on older accounts), Leads too. */
const RECORD_PATH = /^\/crm\/(?:[\w-]+\/)?tab\/(?:Contacts|Leads)\/\d+(?:\/|$)/i;

/**
 * Zoho's chrome is not always landmarked: its top band, module tabs and menus are skipped
 * with the landmarks (test/fixtures/zoho/contact-record.html).
 */
const ZOHO_CHROME = '[role="menubar"], [role="menu"], [role="tablist"], [role="dialog"]';
/** The record name at the top of the detail view. */
const RECORD_NAME = 'h1, [role="heading"][aria-level="1"]';

function extractZoho(document: Document): AdapterResult {
  const { roots, chrome } = contentRegions(document);
  const skip = (element: Element) =>
    roots.some((root) => isInside(element, `${chrome}, ${ZOHO_CHROME}`, root));
  const contacts = roots.flatMap((root) =>
    mailtoContacts(root, { role: 'record', confidence: 0.8, limit: 5, skip }),
  );
  return { contacts: recordContacts(contacts, recordHeadingName(roots, RECORD_NAME, skip)) };
}

export const zoho = defineAdapter(zohoSite, {
  matches: (url) => url.protocol === 'https:' && CRM_HOST.test(url.hostname),
  extract: (document, url) =>
    RECORD_PATH.test(url.pathname) ? extractZoho(document) : { contacts: [] },
  testUrls: {
    accept: [
      'https://crm.zoho.com/crm/org123456789/tab/Contacts/4876876000000123001',
      'https://crm.zoho.eu/crm/org20012345/tab/Leads/120394000000456789',
      'https://crm.zoho.in/crm/tab/Contacts/300000000000111',
      'https://crm.zoho.com.au/crm/org7000123/tab/Contacts/70000000001/',
      'https://crm.zoho.jp/crm/org8000123/tab/Leads/80000000002?sub_module=',
    ],
    reject: [
      'https://crm.zoho.com/crm/org123456789/tab/Accounts/4876876000000123555',
      'https://crm.zoho.com/crm/org123456789/tab/Potentials/4876876000000123777',
      'https://crm.zoho.com/crm/org123456789/tab/Contacts/custom-view/4876876000000087501/list',
      'https://crm.zoho.eu/crm/org20012345/tab/Home/begin',
    ],
  },
});
