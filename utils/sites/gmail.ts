/**
 * Gmail (mail.google.com): the participants of the visible open thread and the recipients of
 * open compose windows. Inbox, label and search lists give nothing. Pure: reads only the
 * `Document` and `URL` it is given. Fixtures: test/fixtures/gmail/.
 */
import { cleanHeaderName, emailsInText, parseAddressList, type ParsedAddress } from './addresses';
import { defineAdapter, defineSite } from './define-site';
import { ROLE_RANK, isExternalAddress, normalizeEmail } from './rules';
import type { AdapterResult, RawContact } from './types';
import { isHiddenByMarkup, isShownByMarkup } from './visibility';

export const gmailSite = defineSite({
  id: 'gmail',
  label: 'Gmail',
  matchPatterns: ['https://mail.google.com/*'],
});

/** `/mail/`, `/mail/u/1/`, delegated `/mail/u/0/d/<token>/`. */
const MAIL_PATH = /^\/mail(?:\/u\/\d{1,3})?(?:\/d\/[\w-]{1,200})?\/?$/;
/** `?view=att` (attachment) and `?view=pt` (print) are not the app; `view=cm` is a compose. */
const APP_VIEWS = new Set(['', 'cm']);
/** A thread id in the hash: legacy hex `18c2f0a5b3e4d7f1` or `FMfcgz…`. */
const THREAD_ID = /^[A-Za-z0-9]{16,64}$/;
/** Longer hashes are not Gmail routes (and are not worth splitting). */
const MAX_HASH = 2000;
/** Views whose first hash segment after the view is a query or name, not a thread. */
const VIEWS_WITH_PARAM = new Set(['search', 'label', 'category', 'advanced-search']);
/** Views that never hold a thread (`#settings/…`). */
const VIEWS_WITHOUT_THREAD = new Set(['settings', 'contacts', 'create-filter']);

/**
 * Thread container: `div.a98.iY` since the 2023 change, `table.Bs` before it (staged per
 * account, so both live). Each view (list, thread) is a `div.aeF > div.nH` child; stale ones
 * stay in the DOM with `display: none`, hence the visibility walk.
 */
const THREAD_ROOTS = 'div.a98.iY, table.Bs';
/** Fallback when Gmail ships yet another container: the main region holding messages. */
const MAIN_ROOT = '[role="main"]';
/** One message: expanded (`.h7` row), collapsed inside `.kv`, folded away in `.kQ`/`.kx`. */
const MESSAGE = 'div.adn[data-message-id]';
const COLLAPSED_MESSAGES = `.kv ${MESSAGE}, ${MESSAGE}.kv`;
const FOLDED_MESSAGES = `.kQ ${MESSAGE}, .kx ${MESSAGE}`;
/** Candidates for an inline-hidden container (confirmed by `isHiddenByMarkup`). */
const MAYBE_HIDDEN = '[style*="none"], [style*="hidden"], [hidden], [aria-hidden="true"]';
/** Everyone Gmail names in a header: `<span class="gD|g2" email name data-hovercard-id>`. */
const PERSON = 'span[email], span[data-hovercard-id]';
// The pure marks here and below let a bundle that needs only `gmailSite` drop these.
const peopleIn = /* @__NO_SIDE_EFFECTS__ */ (...scopes: string[]) =>
  scopes.flatMap((s) => [`${s} span[email]`, `${s} span[data-hovercard-id]`]).join(', ');
/** Sender: `span.gD`, or any person in the sender cell `td.gF`. */
const SENDERS = /* @__PURE__ */ [
  'span.gD[email], span.gD[data-hovercard-id]',
  peopleIn('td.gF'),
].join(', ');
/** Recipient chips `span.g2`, wherever they sit in the header. */
const RECIPIENTS = 'span.g2[email], span.g2[data-hovercard-id]';
/** One-line summary under the sender: "to Bob, me, cc: Carol" (To and Cc together). */
const SUMMARY = '.hb';
/**
 * "Show details" table `table.ajC`: one `tr` per header, label cell first ("to:", "cc:").
 * It is authoritative for To vs Cc, so when a message has it, its summary line is ignored.
 */
const DETAILS_ROWS = 'table.ajC tr';
/** People in a message body (`div.a3s`) or an inline compose (`div.M9`): not the header's. */
const NOT_HEADER = peopleIn('.a3s', '.M9');

/** Open compose: popup `div.AD > … div.M9`, inline reply `.AO … div.M9`. */
const COMPOSE_ROOT = 'div.M9';
/** Chips since 2021: `div[name=to] [role=option][data-hovercard-id][data-name]`. */
const COMPOSE_CHIPS = /* @__PURE__ */ ['to', 'cc', 'bcc']
  .map((field) => `div[name="${field}"] [role="option"][data-hovercard-id]`)
  .join(', ');
