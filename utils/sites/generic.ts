/**
 * Generic fallback for pages no dedicated adapter claims (an admin's custom domains, the
 * reference server's `/demo` page): `mailto:` links in the main content, hCard and schema.org
 * Person markup. Never a regex over the page text.
 */
import { isInside } from './composed-tree';
import { defineAdapter } from './define-site';
import { mailtoContacts } from './mailto-links';
import { ARTICLE_CONTENT, contentRegions } from './page-regions';
import { nameFromText, textOf } from './page-text';
import { genericSite, SITES } from './registry';
import { emailsFromMailto } from './rules';
import type { RawContact } from './types';
import { isHiddenByMarkupOrCss } from './visibility';

/** hCard: `<div class="vcard"><a class="email" href="mailto:…">` (test/fixtures/generic/hcard.html). */
const HCARD_EMAIL = '.vcard .email, .h-card .u-email';
const HCARD_NAME = '.fn, .p-name';
/** Microdata: `<div itemscope itemtype="https://schema.org/Person"><a itemprop="email">`. */
const MICRODATA_EMAIL = '[itemprop="email"]';
const JSON_LD = 'script[type="application/ld+json"]';

/**
 * Hosts of the sites with their own adapter (from their match patterns): there, a dedicated
 * adapter finding nothing means nothing, never a generic scan.
 */
const DEDICATED_HOSTS = SITES.filter((site) => !site.fallback).flatMap((site) =>
  site.matchPatterns.flatMap((pattern) => {
    const host = /^[a-z*]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '';
    return host ? [host] : [];
  }),
);

function isDedicatedSiteHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return DEDICATED_HOSTS.some((pattern) =>
    pattern.startsWith('*.')
      ? host === pattern.slice(2) || host.endsWith(pattern.slice(1))
      : host === pattern,
  );
}

/** Bounds so a hostile or huge page stays cheap. */
const MAX_TEXT = 320;
const MAX_JSON_LD_SCRIPTS = 20;
const MAX_JSON_LD_LENGTH = 200_000;
const MAX_JSON_NODES = 2000;
const MAX_JSON_DEPTH = 12;

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
    if (skip(element) || isHiddenByMarkupOrCss(element)) continue;
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
    if (!isPersonScope(scope) || skip(element) || isHiddenByMarkupOrCss(element)) continue;
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
    .find((article) => !isHiddenByMarkupOrCss(article));
  if (focus) {
    const [first] = mailtoContacts(focus, { role: 'link', confidence: 0.6, limit: 1 });
    if (first) contacts.unshift({ ...first, primary: true });
  }
  return { contacts };
}

export const generic = defineAdapter(genericSite, {
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
});
