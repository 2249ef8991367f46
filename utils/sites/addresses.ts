/**
 * Addresses written as text: mail headers (`Name <addr>, "Doe, Jane" <addr2>`), titles and
 * labels. Read by the mail adapters (Gmail, Outlook). Bounded, linear, never a guess: a name
 * without an address gives nothing.
 */
import { cleanName } from './page-text';
import { normalizeEmail } from './rules';

/** Any address inside free text (title, aria-label); bounded input, linear pattern. */
const EMAIL_IN_TEXT = /[\w.%+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/g;
const MAX_TEXT = 1000;
/** Hostile `value="a@x, b@y, …"`: parse at most this much. */
const MAX_LIST_TEXT = 10_000;
const MAX_LIST_ENTRIES = 100;

export interface ParsedAddress {
  email: string;
  name?: string;
}

const unquoteHeaderName = (name: string) => name.replace(/^"+|"+$/g, '').trim();

/**
 * A display name as a mail header or a recipient chip writes it. Every double quote at either
 * end goes, not only a matching pair: an unterminated quoted name (`"Lee, x <x@y.example>`)
 * still gives `Lee, x`.
 */
export function cleanHeaderName(value: string | null | undefined): string | undefined {
  return cleanName(value, unquoteHeaderName);
}

/** `Name <addr>`, `"Doe, Jane" <addr>` or a bare address; undefined for a name alone. */
export function parseAddress(text: string): ParsedAddress | undefined {
  const part = text.slice(0, MAX_TEXT);
  const open = part.lastIndexOf('<');
  const close = part.lastIndexOf('>');
  if (open !== -1 && close > open) {
    const email = normalizeEmail(part.slice(open + 1, close));
    if (!email) return undefined;
    const name = cleanHeaderName(part.slice(0, open));
    return name ? { email, name } : { email };
  }
  const email = normalizeEmail(part);
  return email ? { email } : undefined;
}

/**
 * A header list (`Name <addr>, "Doe, Jane" <addr2>; addr3`): splits on `,`/`;` outside quotes
 * and angle brackets. Entries without an address are dropped, never guessed.
 */
export function parseAddressList(value: string): ParsedAddress[] {
  const text = value.slice(0, MAX_LIST_TEXT);
  const found: ParsedAddress[] = [];
  let start = 0;
  let quoted = false;
  let angled = false;
  for (let i = 0; i <= text.length && found.length < MAX_LIST_ENTRIES; i++) {
    const ch = text[i];
    if (i === text.length || (!quoted && !angled && (ch === ',' || ch === ';'))) {
      const entry = parseAddress(text.slice(start, i));
      if (entry) found.push(entry);
      start = i + 1;
    } else if (ch === '\\' && quoted) {
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === '<') {
      angled = true;
    } else if (!quoted && ch === '>') {
      angled = false;
    }
  }
  return found;
}

/** Every address in a bit of text (title, aria-label), normalised and valid. */
export function emailsInText(text: string | null | undefined): string[] {
  if (!text) return [];
  const found: string[] = [];
  for (const match of text.slice(0, MAX_TEXT).matchAll(EMAIL_IN_TEXT)) {
    const email = normalizeEmail(match[0]);
    if (email && !found.includes(email)) found.push(email);
  }
  return found;
}
