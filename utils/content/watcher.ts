import type { DetectedContact } from '../sites/types';

/**
 * Re-runs detection when the page may show someone else, at the lowest cost we can manage on
 * heavy pages (research/detection.md "Cost on heavy pages"):
 * - one MutationObserver (childList + subtree, no attributes: attribute records are the
 *   expensive kind), whose callback only (re)arms a timer;
 * - detection runs once the page has been quiet for `delayMs` (pages settle 100–300 ms after
 *   a navigation), and at least every `maxWaitMs` while it keeps changing — never in the
 *   middle of a burst. In Chromium one run on a 100-message Gmail thread takes ~10–25 ms,
 *   so running per burst made such a page ~25% slower (npm run bench, page-cost);
 * - runs are spaced by at least ten times the last run's duration, which caps detection at
 *   about a tenth of the main thread on a page that never stops changing;
 * - navigation (hashchange, popstate) schedules a run too;
 * - while the tab is hidden nothing runs; a pending change runs when it is shown again;
 * - a page restored from the back/forward cache reports again;
 * - `report` is called only when the URL or the detected list changed; when the report
 *   fails (its promise rejects), the next run reports again.
 */
export interface WatcherOptions {
  detect: () => DetectedContact[];
  report: (url: string, contacts: DetectedContact[]) => void | Promise<unknown>;
  /** The element to observe; the narrowest one that holds the contacts. */
  root: Node;
  window: Window;
  /** Quiet time before a run after the last change. */
  delayMs?: number;
  /** Longest wait for a quiet moment while the page keeps changing. */
  maxWaitMs?: number;
}

export function watchContacts(options: WatcherOptions): () => void {
  const { window: win, root, detect, report } = options;
  const delayMs = options.delayMs ?? 200;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChangeAt = 0;
  let notBefore = 0;
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
    const started = performance.now();
    const contacts = detect();
    const ended = performance.now();
    notBefore = ended + Math.min(10 * (ended - started), 2000);
    const key = contacts.map((c) => `${c.email}|${c.role}|${c.name ?? ''}`).join(',');
    if (url === lastUrl && key === lastKey) return;
    lastUrl = url;
    lastKey = key;
    const sent = report(url, contacts);
    if (sent instanceof Promise) {
      sent.catch(() => {
        // Not delivered: forget it, so the next change or navigation sends it again.
        if (lastKey === key && lastUrl === url) lastKey = lastUrl = '';
      });
    }
  };

  const schedule = () => {
    const now = performance.now();
    if (timer === undefined) firstChangeAt = now;
    else clearTimeout(timer);
    const wait = Math.min(delayMs, Math.max(0, firstChangeAt + maxWaitMs - now));
    timer = setTimeout(run, Math.max(wait, notBefore - now));
  };

  const onVisibility = () => {
    if (!win.document.hidden && pending) schedule();
  };
  // Back/forward cache: the background forgot this tab when it navigated away, so a page
  // restored from the cache must report again even though nothing changed here.
  const onPageShow = (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    lastUrl = '';
    lastKey = '';
    schedule();
  };

  // The global constructor: a content script shares the DOM but has its own JS globals.
  const observer = new MutationObserver(schedule);
  observer.observe(root, { childList: true, subtree: true });
  win.addEventListener('hashchange', schedule);
  win.addEventListener('popstate', schedule);
  win.document.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('pageshow', onPageShow);
  run();

  return () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    win.removeEventListener('hashchange', schedule);
    win.removeEventListener('popstate', schedule);
    win.document.removeEventListener('visibilitychange', onVisibility);
    win.removeEventListener('pageshow', onPageShow);
  };
}
