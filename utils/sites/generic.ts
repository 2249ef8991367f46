/**
 * Generic fallback for pages no dedicated adapter claims (an admin's custom domains, the
 * reference server's `/demo` page): `mailto:` links in the main content, hCard and schema.org
 * Person markup. Never a regex over the page text. Also home of the small, bounded page
 * readers the CRM adapters share (visibility, `mailto:` links, page chrome).
 */
import { SITE_MATCHES } from './matches';
import { emailsFromMailto } from './rules';
import type { ContactRole, RawContact, SiteAdapter } from './types';

/** Where the page's own content lives; the first visible match(es) win, else `<body>`. */
const MAIN_CONTENT = 'main, [role="main"]';
/** Second choice when there is no main landmark (blog posts, profile pages). */
const ARTICLE_CONTENT = 'article, [role="article"]';
/** Page chrome: site navigation, banners, footers, sidebars. Never the contact. */
export const PAGE_CHROME =
  'header, nav, footer, aside, [role="banner"], [role="navigation"], [role="contentinfo"], [role="complementary"]';
/** Chrome that can sit inside `main` too (a section nav, a landmark-labelled footer). */
const CHROME_IN_MAIN = 'nav, [role="navigation"], [role="banner"], [role="contentinfo"]';
export const MAILTO_LINK = 'a[href^="mailto:" i]';
/** hCard: `<div class="vcard"><a class="email" href="mailto:…">` (test/fixtures/generic/hcard.html). */
const HCARD_EMAIL = '.vcard .email, .h-card .u-email';
const HCARD_NAME = '.fn, .p-name';
/** Microdata: `<div itemscope itemtype="https://schema.org/Person"><a itemprop="email">`. */
const MICRODATA_EMAIL = '[itemprop="email"]';
const JSON_LD = 'script[type="application/ld+json"]';

/**
 * Hosts of the sites with their own adapter (from the manifest patterns, loopback demo entries
 * left to us): there, a dedicated adapter finding nothing means nothing, never a generic scan.
 */
const DEDICATED_HOSTS = SITE_MATCHES.flatMap((pattern) => {
  const host = /^[a-z*]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '';
  return !host || host === '127.0.0.1' || host === 'localhost' ? [] : [host];
});

function isDedicatedSiteHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return DEDICATED_HOSTS.some((pattern) =>
    pattern.startsWith('*.')
      ? host === pattern.slice(2) || host.endsWith(pattern.slice(1))
      : host === pattern,
  );
}

/** Bounds so a hostile or huge page stays cheap. */
const MAX_LINKS_SCANNED = 500;
const MAX_ANCESTORS = 256;
const MAX_TEXT = 320;
const MAX_JSON_LD_SCRIPTS = 20;
const MAX_JSON_LD_LENGTH = 200_000;
const MAX_JSON_NODES = 2000;
const MAX_JSON_DEPTH = 12;
const MAX_NAME = 120;
const MAX_STYLE = 2000;

const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** The element's parent, crossing out of a shadow root to its host. */
function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.parentNode;
  return root && 'host' in root ? ((root as ShadowRoot).host ?? null) : null;
}

/**
 * True when the element or an ancestor (across shadow roots) is hidden by markup (`hidden`,
 * `aria-hidden`, inline `display:none`) or, where the browser can tell, by CSS. Stale views
 * and background tabs stay in the DOM on Salesforce, HubSpot and Gmail.
 */
export function isHidden(element: Element): boolean {
  let current: Element | null = element;
  let hugeStyle = false;
  for (let depth = 0; current && depth < MAX_ANCESTORS; depth++) {
    const style = current.getAttribute('style') ?? '';
    hugeStyle ||= style.length > MAX_STYLE;
    if (
      current.hasAttribute('hidden') ||
      current.getAttribute('aria-hidden') === 'true' ||
      HIDING_STYLE.test(style.slice(0, MAX_STYLE))
    ) {
      return true;
    }
    current = parentOf(current);
  }
  // `checkVisibility` sees stylesheet rules (`.tab:not(.active) { display: none }`). Skipped
  // under megabyte inline styles: DOM emulations parse those in quadratic time.
  return !hugeStyle && typeof element.checkVisibility === 'function' && !element.checkVisibility();
}

