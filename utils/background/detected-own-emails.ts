import { detectedOwnEmails } from '../settings/items';
import { serial } from '../settings/serial-update';

/** How many detected own addresses are kept (a rep has a handful of accounts). */
export const DETECTED_OWN_EMAILS_LIMIT = 20;

/** Plain `local@domain.tld`, as a page would show a signed-in account. */
const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/;

const writes = serial();

/**
 * Adds the addresses a page showed as the signed-in user's to the union in
 * `local:detectedOwnEmails` (lowercase, newest last, at most 20). Input comes from a content
 * script, so it is checked and bounded here. Writes only when something is new.
 */
export function rememberOwnEmails(emails: unknown): Promise<void> {
  if (!Array.isArray(emails) || emails.length === 0) return Promise.resolve();
  const found = emails
    .slice(0, DETECTED_OWN_EMAILS_LIMIT)
    .filter((e): e is string => typeof e === 'string' && e.length <= 254)
    .map((e) => e.trim().toLowerCase())
    .filter((e) => ADDRESS.test(e));
  if (found.length === 0) return Promise.resolve();
  return writes.run(async () => {
    const known = await detectedOwnEmails.getValue();
    const added = found.filter((e, i) => !known.includes(e) && found.indexOf(e) === i);
    if (added.length === 0) return;
    await detectedOwnEmails.setValue([...known, ...added].slice(-DETECTED_OWN_EMAILS_LIMIT));
  });
}
