/**
 * Salesforce Contact and Lead record pages, Lightning and Classic. Other objects (Account 001,
 * Opportunity 006, …) give nothing: their emails are not the person on screen.
 */
import { defineAdapter, defineSite } from './define-site';
import { MAILTO_LINK, linkEmails } from './mailto-links';
import { nameFromText, textOf } from './page-text';
import { normalizeEmail } from './rules';
import type { AdapterResult, RawContact } from './types';
import { isHiddenByMarkupOrCss } from './visibility';

export const salesforceSite = defineSite({
  id: 'salesforce',
  label: 'Salesforce',
  matchPatterns: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
});

const LIGHTNING_HOST = /\.lightning\.force\.com$/i;
const CLASSIC_HOST = /\.my\.salesforce\.com$/i;
/** `/lightning/r/Contact/003…/view` or `/lightning/r/003…/view`. */
const LIGHTNING_RECORD_PATH =
  /^\/lightning\/r\/(?:([A-Za-z][\w]{0,79})\/)?([A-Za-z0-9]{15}|[A-Za-z0-9]{18})\/view\/?$/;
/** Older one.app: `/one/one.app#/sObject/003…/view`. */
const ONE_APP_HASH = /^#\/sObject\/([A-Za-z0-9]{15}|[A-Za-z0-9]{18})(?:\/view)?\/?(?:\?.*)?$/;
/** Classic: `https://acme.my.salesforce.com/003…`. */
const CLASSIC_RECORD_PATH = /^\/([A-Za-z0-9]{15}|[A-Za-z0-9]{18})\/?$/;
/** Key prefixes of the record ids we read. */
const ID_PREFIX_OBJECT: Readonly<Record<string, SalesforceObject>> = {
  '003': 'Contact',
  '00Q': 'Lead',
};

/**
 * Lightning keeps earlier record pages in the DOM; only the active one is on screen
 * (test/fixtures/salesforce/lightning-stale-tabs.html).
 */
const ACTIVE_PAGE = '.windowViewMode-normal.oneContent.active';
const ACTIVE_PAGE_FALLBACK = '.oneContent.active';
/** `<records-record-layout-item data-target-selection-name="sfdc:RecordField.Contact.Email">`. */
const EMAIL_FIELD = (object: SalesforceObject) =>
  `[data-target-selection-name="sfdc:RecordField.${object}.Email"]`;
/** Inside the field (often in its shadow root): `<lightning-formatted-email><a href="mailto:…">`. */
const FORMATTED_EMAIL = 'lightning-formatted-email';
/** Highlights panel title: `<h1>…<lightning-formatted-name>Jane Doe</lightning-formatted-name>`. */
const RECORD_NAME =
  'h1 lightning-formatted-name, h1 [slot="primaryField"], records-highlights2 lightning-formatted-name';
/** Classic detail page: `<body class="sfdcBody">`, detail table rows `td.labelCol` + `td.dataCol`. */
const CLASSIC_BODY = 'body.sfdcBody';
/** Field ids of the standard Email fields (Contact `con15`, Lead `lea11`). */
const CLASSIC_EMAIL_CELL = '#con15_ileinner, #lea11_ileinner';
const CLASSIC_DETAIL = '.bDetailBlock .detailList, .detailList';
const CLASSIC_NAME = 'h2.pageDescription';

/** Bounds for walking shadow roots on hostile or huge pages. */
const MAX_SHADOW_DEPTH = 12;
const MAX_SHADOW_ROOTS = 300;
const MAX_ELEMENTS_SCANNED = 30_000;
const MAX_FOUND = 20;

type SalesforceObject = 'Contact' | 'Lead';

export interface SalesforceRecord {
  ui: 'lightning' | 'classic';
  object: SalesforceObject;
  id: string;
}

function objectFor(name: string | undefined, id: string): SalesforceObject | undefined {
  if (name) {
    const lower = name.toLowerCase();
    return lower === 'contact' ? 'Contact' : lower === 'lead' ? 'Lead' : undefined;
  }
  return ID_PREFIX_OBJECT[id.slice(0, 3)];
}

/**
 * The Contact or Lead record the URL shows, if any. The host tells Lightning from Classic;
 * on a custom domain (any other host, admitted by the admin) the path shape decides.
 */
export function salesforceRecord(url: URL): SalesforceRecord | undefined {
  if (LIGHTNING_HOST.test(url.hostname)) return lightningRecord(url);
  if (CLASSIC_HOST.test(url.hostname)) return classicRecord(url);
  return lightningRecord(url) ?? classicRecord(url);
}

function lightningRecord(url: URL): SalesforceRecord | undefined {
  const lightning = LIGHTNING_RECORD_PATH.exec(url.pathname);
  const oneApp = url.pathname === '/one/one.app' ? ONE_APP_HASH.exec(url.hash) : null;
  const name = lightning?.[1];
  const id = lightning?.[2] ?? oneApp?.[1];
  const object = id && objectFor(name, id);
  return id && object ? { ui: 'lightning', object, id } : undefined;
}

function classicRecord(url: URL): SalesforceRecord | undefined {
  const id = CLASSIC_RECORD_PATH.exec(url.pathname)?.[1];
  const object = id && objectFor(undefined, id);
  return id && object ? { ui: 'classic', object, id } : undefined;
}

/**
 * `querySelectorAll` that also looks inside open shadow roots (LWC native shadow), breadth
 * first, with bounded depth, root count and elements scanned. Hits in the light DOM (today's
 * synthetic shadow) end the search before any walk.
 */
