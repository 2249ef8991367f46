/**
 * HubSpot contact records (object type 0-1), new and legacy URLs, every regional app host.
 * Company (0-2), deal (0-3) and ticket (0-5) records give nothing.
 */
import { isInside } from './composed-tree';
import { defineAdapter, defineSite } from './define-site';
import { mailtoContacts } from './mailto-links';
import { contentRegions } from './page-regions';
import { nameFromText, textOf } from './page-text';
import { recordContacts } from './record-page';
import { normalizeEmail } from './rules';
import type { AdapterResult, RawContact } from './types';
import { isHiddenByMarkupOrCss } from './visibility';

export const hubspotSite = defineSite({
  id: 'hubspot',
  label: 'HubSpot',
  // Every regional app host (app, app-eu1, app-na2, …); the adapter reads only those.
  matchPatterns: ['https://*.hubspot.com/*'],
});

/** `app.hubspot.com`, `app-eu1.hubspot.com`, `app-na2.hubspot.com`, … */
const APP_HOST = /^app(?:-[a-z]{2,4}\d{0,2})?\.hubspot\.com$/i;
/** `/contacts/<portalId>/record/0-1/<id>` and legacy `/contacts/<portalId>/contact/<vid>`. */
const CONTACT_RECORD_PATH = /^\/contacts\/\d+\/(?:record\/0-1|contact)\/\d+(?:\/|$)/;

/**
 * The record's left column (test/fixtures/hubspot/contact-record.html): the highlighted
 * property card and the "About this contact" properties. Hidden tabs stay in the DOM.
 */
const SIDEBAR = '[data-test-id="left-sidebar"], [data-selenium-test="highlightedPropertySidebar"]';
/** The email property when it is shown as a field rather than a link. */
const EMAIL_PROPERTY =
  '[data-selenium-test="property-input-email"], [data-test-id="property-input-email"], input[name="email"], input[type="email"]';
/** The contact's name at the top of the sidebar. */
const RECORD_NAME = '[data-selenium-test="highlightTitle"], [data-test-id="highlight-title"], h1';

/**
 * On HubSpot's own hosts only the app hosts hold records; any other host is a custom domain
 * the admin assigned to this adapter, where the path alone decides.
 */
export function isHubSpotContactRecord(url: URL): boolean {
  if (/(?:^|\.)hubspot\.com$/i.test(url.hostname) && !APP_HOST.test(url.hostname)) return false;
  return CONTACT_RECORD_PATH.test(url.pathname);
}

/** The address an email property shows: an input's value, else its text. */
function propertyEmail(element: Element): string | undefined {
  const value =
    'value' in element && typeof element.value === 'string' && element.value
      ? element.value
      : textOf(element);
  return normalizeEmail(value);
}

function extractHubSpot(document: Document): AdapterResult {
  const sidebars = Array.from(document.querySelectorAll(SIDEBAR))
    .slice(0, 10)
    .filter((sidebar) => !isHiddenByMarkupOrCss(sidebar));
  let contacts: RawContact[] = [];
  let name: string | undefined;
  for (const sidebar of sidebars) {
    name ??= nameFromText(
      textOf(
        Array.from(sidebar.querySelectorAll(RECORD_NAME)).find((el) => !isHiddenByMarkupOrCss(el)),
      ),
    );
    contacts.push(...mailtoContacts(sidebar, { role: 'record', confidence: 0.9, limit: 10 }));
    for (const property of Array.from(sidebar.querySelectorAll(EMAIL_PROPERTY)).slice(0, 10)) {
      const email = !isHiddenByMarkupOrCss(property) && propertyEmail(property);
      if (email) contacts.push({ email, role: 'record', confidence: 0.85 });
    }
  }
  if (!sidebars.length) {
    // Layout without the known hooks: the first address in the main content, less sure.
    const { roots, chrome } = contentRegions(document);
    const root = roots[0];
    contacts = root
      ? mailtoContacts(root, {
          role: 'record',
          confidence: 0.5,
          limit: 1,
          skip: (el) => isInside(el, chrome, root),
        })
      : [];
  }
  return { contacts: recordContacts(contacts, name) };
}

export const hubspot = defineAdapter(hubspotSite, {
  matches: (url) => url.protocol === 'https:' && APP_HOST.test(url.hostname),
  extract: (document, url) =>
    isHubSpotContactRecord(url) ? extractHubSpot(document) : { contacts: [] },
  testUrls: {
    accept: [
      'https://app.hubspot.com/contacts/1234567/record/0-1/51',
      'https://app-eu1.hubspot.com/contacts/26543210/record/0-1/9876543210/view/1',
      'https://app-na2.hubspot.com/contacts/44100200/record/0-1/3001?eschref=%2Fcontacts',
      'https://app.hubspot.com/contacts/1234567/contact/251',
    ],
    reject: [
      'https://app.hubspot.com/contacts/1234567/record/0-2/8812',
      'https://app-eu1.hubspot.com/contacts/26543210/record/0-3/7001',
      'https://app.hubspot.com/contacts/1234567/record/0-5/99',
      'https://app.hubspot.com/contacts/1234567/company/8812',
      'https://app.hubspot.com/contacts/1234567/objects/0-1/views/all/list',
      'https://app.hubspot.com/reports-dashboard/1234567/view/1',
    ],
  },
});