/** Before: hidden inputs `.GS .vR input[name=to]` holding `Name <addr>, addr2`. */
const COMPOSE_INPUTS = /* @__PURE__ */ ['to', 'cc', 'bcc']
  .map((field) => `.GS input[type="hidden"][name="${field}"]`)
  .join(', ');

/** Signed-in account button: `aria-label="Google Account: Jane Doe (jane@corp.example)"`. */
const ACCOUNT_LINK = 'a[aria-label*="@"][href*="accounts.google.com"]';

/** Labels in the summary line and the details table ("cc:", "bcc:", "Cci :"). */
const CC_LABEL = /\b(?:b?cc|cci|cco)\s*:/i;
const FROM_LABEL = /\b(?:from|reply-to)\s*:/i;
const MAX_TEXT = 1000;

const CONFIDENCE: Record<'sender' | 'recipient' | 'cc' | 'compose', number> = {
  sender: 0.95,
  recipient: 0.9,
  cc: 0.8,
  compose: 0.9,
};
/** Collapsed and folded messages show less: their people are slightly less certain. */
const COLLAPSED_PENALTY = 0.1;
const FOLDED_PENALTY = 0.2;

/** The thread id when the hash names one (`#inbox/<id>`, `#search/q/<id>`), else undefined. */
export function gmailThreadId(url: URL): string | undefined {
  if (url.hash.length > MAX_HASH) return undefined;
  const path = url.hash.slice(1).split('?')[0] ?? '';
  const segments = path.split('/').filter(Boolean);
  const view = segments[0];
  if (!view || VIEWS_WITHOUT_THREAD.has(view)) return undefined;
  const minSegments = 2 + (VIEWS_WITH_PARAM.has(view) ? 1 : 0);
  const last = segments[segments.length - 1];
  return segments.length >= minSegments && last && THREAD_ID.test(last) ? last : undefined;
}

/** The signed-in address(es) the page shows: title "Inbox (3) - jane@… - Gmail", account link. */
function readOwnEmails(document: Document): string[] {
  // The title is "<view or subject> - <account> - Gmail": only the part before the last
  // " - " is the account (a subject may hold someone else's address).
  const titleParts = document.title.slice(-MAX_TEXT).split(' - ');
  const own = titleParts.length >= 3 ? emailsInText(titleParts[titleParts.length - 2]) : [];
  const account = document.querySelector(ACCOUNT_LINK);
  for (const email of emailsInText(account?.getAttribute('aria-label'))) {
    if (!own.includes(email)) own.push(email);
  }
  return own;
}

type Role = 'sender' | 'recipient' | 'cc';

interface Person {
  email: string;
  role: Role;
  /** The chip, read for its `name` only when the address is new (long threads repeat). */
  el: Element;
}

type MessageState = 'expanded' | 'collapsed' | 'folded';

interface Message {
  state: MessageState;
  senders: Person[];
  details: Person[];
  summary: Person[];
}

/** Where a header person was read: the details table beats the summary line. */
interface Kind {
  role: Role;
  from: 'details' | 'summary';
}
const SENDER_CHIP: Kind = { role: 'sender', from: 'summary' };
const RECIPIENT_CHIP: Kind = { role: 'recipient', from: 'summary' };
const SUMMARY_KINDS: Record<Role, Kind> = {
  sender: SENDER_CHIP,
  recipient: RECIPIENT_CHIP,
  cc: { role: 'cc', from: 'summary' },
};
const DETAILS_KINDS: Record<Role, Kind> = {
  sender: { role: 'sender', from: 'details' },
  recipient: { role: 'recipient', from: 'details' },
  cc: { role: 'cc', from: 'details' },
};

/**
 * Memo of `normalizeEmail` (pure): a long thread names the same people hundreds of times and
 * is scanned again on every change. Bounded; long (invalid anyway) values are not kept.
 */
const EMAIL_MEMO = new Map<string, string | undefined>();
const EMAIL_MEMO_SIZE = 2000;
const EMAIL_MEMO_KEY_LENGTH = 256;

function memoEmail(raw: string): string | undefined {
  if (raw.length > EMAIL_MEMO_KEY_LENGTH) return normalizeEmail(raw);
  const known = EMAIL_MEMO.get(raw);
  if (known !== undefined || EMAIL_MEMO.has(raw)) return known;
  if (EMAIL_MEMO.size >= EMAIL_MEMO_SIZE) EMAIL_MEMO.clear();
  const email = normalizeEmail(raw);
  EMAIL_MEMO.set(raw, email);
  return email;
}

function personOf(el: Element, role: Person['role']): Person | undefined {
  const email = memoEmail(el.getAttribute('email') ?? el.getAttribute('data-hovercard-id') ?? '');
  return email ? { email, role, el } : undefined;
}