function deepQueryAll(root: ParentNode, selector: string): Element[] {
  const found: Element[] = [];
  const queue: Array<{ node: ParentNode; depth: number }> = [{ node: root, depth: 0 }];
  let roots = 0;
  let scanned = 0;
  for (let next = queue.shift(); next; next = queue.shift()) {
    found.push(...Array.from(next.node.querySelectorAll(selector)).slice(0, MAX_FOUND));
    if (next.node === root && found.length) break;
    if (found.length >= MAX_FOUND || next.depth >= MAX_SHADOW_DEPTH) continue;
    const all = next.node.querySelectorAll('*');
    for (let i = 0; i < all.length && scanned < MAX_ELEMENTS_SCANNED; i++, scanned++) {
      const shadow = all[i]?.shadowRoot;
      if (shadow && roots++ < MAX_SHADOW_ROOTS) queue.push({ node: shadow, depth: next.depth + 1 });
    }
  }
  return found.slice(0, MAX_FOUND);
}

/** The addresses one Email field shows: its mailto link, else the formatted text. */
function fieldEmails(field: Element): string[] {
  const links = deepQueryAll(field, MAILTO_LINK).filter((link) => !isHiddenByMarkupOrCss(link));
  if (links.length) return links.flatMap(linkEmails);
  const text = deepQueryAll(field, FORMATTED_EMAIL).map((el) => normalizeEmail(textOf(el)));
  return text.filter((email): email is string => !!email);
}

function toContacts(emails: string[], name: string | undefined, confidence: number): RawContact[] {
  return emails.map((email, index) => ({
    email,
    name: index === 0 ? name : undefined,
    role: 'record',
    confidence: index === 0 ? confidence : confidence - 0.2,
    primary: index === 0,
  }));
}

function extractLightning(document: Document, object: SalesforceObject): AdapterResult {
  const pages = [ACTIVE_PAGE, ACTIVE_PAGE_FALLBACK]
    .map((selector) =>
      deepQueryAll(document, selector).find((page) => !isHiddenByMarkupOrCss(page)),
    )
    .filter((page): page is Element => !!page);
  // No active-page wrapper (a console app, a changed layout): the visible fields still count.
  const scope: ParentNode = pages[0] ?? document;
  const fields = deepQueryAll(scope, EMAIL_FIELD(object)).filter(
    (field) => !isHiddenByMarkupOrCss(field),
  );
  const emails = [...new Set(fields.flatMap(fieldEmails))];
  const name = nameFromText(
    textOf(deepQueryAll(scope, RECORD_NAME).find((el) => !isHiddenByMarkupOrCss(el))),
  );
  return { contacts: toContacts(emails, name, 0.95) };
}

function extractClassic(document: Document): AdapterResult {
  if (!document.querySelector(CLASSIC_BODY)) return { contacts: [] };
  const name = nameFromText(textOf(document.querySelector(CLASSIC_NAME)));
  const cell = document.querySelector(CLASSIC_EMAIL_CELL);
  if (cell) {
    const emails = Array.from(cell.querySelectorAll(MAILTO_LINK)).flatMap(linkEmails);
    const text = emails.length ? emails : [normalizeEmail(textOf(cell))].filter((e) => !!e);
    return { contacts: toContacts(text as string[], name, 0.95) };
  }
  // Custom layouts without the standard ids: the row labelled "Email" in the detail table.
  const detail = document.querySelector(CLASSIC_DETAIL);
  const labelled = Array.from(detail?.querySelectorAll('td.labelCol') ?? [])
    .filter((label) => /^e-?mail$/i.test(textOf(label)))
    .map((label) => label.nextElementSibling?.querySelector(MAILTO_LINK))
    .filter((link): link is Element => !!link);
  const emails = labelled.flatMap(linkEmails);
  return { contacts: toContacts([...new Set(emails)], name, 0.85) };
}

export const salesforce = defineAdapter(salesforceSite, {
  // The whole host is Salesforce's: pages other than Contact/Lead records give nothing, not a
  // generic scan.
  matches: (url) =>
    url.protocol === 'https:' &&
    (LIGHTNING_HOST.test(url.hostname) || CLASSIC_HOST.test(url.hostname)),
  extract: (document, url) => {
    const record = salesforceRecord(url);
    if (!record) return { contacts: [] };
    return record.ui === 'classic'
      ? extractClassic(document)
      : extractLightning(document, record.object);
  },
  testUrls: {
    accept: [
      'https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZabAAB/view',
      'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdE/view',
      'https://acme--uat.sandbox.lightning.force.com/lightning/r/0035g00000XyZab/view',
      'https://acme.lightning.force.com/one/one.app#/sObject/0035g00000XyZabAAB/view',
      'https://acme.my.salesforce.com/0035g00000XyZab',
    ],
    reject: [
      'https://acme.lightning.force.com/lightning/r/Account/0015g00000AbCdEAAA/view',
      'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAA/view',
      'https://acme.lightning.force.com/lightning/r/0015g00000AbCdEAAA/view',
      'https://acme.lightning.force.com/lightning/o/Contact/list?filterName=Recent',
      'https://acme.lightning.force.com/lightning/page/home',
      'https://acme.lightning.force.com/one/one.app#/sObject/0065g00000AbCdEAAA/view',
      'https://acme.my.salesforce.com/0015g00000AbCdE',
      'https://acme.my.salesforce.com/home/home.jsp',
    ],
  },
});
