/**
 * `mailto:` links: the one selector every adapter uses for them, and the contacts they name.
 */
import { nameFromText, textOf } from './page-text';
import { emailsFromMailto } from './rules';
import type { ContactRole, RawContact } from './types';
import { isHiddenByMarkupOrCss } from './visibility';

/** Any `mailto:` link; the scheme is case-insensitive (`MAILTO:` exists in the wild). */
export const MAILTO_LINK = 'a[href^="mailto:" i]';
/** Links looked at per call, at most, so a page of thousands stays cheap. */
const MAX_LINKS_SCANNED = 500;

/** Every address a `mailto:` link names (`mailto:a@x,b@y?cc=…` gives both). */
export function linkEmails(link: Element): string[] {
  return emailsFromMailto(link.getAttribute('href') ?? '');
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
    if (!link || options.skip?.(link) || isHiddenByMarkupOrCss(link)) continue;
    const emails = linkEmails(link);
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
