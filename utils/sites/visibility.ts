/**
 * Is an element on screen? Two checks, on purpose:
 *
 * - `isHiddenByMarkup` / `isShownByMarkup`: markup only (`hidden`, `aria-hidden`, inline
 *   `display: none` / `visibility: hidden`). No style computation, so cheap on any page and the
 *   same in happy-dom and a browser. For the hot mail adapters (Gmail, Outlook): they re-read
 *   threads of thousands of elements on every change, and hide stale views inline.
 * - `isHiddenByMarkupOrCss`: the same markup signals across shadow roots, then
 *   `checkVisibility()`, which sees stylesheet rules (`.tab:not(.active) { display: none }`)
 *   but forces a style recalculation, costly on big pages. For CRM record pages, read once per
 *   navigation, whose background tabs are hidden by classes (Salesforce, HubSpot).
 */
import { MAX_ANCESTORS, composedParent } from './composed-tree';

const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
/** Inline styles longer than this are not searched, nor handed to `checkVisibility`. */
const MAX_STYLE = 2000;

function hidesItself(element: Element, style: string): boolean {
  return (
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true' ||
    HIDING_STYLE.test(style)
  );
}

/** True when the element itself (not its ancestors) is hidden by its markup. Cheap. */
export function isHiddenByMarkup(element: Element): boolean {
  return hidesItself(element, element.getAttribute('style') ?? '');
}

/**
 * True when neither `element` nor a light-DOM ancestor below `stop` (exclusive) is hidden by
 * markup. Cheap: no style computation (see the module note).
 */
export function isShownByMarkup(element: Element, stop: Element | null = null): boolean {
  for (let node: Element | null = element; node && node !== stop; node = node.parentElement) {
    if (isHiddenByMarkup(node)) return false;
  }
  return true;
}

/**
 * True when the element or an ancestor (across shadow roots) is hidden by markup or, where the
 * browser can tell, by CSS. Forces style computation: not for hot paths (see the module note).
 * Stale views and background tabs stay in the DOM on Salesforce and HubSpot.
 */
export function isHiddenByMarkupOrCss(element: Element): boolean {
  let current: Element | null = element;
  let hugeStyle = false;
  for (let depth = 0; current && depth < MAX_ANCESTORS; depth++) {
    const style = current.getAttribute('style') ?? '';
    hugeStyle ||= style.length > MAX_STYLE;
    if (hidesItself(current, style.slice(0, MAX_STYLE))) return true;
    current = composedParent(current);
  }
  // Skipped under megabyte inline styles: DOM emulations parse those in quadratic time.
  return !hugeStyle && typeof element.checkVisibility === 'function' && !element.checkVisibility();
}
