/**
 * Rules every adapter's raw output goes through before anyone sees it: normalise, drop what
 * is not a person the rep deals with (invalid, own, internal, role/no-reply), one entry per
 * address, most relevant first. Pure: strings in, strings out.
 */
import { cleanName } from './page-text';
import type { AdapterResult, ContactRole, DetectedContact, RawContact } from './types';

/**
 * Lower is more relevant. `compose` ranks below `cc`: someone who wrote or received the open
 * thread is better known than an address the rep is still typing, and the thread role says
 * more about them; above `record`/`link` because a draft names its audience on purpose.
 */
export const ROLE_RANK: Readonly<Record<ContactRole, number>> = {
  sender: 0,
  recipient: 1,
  cc: 2,
  compose: 3,
  record: 4,
  link: 5,
};

/** RFC 5321 limits: whole address, local part (a label's 63 is in DOMAIN_LABEL). */
const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
/** Hostile pages: never decode or split more than this much of a `mailto:` href. */
const MAX_MAILTO_LENGTH = 2048;
/** Addresses taken from one `mailto:` (`mailto:a@x,b@y`); more is noise, not people. */
const MAX_MAILTO_ADDRESSES = 10;
/** Upper bound on raw entries considered per page, so a pathological page stays cheap. */
const MAX_RAW_CONTACTS = 5000;

/**
 * Local parts of dot-atoms (RFC 5322 atext, lowercase). Dots only between runs of atext and
 * atext has no dot, so matching is linear: no catastrophic backtracking.
 */
const LOCAL_PART = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*";
/** A domain label of at most 63 characters; labels hold no dot, so this is linear too. */
const DOMAIN_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** Top-level domain: letters, or an IDN in punycode (`xn--…`). */
const TOP_LEVEL_LABEL = '(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})';
/** One pattern for the whole address: one pass instead of a split and a test per label. */
const ADDRESS = new RegExp(`^${LOCAL_PART}@(?:${DOMAIN_LABEL}\\.)+${TOP_LEVEL_LABEL}$`);

/** Percent-decodes without throwing on malformed sequences (`%E0%A4%A`). */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * True for a plain `local@domain.tld` address, already trimmed and lowercased. Quoted local
 * parts, IP literals, single-label hosts and non-ASCII addresses are rejected: none is a
 * B2B contact worth a lookup, and every check here is bounded by the length caps first.
 */
export function isValidEmail(email: string): boolean {
  if (email.length < 6 || email.length > MAX_EMAIL_LENGTH) return false;
  const at = email.indexOf('@');
  if (at < 1 || at > MAX_LOCAL_LENGTH) return false;
  return ADDRESS.test(email);
}

/**
 * Every address a `mailto:` href names, normalised and valid: strips the `?subject=…` query
 * (keeping its `to=`), percent-decodes (`%40`), splits `a@x,b@y`. Anything that is not a
 * `mailto:` (e.g. `javascript:`) gives nothing. For adapters reading `a[href^="mailto:"]`.
 */
export function emailsFromMailto(href: string): string[] {
  if (typeof href !== 'string') return [];
  const trimmed = href.trim().slice(0, MAX_MAILTO_LENGTH);
  if (!/^mailto:/i.test(trimmed)) return [];
  const body = trimmed.slice('mailto:'.length);
  const queryStart = body.indexOf('?');
  const targets = [queryStart === -1 ? body : body.slice(0, queryStart)];
  if (queryStart !== -1) {
    // `mailto:?to=a@x&subject=…` puts the address in the query (RFC 6068).
    for (const pair of body.slice(queryStart + 1).split('&', 20)) {
      const eq = pair.indexOf('=');
      if (eq > 0 && safeDecode(pair.slice(0, eq)).toLowerCase() === 'to') {
        targets.push(pair.slice(eq + 1));
      }
    }
  }
  const found: string[] = [];
  for (const target of targets) {
    for (const part of safeDecode(target).split(/[,;]/, MAX_MAILTO_ADDRESSES)) {
      const email = normalizeEmail(part);
      if (email && !found.includes(email)) found.push(email);
      if (found.length >= MAX_MAILTO_ADDRESSES) return found;
    }
  }
  return found;
}

/**
 * One address from whatever the page holds: trims, lowercases, unwraps `<addr>` and a single
 * `mailto:` (query stripped, percent-decoded). Undefined when the result is not one valid
 * address (so `mailto:a@x,b@y` is undefined here: use `emailsFromMailto`).
 */
export function normalizeEmail(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_MAILTO_LENGTH) return undefined;
  let email = value.trim();
  if (/^mailto:/i.test(email)) {
    const query = email.indexOf('?');
    email = safeDecode(email.slice('mailto:'.length, query === -1 ? undefined : query)).trim();
  }
  if (email.startsWith('<') && email.endsWith('>')) email = email.slice(1, -1).trim();
  email = email.toLowerCase();
  return isValidEmail(email) ? email : undefined;
}

/**
 * Local parts that are machines, not people. Compared with `.`/`-`/`_` removed and any
 * `+tag` dropped, so `no_reply`, `no.reply`, `noreply+x`, `do-not-reply`, `mailer-daemon`,
 * `bounces+abc` all count.
 */