/** True when an ancestor of `element` below `root` matches `selector`. */
export function isInside(element: Element, selector: string, root: Node): boolean {
  let current: Element | null = element;
  for (let depth = 0; current && current !== root && depth < MAX_ANCESTORS; depth++) {
    if (current.matches(selector)) return true;
    current = parentOf(current);
  }
  return false;
}

/** Trimmed, length-capped text of an element (for names and text-only addresses). */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '')
    .slice(0, MAX_TEXT * 4)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TEXT);
}

/** Link captions that are calls to action, not names ("Email me", "Send a message"). */
const CALL_TO_ACTION = /^(?:e-?mail|mail|send|write|contact|click|reply|message)\b/i;

/** A link text or label that reads as a name, not as an address or a button caption. */
export function nameFromText(text: string): string | undefined {
  const name = text.trim();
  return name && name.length <= MAX_NAME && !name.includes('@') && !CALL_TO_ACTION.test(name)
    ? name
    : undefined;
}

export interface MailtoOptions {
  role: ContactRole;
  confidence: number;
  /** Skip links for which this returns true (chrome, other records). */
  skip?: (link: Element) => boolean;
  /** Stop after this many contacts. */
  limit?: number;
}

/**
 * Contacts from the visible `mailto:` links under `root`, in page order; the link text is the
 * name when it reads as one. A link naming several addresses gives each, without a name.
 */
export function mailtoContacts(root: ParentNode, options: MailtoOptions): RawContact[] {
  const contacts: RawContact[] = [];
  const limit = options.limit ?? 100;
  const links = root.querySelectorAll(MAILTO_LINK);
  const count = Math.min(links.length, MAX_LINKS_SCANNED);
  for (let i = 0; i < count && contacts.length < limit; i++) {
    const link = links[i];
    if (!link || options.skip?.(link) || isHidden(link)) continue;
    const emails = emailsFromMailto(link.getAttribute('href') ?? '');
    const name =
      emails.length === 1
        ? (nameFromText(textOf(link)) ?? nameFromText(link.getAttribute('title') ?? ''))
        : undefined;
    for (const email of emails.slice(0, limit - contacts.length)) {
      contacts.push({ email, name, role: options.role, confidence: options.confidence });
    }
  }
  return contacts;
}

/** Visible elements matching `selector`, outermost only (a `main` inside a `main` is one). */
function visibleRoots(document: Document, selector: string): Element[] {
  const roots: Element[] = [];
  for (const element of Array.from(document.querySelectorAll(selector)).slice(0, 50)) {
    if (roots.some((root) => root.contains(element)) || isHidden(element)) continue;
    roots.push(element);
  }
  return roots;
}

/**
 * The page's content regions and what counts as chrome inside them: visible `main` landmarks,
 * else articles, else `<body>` minus header, nav, footer and aside.
 */
export function contentRegions(document: Document): { roots: Element[]; chrome: string } {
  const main = visibleRoots(document, MAIN_CONTENT);
  if (main.length) return { roots: main, chrome: CHROME_IN_MAIN };
  const articles = visibleRoots(document, ARTICLE_CONTENT);
  if (articles.length) return { roots: articles, chrome: CHROME_IN_MAIN };
  return { roots: document.body ? [document.body] : [], chrome: PAGE_CHROME };
}

/** An address from an element: a `mailto:` href, a `content`/`value` attribute, or its text. */
function emailFromElement(element: Element): string[] {
  const href = element.getAttribute('href');
  if (href) return emailsFromMailto(href);
  const value = element.getAttribute('content') ?? element.getAttribute('value') ?? textOf(element);
  return value ? [value.slice(0, MAX_TEXT)] : [];
}

function hCardContacts(root: Element, skip: (el: Element) => boolean): RawContact[] {
  const contacts: RawContact[] = [];
  for (const element of Array.from(root.querySelectorAll(HCARD_EMAIL)).slice(0, 50)) {
    if (skip(element) || isHidden(element)) continue;
    const card = element.closest('.vcard, .h-card');
    const name = nameFromText(textOf(card?.querySelector(HCARD_NAME)));
    for (const email of emailFromElement(element)) {
      contacts.push({ email, name, role: 'link', confidence: 0.6 });
    }
  }
  return contacts;
}

