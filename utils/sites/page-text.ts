/**
 * Text read from the page, bounded so a hostile page stays cheap: an element's text, display
 * names, whitespace. Pure string work; the only DOM use is `textContent`.
 */

/** Longest display name kept (longer is page text, not a name). */
const MAX_NAME = 200;
/** Longest link text or label read as a name. */
const MAX_LINK_NAME = 120;
/** Longest element text returned by `textOf`. */
const MAX_TEXT = 320;

/** Link captions that are calls to action, not names ("Email me", "Send a message"). */
const CALL_TO_ACTION = /^(?:e-?mail|mail|send|write|contact|click|reply|message)\b/i;

/** Runs of white space as one space, trimmed; reads at most `maxInput` characters. */
export function collapseWhitespace(text: string, maxInput: number): string {
  return text.slice(0, maxInput).replace(/\s+/g, ' ').trim();
}

/** `"Jane Doe"` or `'Jane Doe'` → `Jane Doe`: one matching pair around the whole name. */
function unquotePair(name: string): string {
  return /^(["']).*\1$/.test(name) ? name.slice(1, -1).trim() : name;
}

/**
 * A display name worth showing: white space collapsed, then unquoted by `unquote` (by default
 * one matching pair); undefined when nothing is left or it is longer than a name.
 */
export function cleanName(
  value: unknown,
  unquote: (name: string) => string = unquotePair,
): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = unquote(collapseWhitespace(value, MAX_NAME * 2));
  return name && name.length <= MAX_NAME ? name : undefined;
}

/** Trimmed, length-capped text of an element (for names and text-only addresses). */
export function textOf(element: Element | null | undefined): string {
  return collapseWhitespace(element?.textContent ?? '', MAX_TEXT * 4).slice(0, MAX_TEXT);
}

/** A link text or label that reads as a name, not as an address or a button caption. */
export function nameFromText(text: string): string | undefined {
  const name = text.trim();
  return name && name.length <= MAX_LINK_NAME && !name.includes('@') && !CALL_TO_ACTION.test(name)
    ? name
    : undefined;
}
