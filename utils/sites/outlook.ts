/**
 * Outlook on the web: the people of the message(s) in the reading pane and the recipients
 * of an open compose. Class names are hashed, so only ids, `data-*` and roles are used. A
 * person shown by name alone gives nothing: never guess an address. Fixtures:
 * test/fixtures/outlook/.
 */
import { emailsInText, parseAddress, type ParsedAddress } from './addresses';
import { defineAdapter, defineSite } from './define-site';
import { collapseWhitespace } from './page-text';
import { isExternalAddress, normalizeEmail } from './rules';
import type { AdapterResult, RawContact } from './types';
import { isShownByMarkup } from './visibility';

export const outlookSite = defineSite({
  id: 'outlook',
  label: 'Outlook',
  matchPatterns: [
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
    'https://outlook.cloud.microsoft/*',
  ],
});

const HOSTS = new Set([
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
  'outlook.cloud.microsoft',
]);
/** `/mail/…` (incl. `/mail/0/…` and shared `/mail/<address>/…`) and classic `/owa/…`. */
const MAIL_PATH = /^\/(?:mail|owa)(?:\/|$)/i;
/** Shared mailbox: `/mail/sales@corp.example/inbox/id/…`; that address is the user's side. */
const SHARED_MAILBOX = /^\/mail\/([^/]{3,400})\//;

/**
 * Reading pane, widest first: `#ReadingPaneContainerId` holds the conversation
 * (`[data-app-section="ConversationContainer"][data-convid]`); `MailReadCompose` wraps
 * read and inline compose in newer builds.
 */
const READING_ROOTS = [
  '#ReadingPaneContainerId',
  '[data-app-section="ConversationContainer"]',
  '[data-app-section="MailReadCompose"]',
];
/** People: persona `span[data-lpc-hover-target-id]` ("Ana Ortiz <ana@acme.example>"). */
const PERSONA = 'span[data-lpc-hover-target-id]';
/** Sender wrapper `aria-label="From: Ana Ortiz"`: may hold only the name. */
const FROM = 'span[aria-label^="From:"]';
const FROM_PREFIX = /^\s*From:\s*/i;
/** To/Cc/Bcc line (`aria-label="To"`, or a leading "Cc:" text): read and compose alike. */
const RECIPIENT_WELL = 'div[data-testid="RecipientWell"]';
const WELL_ATTRIBUTE = 'data-testid';
/** A well the user can type in belongs to a compose (new, reply, forward, pop-out). */
const EDITABLE = 'input, textarea, [contenteditable="true"], [contenteditable=""]';
/** Message bodies (`div[id^="UniqueMessageBody"]`): the sender's content, never header people. */
const BODY_ID_PREFIX = 'UniqueMessageBody';
const CC_LABEL = /^\s*(?:b?cc|cci|cco)\b/i;
/** Account manager ("Me" control): its secondary line is the signed-in address. */
const ACCOUNT = '#mectrl_currentAccount_secondary';

const MAX_TEXT = 1000;
const CONFIDENCE = { sender: 0.9, recipient: 0.85, cc: 0.75, compose: 0.9 } as const;

/** An address a persona states: its text, then its `title`/`aria-label`. Name only: nothing. */
function personaAddress(el: Element): ParsedAddress | undefined {
  const fromText = parseAddress((el.textContent ?? '').slice(0, MAX_TEXT));
  if (fromText) return fromText;
  for (const attribute of ['title', 'aria-label']) {
    const value = el.getAttribute(attribute);
    const parsed = value ? parseAddress(value) : undefined;
    if (parsed) return { ...parsed, name: parsed.name ?? nameOf(el) };
  }
  return undefined;
}

function nameOf(el: Element): string | undefined {
  const text = collapseWhitespace(el.textContent ?? '', MAX_TEXT);
  return text && !text.includes('@') ? text : undefined;
}

/** The well's label: its `aria-label`, else its first text ("Cc:"). */
function wellRole(well: Element): 'recipient' | 'cc' {
  const label = well.getAttribute('aria-label') ?? (well.textContent ?? '').slice(0, 20);
  return CC_LABEL.test(label) ? 'cc' : 'recipient';
}

function toContact(
  address: ParsedAddress,
  role: RawContact['role'],
  confidence: number,
): RawContact {
  const contact: RawContact = { email: address.email, role, confidence };
  if (address.name) contact.name = address.name;
  return contact;
}

function visibleReadingRoot(document: Document): Element | undefined {
  for (const selector of READING_ROOTS) {
    const root = [...document.querySelectorAll(selector)].find((el) => isShownByMarkup(el));
    if (root) return root;
  }
  return undefined;
}

/**
 * Reading pane people in page order: a `From:` wrapper or a persona outside any well is a
 * sender; a persona in a read-only well is To/Cc. Wells with an input are compose (read
 * separately); bodies are skipped.
 */
