/**
 * What the CRM record adapters (HubSpot, Pipedrive, Zoho, Dynamics) share: a record page shows
 * one person, so the first address found is the primary and takes the record header's name.
 */
import { nameFromText, textOf } from './page-text';
import type { RawContact } from './types';
import { isHiddenByMarkupOrCss } from './visibility';

/** Headings looked at per content root, at most. */
const MAX_HEADINGS = 5;

/**
 * The record's name: the text of the first visible `selector` match in `roots` that `skip`
 * does not reject (chrome), when it reads as a name.
 */
export function recordHeadingName(
  roots: readonly Element[],
  selector: string,
  skip: (element: Element) => boolean,
): string | undefined {
  const heading = roots
    .flatMap((root) => Array.from(root.querySelectorAll(selector)).slice(0, MAX_HEADINGS))
    .find((element) => !isHiddenByMarkupOrCss(element) && !skip(element));
  return nameFromText(textOf(heading));
}

/**
 * `contacts` with the first marked primary and named `name` (its own name when the header
 * gave none); the rest unchanged. Empty in, empty out.
 */
export function recordContacts(contacts: RawContact[], name: string | undefined): RawContact[] {
  const [first, ...rest] = contacts;
  return first ? [{ ...first, name: name ?? first.name, primary: true }, ...rest] : [];
}