/**
 * Roles in a summary line, in reading order: a "cc:"/"bcc:" text switches the rest to cc.
 * Walks the summary's own nodes only (a dozen), never the message body.
 */
function summaryRoles(summary: Element, people: ReadonlySet<Element>, into: Map<Element, Kind>) {
  let role: Role = 'recipient';
  const stack: Node[] = [summary];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) {
      if (CC_LABEL.test((node.nodeValue ?? '').slice(0, MAX_TEXT))) role = 'cc';
    } else if (node.nodeType === 1 && people.has(node as Element)) {
      into.set(node as Element, SUMMARY_KINDS[role]);
    } else if (node.nodeType === 1) {
      // Children pushed in reverse so they pop in document order.
      for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    }
  }
}

/** Role from a details-table row's label cell ("to:", "cc:", "from:"). */
function detailsRowRole(row: Element): Role {
  const label = (row.firstElementChild?.textContent ?? '').slice(0, MAX_TEXT);
  if (CC_LABEL.test(label)) return 'cc';
  if (FROM_LABEL.test(label)) return 'sender';
  return 'recipient';
}

/** Visible thread containers that hold at least one message. */
function visibleThreadRoots(document: Document): Element[] {
  for (const selector of [THREAD_ROOTS, MAIN_ROOT]) {
    const roots = [...document.querySelectorAll(selector)].filter(
      (root) => isShownByMarkup(root) && root.querySelector(MESSAGE) !== null,
    );
    if (roots.length > 0) return roots;
  }
  return [];
}

/**
 * Messages of one visible thread, in page (chronological) order, with their people. Each kind
 * of element is found with one query over the thread and looked up in a set: per-element
 * class or ancestor checks cost far more on a 100-message thread (and in happy-dom).
 */
function readThread(root: Element): Message[] {
  const collapsed = new Set(root.querySelectorAll(COLLAPSED_MESSAGES));
  const folded = new Set(root.querySelectorAll(FOLDED_MESSAGES));
  for (const el of root.querySelectorAll(MAYBE_HIDDEN)) {
    if (!isHiddenByMarkup(el)) continue;
    if (el.matches(MESSAGE)) folded.add(el);
    for (const message of el.querySelectorAll(MESSAGE)) folded.add(message);
  }
  // What each person element is, later (more specific) sources overriding earlier ones.
  const kinds = new Map<Element, Kind>();
  for (const el of root.querySelectorAll(RECIPIENTS)) kinds.set(el, RECIPIENT_CHIP);
  for (const el of root.querySelectorAll(SENDERS)) kinds.set(el, SENDER_CHIP);
  const summaryPeople = new Set(root.querySelectorAll(peopleIn(SUMMARY)));
  for (const summary of root.querySelectorAll(SUMMARY)) {
    summaryRoles(summary, summaryPeople, kinds);
  }
  for (const row of root.querySelectorAll(DETAILS_ROWS)) {
    const kind = DETAILS_KINDS[detailsRowRole(row)];
    for (const el of row.querySelectorAll(PERSON)) kinds.set(el, kind);
  }
  for (const el of root.querySelectorAll(NOT_HEADER)) kinds.delete(el);

  const messages: Message[] = [];
  for (const el of root.querySelectorAll(MESSAGE)) {
    const state = folded.has(el) ? 'folded' : collapsed.has(el) ? 'collapsed' : 'expanded';
    const message: Message = { state, senders: [], details: [], summary: [] };
    for (const personEl of el.querySelectorAll(PERSON)) {
      const kind = kinds.get(personEl);
      const person = kind && personOf(personEl, kind.role);
      if (!person) continue;
      if (kind.role === 'sender') message.senders.push(person);
      else message[kind.from].push(person);
    }
    messages.push(message);
  }
  return messages;
}

/**
 * Thread people, latest message first. Primary: the sender of the latest expanded message
 * who is not the user (nor a no-reply); else the first external recipient of the latest
 * expanded message (the user wrote last: the contact is who they wrote to).
 */
