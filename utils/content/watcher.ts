import type { DetectedContact } from '../sites/types';

/**
 * Re-runs detection when the page may show someone else, at the lowest cost we can manage on
 * heavy pages (research/detection.md "Cost on heavy pages"):
 * - one MutationObserver (childList + subtree, no attributes: attribute records are the
 *   expensive kind), whose callback only sets a timer — bursts coalesce into one run;
 * - navigation (hashchange, popstate) schedules a run too;
 * - while the tab is hidden nothing runs; a pending change runs when it is shown again;
 * - `report` is called only when the URL or the detected list changed.
 */
export interface WatcherOptions {
  detect: () => DetectedContact[];
  report: (url: string, contacts: DetectedContact[]) => void;
  /** The element to observe; the narrowest one that holds the contacts. */
  root: Node;
  window: Window;
  /** Quiet time before a run after the last change. */
  delayMs?: number;
}

export function watchContacts(options: WatcherOptions): () => void {
  const { window: win, root, detect, report } = options;
  const delayMs = options.delayMs ?? 150;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  let lastUrl = '';
  let lastKey = '';

  const run = () => {
    timer = undefined;
    if (win.document.hidden) {
      pending = true;
      return;
    }
    pending = false;
    const url = win.location.href;
    const contacts = detect();
    const key = contacts.map((c) => `${c.email}|${c.role}|${c.name ?? ''}`).join(',');
    if (url === lastUrl && key === lastKey) return;
    lastUrl = url;
    lastKey = key;
    report(url, contacts);
  };

  const schedule = () => {
    if (timer !== undefined) return;
    timer = setTimeout(run, delayMs);
  };

  const onVisibility = () => {
    if (!win.document.hidden && pending) schedule();
  };

  // The global constructor: a content script shares the DOM but has its own JS globals.
  const observer = new MutationObserver(schedule);
  observer.observe(root, { childList: true, subtree: true });
  win.addEventListener('hashchange', schedule);
  win.addEventListener('popstate', schedule);
  win.document.addEventListener('visibilitychange', onVisibility);
  run();

  return () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    win.removeEventListener('hashchange', schedule);
    win.removeEventListener('popstate', schedule);
    win.document.removeEventListener('visibilitychange', onVisibility);
  };
}
