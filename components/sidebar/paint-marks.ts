/**
 * The performance marks `npm run bench` (sidebar-paint) reads, each set once per page: the
 * only place that names them.
 */
export const PAINT_MARKS = {
  /** The tab's contacts reached the page. */
  tabContacts: 'touchpoint:tab-contacts',
  /** The primary contact's context reached the page. */
  context: 'touchpoint:context',
  /** The contact's header and highlights are on screen. */
  contactPainted: 'touchpoint:contact-painted',
  /** The rest of the contact (timeline, content, messaging) is on screen too. */
  allPainted: 'touchpoint:all-painted',
} as const;

export function markOnce(mark: keyof typeof PAINT_MARKS): void {
  const name = PAINT_MARKS[mark];
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

/**
 * Sets `mark` (once per page) at the first frame painted after now; returns the cancel, so
 * it can be an effect.
 */
export function markAfterPaint(mark: keyof typeof PAINT_MARKS): (() => void) | undefined {
  const name = PAINT_MARKS[mark];
  if (performance.getEntriesByName(name).length > 0) return;
  // The task after the next animation frame runs once that frame is painted.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => performance.mark(name));
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