function threadContacts(messages: Message[], own: ReadonlySet<string>): RawContact[] {
  const recipientsOf = (m: Message) => (m.details.length > 0 ? m.details : m.summary);
  const expanded = messages.filter((m) => m.state === 'expanded');
  let primary: Person | undefined;
  for (let i = expanded.length - 1; i >= 0 && !primary; i--) {
    primary = expanded[i]?.senders.find((p) => isExternalAddress(p.email, own));
  }
  const latest = expanded[expanded.length - 1] ?? messages[messages.length - 1];
  if (!primary && latest) {
    const people = recipientsOf(latest).filter((p) => isExternalAddress(p.email, own));
    primary = people.find((p) => p.role === 'recipient') ?? people[0];
  }

  // One entry per address, best role kept as the shared rules would (so they get a short
  // list on a 300-person thread); latest message first.
  const contacts = new Map<string, RawContact>();
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i] as Message;
    const penalty =
      message.state === 'folded'
        ? FOLDED_PENALTY
        : message.state === 'collapsed'
          ? COLLAPSED_PENALTY
          : 0;
    for (const person of message.senders.concat(recipientsOf(message))) {
      const confidence = CONFIDENCE[person.role] - penalty;
      let contact = contacts.get(person.email);
      if (!contact) {
        contact = { email: person.email, role: person.role, confidence };
        contacts.set(person.email, contact);
      } else if (ROLE_RANK[person.role] < ROLE_RANK[contact.role]) {
        contact.role = person.role;
        delete contact.name;
      }
      contact.confidence = Math.max(contact.confidence, confidence);
      if (!contact.name) {
        const name = cleanHeaderName(person.el.getAttribute('name'));
        if (name) contact.name = name;
      }
      if (person === primary) contact.primary = true;
    }
  }
  return [...contacts.values()];
}

/** Recipients of one compose, chips first then the older hidden inputs, in field order. */
function composeRecipients(compose: Element): ParsedAddress[] {
  const found: ParsedAddress[] = [];
  for (const chip of compose.querySelectorAll(COMPOSE_CHIPS)) {
    const email = normalizeEmail(chip.getAttribute('data-hovercard-id'));
    if (!email) continue;
    const name = cleanHeaderName(chip.getAttribute('data-name'));
    found.push(name ? { email, name } : { email });
  }
  for (const input of compose.querySelectorAll(COMPOSE_INPUTS)) {
    found.push(...parseAddressList(input.getAttribute('value') ?? ''));
  }
  return found;
}

/**
 * Recipients of every visible compose, the focused one first. The first external recipient
 * is primary: the rep is writing to them now, which beats the thread's last sender.
 */
function composeContacts(document: Document, own: ReadonlySet<string>): RawContact[] {
  const composes = [...document.querySelectorAll(COMPOSE_ROOT)].filter((c) => isShownByMarkup(c));
  const active = document.activeElement;
  composes.sort(
    (a, b) => Number(!!active && b.contains(active)) - Number(!!active && a.contains(active)),
  );
  const contacts: RawContact[] = [];
  const seen = new Set<string>();
  let primaryTaken = false;
  for (const compose of composes) {
    for (const { email, name } of composeRecipients(compose)) {
      if (seen.has(email)) continue;
      seen.add(email);
      const contact: RawContact = { email, role: 'compose', confidence: CONFIDENCE.compose };
      if (name) contact.name = name;
      if (!primaryTaken && isExternalAddress(email, own)) contact.primary = primaryTaken = true;
      contacts.push(contact);
    }
  }
  return contacts;
}

function extract(document: Document, url: URL): AdapterResult {
  const ownEmails = readOwnEmails(document);
  const own = new Set(ownEmails);
  const contacts = composeContacts(document, own);
  if (gmailThreadId(url)) {
    const messages = visibleThreadRoots(document).flatMap(readThread);
    const thread = threadContacts(messages, own);
    // A compose already names the primary: the thread keeps its people, not its pick.
    if (contacts.some((c) => c.primary)) for (const c of thread) delete c.primary;
    contacts.push(...thread);
  }
  return { contacts, ownEmails };
}

function matches(url: URL): boolean {
  return (
    url.protocol === 'https:' &&
    url.hostname === 'mail.google.com' &&
    MAIL_PATH.test(url.pathname) &&
    APP_VIEWS.has(url.searchParams.get('view') ?? '')
  );
}

export const gmail = defineAdapter(gmailSite, {
  matches,
  extract,
  testUrls: {
    accept: [
      'https://mail.google.com/mail/u/0/#inbox',
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmGpPnRNvGplWRsHbVDm',
      'https://mail.google.com/mail/u/1/#search/acme+renewal/18c2f0a5b3e4d7f1',
      'https://mail.google.com/mail/u/0/#label/Clients%2FAcme/FMfcgzQXJWDsKmGpPnRNvGplWRsHbVDm',
      'https://mail.google.com/mail/u/0/d/AEoRXRQx7cG2w/#inbox/FMfcgzQXJWDsKmGpPnRNvGplWRsHbVDm',
      'https://mail.google.com/mail/u/0/#inbox?compose=new',
      'https://mail.google.com/mail/?view=cm&fs=1&to=ana@acme.example',
    ],
    reject: [
      'https://mail.google.com/chat/u/0/#chat/home',
      'https://mail.google.com/mail/u/0/?ui=2&view=att&th=18c2f0a5b3e4d7f1&attid=0.1',
      'https://mail.google.com/mail/u/0/?ui=2&view=pt&search=all&th=18c2f0a5b3e4d7f1',
    ],
  },
});