const isPersonScope = (scope: Element | null): scope is Element =>
  !!scope && /schema\.org\/Person\b/i.test(scope.getAttribute('itemtype') ?? '');

function microdataContacts(root: Element, skip: (el: Element) => boolean): RawContact[] {
  const contacts: RawContact[] = [];
  for (const element of Array.from(root.querySelectorAll(MICRODATA_EMAIL)).slice(0, 50)) {
    // The property belongs to its nearest itemscope: an Organization's email is not a person.
    const scope = element.parentElement?.closest('[itemscope]') ?? null;
    if (!isPersonScope(scope) || skip(element) || isHidden(element)) continue;
    const nameElement = Array.from(scope.querySelectorAll('[itemprop="name"]')).find(
      (candidate) => candidate.parentElement?.closest('[itemscope]') === scope,
    );
    const name = nameFromText(nameElement?.getAttribute('content') ?? textOf(nameElement) ?? '');
    for (const email of emailFromElement(element)) {
      contacts.push({ email, name, role: 'link', confidence: 0.6 });
    }
  }
  return contacts;
}

const isPersonType = (type: unknown): boolean =>
  type === 'Person' ||
  type === 'https://schema.org/Person' ||
  type === 'http://schema.org/Person' ||
  (Array.isArray(type) && type.some(isPersonType));

/** People (`@type: Person` with an `email`) anywhere in the page's JSON-LD, bounded walk. */
function jsonLdContacts(document: Document): RawContact[] {
  const contacts: RawContact[] = [];
  let budget = MAX_JSON_NODES;
  const visit = (node: unknown, depth: number): void => {
    if (budget-- <= 0 || depth > MAX_JSON_DEPTH || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node.slice(0, 200)) visit(item, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    if (isPersonType(record['@type'])) {
      const emails = ([] as unknown[]).concat(record.email ?? []).slice(0, 5);
      const fullName = [record.givenName, record.familyName]
        .filter((part) => typeof part === 'string')
        .join(' ');
      const name = nameFromText(typeof record.name === 'string' ? record.name : fullName);
      for (const email of emails) {
        if (typeof email === 'string') {
          contacts.push({ email: email.slice(0, MAX_TEXT), name, role: 'link', confidence: 0.5 });
        }
      }
    }
    for (const value of Object.values(record).slice(0, 200)) visit(value, depth + 1);
  };
  for (const script of Array.from(document.querySelectorAll(JSON_LD)).slice(
    0,
    MAX_JSON_LD_SCRIPTS,
  )) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_LENGTH) continue;
    try {
      visit(JSON.parse(text), 0);
    } catch {
      // Broken JSON-LD is common; it just holds no contact.
    }
  }
  return contacts;
}

/**
 * Reads any page. The first link inside an article (the open message of a mail-like page, the
 * post's author) is the primary pick; otherwise page order decides.
 */
function extractGeneric(document: Document): { contacts: RawContact[] } {
  const { roots, chrome } = contentRegions(document);
  const contacts: RawContact[] = [];
  for (const root of roots) {
    const skip = (element: Element) => isInside(element, chrome, root);
    contacts.push(...mailtoContacts(root, { role: 'link', confidence: 0.5, skip }));
    contacts.push(...hCardContacts(root, skip), ...microdataContacts(root, skip));
  }
  contacts.push(...jsonLdContacts(document));

  const focus = roots
    .flatMap((root) => Array.from(root.querySelectorAll(`${ARTICLE_CONTENT}, [role="document"]`)))
    .find((article) => !isHidden(article));
  if (focus) {
    const [first] = mailtoContacts(focus, { role: 'link', confidence: 0.6, limit: 1 });
    if (first) contacts.unshift({ ...first, primary: true });
  }
  return { contacts };
}

export const generic: SiteAdapter = {
  id: 'generic',
  name: 'Other pages (mailto links, hCard, schema.org)',
  matches: (url) =>
    (url.protocol === 'https:' || url.protocol === 'http:') && !isDedicatedSiteHost(url.hostname),
  extract: (document) => extractGeneric(document),
  testUrls: {
    accept: [
      'http://127.0.0.1:8787/demo',
      'http://localhost:3000/demo#message-2',
      'https://intranet.acme.example/people/jane-doe',
    ],
  },
};
