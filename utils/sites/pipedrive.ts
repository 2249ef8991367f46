/**
 * Pipedrive person pages (`<company>.pipedrive.com/person/<id>`): the person's email field,
 * else the first address in the main area. Deals, organisations and lists give nothing.
 */
import { isInside } from './composed-tree';
import { defineAdapter, defineSite } from './define-site';
import { mailtoContacts } from './mailto-links';
import { contentRegions } from './page-regions';
import { recordContacts, recordHeadingName } from './record-page';
import type { AdapterResult } from './types';
import { isHiddenByMarkupOrCss } from './visibility';

export const pipedriveSite = defineSite({
  id: 'pipedrive',
  label: 'Pipedrive',
  matchPatterns: ['https://*.pipedrive.com/*'],
});

/** Any company subdomain; `www` is the marketing site and never a person page. */
const APP_HOST = /^(?!www\.)[a-z0-9-]+\.pipedrive\.com$/i;
const PERSON_PATH = /^\/person\/\d+(?:\/|$)/;

/**
 * The person's email list in the details panel
 * (test/fixtures/pipedrive/person.html): `<div data-test="person.email"><a href="mailto:…">`.
 */
const PERSON_EMAIL = '[data-test="person.email"]';
/** Person name in the page header. */
const PERSON_NAME = '[data-test="person.name"], h1';

function extractPipedrive(document: Document): AdapterResult {
  const fields = Array.from(document.querySelectorAll(PERSON_EMAIL))
    .slice(0, 10)
    .filter((field) => !isHiddenByMarkupOrCss(field));
  const { roots, chrome } = contentRegions(document);
  const inChrome = (element: Element) => roots.some((root) => isInside(element, chrome, root));
  let contacts = fields.flatMap((field) =>
    mailtoContacts(field, { role: 'record', confidence: 0.9, limit: 5 }),
  );
  if (!contacts.length) {
    // No field hook: the first address in the main area, never the nav or footer.
    const root = roots[0];
    contacts = root
      ? mailtoContacts(root, { role: 'record', confidence: 0.6, limit: 1, skip: inChrome })
      : [];
  }
  return { contacts: recordContacts(contacts, recordHeadingName(roots, PERSON_NAME, inChrome)) };
}

export const pipedrive = defineAdapter(pipedriveSite, {
  matches: (url) => url.protocol === 'https:' && APP_HOST.test(url.hostname),
  extract: (document, url) =>
    PERSON_PATH.test(url.pathname) ? extractPipedrive(document) : { contacts: [] },
  testUrls: {
    accept: [
      'https://acme.pipedrive.com/person/42',
      'https://sales-team-eu.pipedrive.com/person/1077/',
      'https://acme.pipedrive.com/person/42?tab=emails',
    ],
    reject: [
      'https://acme.pipedrive.com/deal/42',
      'https://acme.pipedrive.com/organization/7',
      'https://acme.pipedrive.com/persons/list/user/everyone',
      'https://acme.pipedrive.com/person/new',
    ],
  },
});
