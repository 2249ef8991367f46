/**
 * Dynamics 365 (model-driven apps) Contact and Lead forms: the primary email input's value.
 * Other entities (account, opportunity, …) and views give nothing.
 */
import { defineAdapter, defineSite } from './define-site';
import { MAILTO_LINK, linkEmails } from './mailto-links';
import { nameFromText, textOf } from './page-text';
import { recordContacts } from './record-page';
import { normalizeEmail } from './rules';
import type { AdapterResult, RawContact } from './types';
import { isHiddenByMarkupOrCss } from './visibility';

export const dynamicsSite = defineSite({
  id: 'dynamics',
  label: 'Dynamics 365',
  matchPatterns: ['https://*.dynamics.com/*'],
});

/** `<org>.crm.dynamics.com`, `<org>.crm4.dynamics.com`, `<org>.crm11.dynamics.com`, … */
const CRM_HOST = /^[a-z0-9-]+\.crm\d*\.dynamics\.com$/i;
/** `/main.aspx`, also `/<org>/main.aspx` on older deployments. */
const FORM_PATH = /\/main\.aspx$/i;
const RECORD_ENTITIES = new Set(['contact', 'lead']);
/** Record ids: a GUID, braces optional (`%7B…%7D` decodes to them). */
const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

/**
 * Form fields (test/fixtures/dynamics/contact-form.html):
 * `<input data-id="emailaddress1.fieldControl-mail-text-input" value="…">`. Read `.value`: the
 * attribute is stale once the rep edits. Secondary emails use `emailaddress2`/`3`.
 */
// Pure mark: a bundle that needs only `dynamicsSite` drops this.
const EMAIL_INPUTS = /* @__PURE__ */ [1, 2, 3].map(
  (n) => `[data-id="emailaddress${n}.fieldControl-mail-text-input"]`,
);
/** `<h1 data-id="header_title">Jane Doe</h1>`, sometimes followed by "- Saved". */
const RECORD_TITLE = 'h1[data-id="header_title"]';
const SAVE_STATUS_SUFFIX = /\s+-\s+(?:saved|unsaved)$/i;

/** Query and hash parameters together, keys lowercased (`?etn=…` or `#etn=…`, any order). */
function formParams(url: URL): Map<string, string> {
  const params = new Map<string, string>();
  for (const source of [url.search, url.hash.replace(/^#/, '')]) {
    const query = source.includes('?') ? source.slice(source.indexOf('?') + 1) : source;
    for (const [key, value] of new URLSearchParams(query.slice(0, 4000))) {
      if (!params.has(key.toLowerCase())) params.set(key.toLowerCase(), value);
    }
  }
  return params;
}

/**
 * True for an existing Contact or Lead record form. On Microsoft's hosts only the CRM hosts
 * count; any other host is a custom domain (on-premises Dynamics) the admin assigned to this
 * adapter, where path and query decide.
 */
export function isDynamicsContactForm(url: URL): boolean {
  if (/(?:^|\.)dynamics\.com$/i.test(url.hostname) && !CRM_HOST.test(url.hostname)) return false;
  if (!FORM_PATH.test(url.pathname)) return false;
  const params = formParams(url);
  return (
    params.get('pagetype')?.toLowerCase() === 'entityrecord' &&
    RECORD_ENTITIES.has(params.get('etn')?.toLowerCase() ?? '') &&
    GUID.test(params.get('id') ?? '')
  );
}

/** The address an email control shows: the input's live value, or a read-only link/text. */
function controlEmail(control: Element): string[] {
  if ('value' in control && typeof control.value === 'string') {
    const email = normalizeEmail(control.value);
    return email ? [email] : [];
  }
  const link = control.querySelector(MAILTO_LINK);
  if (link) return linkEmails(link);
  const email = normalizeEmail(textOf(control));
  return email ? [email] : [];
}

function extractDynamics(document: Document): AdapterResult {
  const title = Array.from(document.querySelectorAll(RECORD_TITLE)).find(
    (el) => !isHiddenByMarkupOrCss(el),
  );
  const name = nameFromText(
    (title?.getAttribute('title') || textOf(title)).replace(SAVE_STATUS_SUFFIX, ''),
  );
  const contacts: RawContact[] = [];
  EMAIL_INPUTS.forEach((selector, index) => {
    const control = Array.from(document.querySelectorAll(selector))
      .slice(0, 10)
      .find((el) => !isHiddenByMarkupOrCss(el));
    for (const email of control ? controlEmail(control) : []) {
      contacts.push({ email, role: 'record', confidence: index === 0 ? 0.95 : 0.7 });
    }
  });
  return { contacts: recordContacts(contacts, name) };
}

export const dynamics = defineAdapter(dynamicsSite, {
  matches: (url) => url.protocol === 'https:' && CRM_HOST.test(url.hostname),
  extract: (document, url) =>
    isDynamicsContactForm(url) ? extractDynamics(document) : { contacts: [] },
  testUrls: {
    accept: [
      'https://acme.crm.dynamics.com/main.aspx?appid=0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0&pagetype=entityrecord&etn=contact&id=6f1d2c3b-4a59-e811-a95b-000d3a1b2c3d',
      'https://acme.crm4.dynamics.com/main.aspx?etn=lead&id=%7B0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9%7D&pagetype=entityrecord',
      'https://acme.crm11.dynamics.com/main.aspx#pagetype=entityrecord&etn=contact&id=6f1d2c3b-4a59-e811-a95b-000d3a1b2c3d',
    ],
    reject: [
      'https://acme.crm.dynamics.com/main.aspx?appid=0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0&pagetype=entityrecord&etn=account&id=6f1d2c3b-4a59-e811-a95b-000d3a1b2c3d',
      'https://acme.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=6f1d2c3b-4a59-e811-a95b-000d3a1b2c3d',
      'https://acme.crm.dynamics.com/main.aspx?pagetype=entitylist&etn=contact&viewid=00000000-0000-0000-00aa-000010001004',
      'https://acme.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact',
    ],
  },
});