function readingPaneContacts(root: Element): RawContact[] {
  const contacts: RawContact[] = [];
  for (const el of root.querySelectorAll(`${FROM}, ${PERSONA}`)) {
    let well: Element | undefined;
    let skip = false;
    for (let node = el.parentElement; node && node !== root; node = node.parentElement) {
      if (
        node.id.startsWith(BODY_ID_PREFIX) ||
        (node.hasAttribute('aria-label') && node.matches(FROM))
      ) {
        // Bodies are content; a persona inside `From:` was read with its wrapper.
        skip = true;
        break;
      }
      if (node.hasAttribute(WELL_ATTRIBUTE) && node.matches(RECIPIENT_WELL)) {
        well = node;
        break;
      }
    }
    if (skip || !isShownByMarkup(el, root)) continue;
    if (well) {
      if (well.querySelector(EDITABLE)) continue;
      const address = personaAddress(el);
      const role = wellRole(well);
      if (address) contacts.push(toContact(address, role, CONFIDENCE[role]));
    } else if (el.matches(FROM)) {
      const address =
        [...el.querySelectorAll(PERSONA)].map(personaAddress).find(Boolean) ??
        parseAddress((el.getAttribute('aria-label') ?? '').replace(FROM_PREFIX, '')) ??
        parseAddress((el.textContent ?? '').slice(0, MAX_TEXT));
      if (address) contacts.push(toContact(address, 'sender', CONFIDENCE.sender));
    } else {
      const address = personaAddress(el);
      if (address) contacts.push(toContact(address, 'sender', CONFIDENCE.sender));
    }
  }
  return contacts;
}

/** Recipients of every visible compose: wells holding an input. Compose opens without a URL change. */
function composeContacts(document: Document): RawContact[] {
  const contacts: RawContact[] = [];
  for (const well of document.querySelectorAll(RECIPIENT_WELL)) {
    if (!well.querySelector(EDITABLE) || !isShownByMarkup(well)) continue;
    for (const persona of well.querySelectorAll(PERSONA)) {
      const address = personaAddress(persona);
      if (address) contacts.push(toContact(address, 'compose', CONFIDENCE.compose));
    }
  }
  return contacts;
}

function readOwnEmails(document: Document, url: URL): string[] {
  const own = emailsInText(document.querySelector(ACCOUNT)?.textContent);
  const shared = SHARED_MAILBOX.exec(url.pathname)?.[1];
  if (shared && /@|%40/i.test(shared)) {
    let decoded = shared;
    try {
      decoded = decodeURIComponent(shared);
    } catch {
      // Malformed escape: keep the raw segment, normalizeEmail decides.
    }
    const email = normalizeEmail(decoded);
    if (email && !own.includes(email)) own.push(email);
  }
  return own;
}

/**
 * Primary: the first compose recipient when a compose is open (the rep writes to them now);
 * else the first sender in the pane (Outlook lists the newest message first by default);
 * else the first recipient. Never the user or a no-reply.
 */
function markPrimary(contacts: RawContact[], own: ReadonlySet<string>): void {
  for (const role of ['compose', 'sender', 'recipient', 'cc'] as const) {
    // Every address here came through `parseAddress`, so it is already normalised.
    const pick = contacts.find((c) => c.role === role && isExternalAddress(c.email, own));
    if (pick) {
      pick.primary = true;
      return;
    }
  }
}

function extract(document: Document, url: URL): AdapterResult {
  const ownEmails = readOwnEmails(document, url);
  const root = visibleReadingRoot(document);
  const contacts = [...composeContacts(document), ...(root ? readingPaneContacts(root) : [])];
  markPrimary(contacts, new Set(ownEmails));
  return { contacts, ownEmails };
}

function matches(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname) && MAIL_PATH.test(url.pathname);
}

export const outlook = defineAdapter(outlookSite, {
  matches,
  extract,
  testUrls: {
    accept: [
      'https://outlook.office.com/mail/',
      'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hYmNkLTEyAAoAEAB%2FzmVu',
      'https://outlook.office365.com/mail/compose/AAQkADAwATM0MDAAMS1hYmNkLTEyAAoAEAB',
      'https://outlook.live.com/mail/0/deeplink/compose?to=ana%40acme.example',
      'https://outlook.cloud.microsoft/mail/inbox',
      'https://outlook.office.com/owa/?ItemID=AAMkAGI2TG93AAA%3D&exvsurl=1&viewmodel=ReadMessageItem',
      'https://outlook.office.com/mail/sales@corp.example/inbox/id/AAQkADAwATM0MDAAMS1h',
    ],
    reject: [
      'https://outlook.office.com/calendar/view/workweek',
      'https://outlook.live.com/people/',
      'https://outlook.office.com/bookings/',
    ],
  },
});
