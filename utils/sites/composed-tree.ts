/**
 * Walking up from an element through open shadow roots to their hosts (the composed tree), so
 * readers see Lightning's shadow-DOM fields the way the user sees the page. Bounded: hostile
 * pages nest without end.
 */

/** Ancestors looked at, at most, by any walk up the composed tree. */
export const MAX_ANCESTORS = 256;

/** The element's parent, crossing out of a shadow root to its host. */
export function composedParent(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.parentNode;
  return root && 'host' in root ? ((root as ShadowRoot).host ?? null) : null;
}

/** True when `element` or an ancestor below `root` (across shadow roots) matches `selector`. */
export function isInside(element: Element, selector: string, root: Node): boolean {
  let current: Element | null = element;
  for (let depth = 0; current && current !== root && depth < MAX_ANCESTORS; depth++) {
    if (current.matches(selector)) return true;
    current = composedParent(current);
  }
  return false;
}