const ROLE_LOCAL_EXACT = new Set(['postmaster', 'mailerdaemon', 'notification', 'notifications']);
/** Anywhere in the compacted local part: `marketing-noreply`, `noreply-dmarc-support`. */
const ROLE_LOCAL_CONTAINS = ['noreply', 'donotreply'];
/** At the start: `bounce`, `bounces`, `bounce-1234` (VERP return paths). */
const ROLE_LOCAL_PREFIX = ['bounce'];
/** At the end: `calendar-notification`, `billing-notifications`. */
const ROLE_LOCAL_SUFFIX = ['notification', 'notifications'];

/** True when the address is a no-reply / bounce / system sender rather than a person. */
export function isRoleAddress(email: string): boolean {
  const at = email.lastIndexOf('@');
  const local = (at === -1 ? email : email.slice(0, at)).toLowerCase();
  const plus = local.indexOf('+');
  const compact = (plus === -1 ? local : local.slice(0, plus)).replace(/[._-]/g, '');
  return (
    ROLE_LOCAL_EXACT.has(compact) ||
    ROLE_LOCAL_CONTAINS.some((word) => compact.includes(word)) ||
    ROLE_LOCAL_PREFIX.some((word) => compact.startsWith(word)) ||
    ROLE_LOCAL_SUFFIX.some((word) => compact.endsWith(word))
  );
}

/** `Example.com`, `@example.com`, `*.example.com`, `.example.com` → `example.com`. */
function normalizeDomain(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const domain = value
    .trim()
    .toLowerCase()
    .replace(/^(?:\*?\.|@)/, '')
    .replace(/\.$/, '');
  return domain.includes('.') && domain.length <= MAX_EMAIL_LENGTH ? domain : undefined;
}

/** True when the address's domain is one of `domains` or a subdomain of one. */
function inDomains(email: string, domains: readonly string[]): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/**
 * True for a normalised address that is neither the user's (`own`) nor a machine's: someone
 * the rep may deal with. Adapters pick their primary with it; the internal domains (a setting
 * adapters never see) are applied on top, in `applyContactRules`.
 */
export function isExternalAddress(email: string, own: ReadonlySet<string>): boolean {
  return !own.has(email) && !isRoleAddress(email);
}

/** The entry's display name, unless it is just the address again. */
function nameFor(name: unknown, email: string): string | undefined {
  const clean = cleanName(name);
  if (!clean) return undefined;
  const lower = clean.toLowerCase();
  // Only a name with an @ can be the address again; skip the full check for the rest.
  if (lower === email || (clean.includes('@') && normalizeEmail(clean) === email)) return undefined;
  return clean;
}

function clampConfidence(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

export interface ContactRuleOptions {
  /** The user's own addresses (settings); merged with what the adapter read on the page. */
  ownEmails?: readonly string[];
  /** The user's company domains: addresses there or in subdomains are colleagues. */
  internalDomains?: readonly string[];
}

interface Merged {
  contact: DetectedContact;
  primary: boolean;
  rank: number;
  order: number;
  /** Confidence of the entry the name came from. */
  nameConfidence: number;
}

/**
 * Applies the shared rules to one adapter's result and tags `site`. Order: the adapter's
 * `primary` pick first, then role rank, then page order (first sighting). Per address the
 * best role wins, with its name (on a tie, the name from the surer entry; else any name seen)
 * and the highest confidence seen.
 */
export function applyContactRules(
  result: AdapterResult,
  site: string,
  options: ContactRuleOptions = {},
): DetectedContact[] {
  const own = new Set<string>();
  for (const value of [...(options.ownEmails ?? []), ...(result.ownEmails ?? [])]) {
    const email = normalizeEmail(value);
    if (email) own.add(email);
  }
  const internal = (options.internalDomains ?? []).flatMap((d) => normalizeDomain(d) ?? []);

  const byEmail = new Map<string, Merged>();
  const raw: readonly RawContact[] = Array.isArray(result.contacts) ? result.contacts : [];
  for (const [order, entry] of raw.slice(0, MAX_RAW_CONTACTS).entries()) {
    const email = normalizeEmail(entry?.email);
    if (!email || !isExternalAddress(email, own) || inDomains(email, internal)) continue;
    const role: ContactRole = Object.hasOwn(ROLE_RANK, entry.role) ? entry.role : 'link';
    const rank = ROLE_RANK[role];
    const name = nameFor(entry.name, email);
    const confidence = clampConfidence(entry.confidence);
    const seen = byEmail.get(email);
    if (!seen) {
      const contact: DetectedContact = { email, role, site, confidence };
      if (name) contact.name = name;
      const primary = entry.primary === true;
      byEmail.set(email, { contact, primary, rank, order, nameConfidence: name ? confidence : -1 });
      continue;
    }
    seen.primary ||= entry.primary === true;
    seen.contact.confidence = Math.max(seen.contact.confidence, confidence);
    const betterRole = rank < seen.rank;
    if (betterRole) {
      seen.rank = rank;
      seen.contact.role = role;
    }
    // The best role's name; on a tie the surer source's (an hCard's name beats link text).
    const betterName = betterRole || (rank === seen.rank && confidence > seen.nameConfidence);
    if (name && (betterName || !seen.contact.name)) {
      seen.contact.name = name;
      seen.nameConfidence = confidence;
    }
  }

  return [...byEmail.values()]
    .sort((a, b) => Number(b.primary) - Number(a.primary) || a.rank - b.rank || a.order - b.order)
    .map((m) => m.contact);
}
