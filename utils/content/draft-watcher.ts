/**
 * Reads the rep's open compose (Gmail, Outlook) as they type, for the draft check.
 * The text goes only to the extension's own background, which checks it against the
 * recipients' messaging; it is never sent to a backend nor stored.
 *
 * Cost while typing: one capture-phase `input` listener on the document whose work per
 * keystroke is a `closest()`; the text is read (innerText) once the rep pauses for
 * `delayMs`, at most every `maxWaitMs` while they keep typing.
 */

/** Compose bodies: Gmail (popup, full-screen, inline reply) and Outlook on the web. */
export const COMPOSE_BODY_SELECTOR = [
  '[contenteditable="true"][aria-label="Message Body"]',
  '[contenteditable="true"][aria-label="Message body"]',
  '.M9 .editable[contenteditable="true"]',
  '.AD .editable[contenteditable="true"]',
  '.AO .editable[contenteditable="true"]',
  'div[contenteditable="true"][role="textbox"][aria-multiline="true"]',
].join(', ');

/** Longest draft read (characters); a longer one is checked on its start. */
export const MAX_DRAFT_CHARS = 50_000;

export interface DraftWatcherOptions {
  window: Window;
  /** Called with the draft's text after a pause, and with '' when the compose closes. */
  report: (text: string) => void | Promise<unknown>;
  delayMs?: number;
  maxWaitMs?: number;
}

export function watchDrafts(options: DraftWatcherOptions): () => void {
  const { window: win, report } = options;
  const delayMs = options.delayMs ?? 400;
  const maxWaitMs = options.maxWaitMs ?? 1500;
  let body: HTMLElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstInputAt = 0;
  let lastSent: string | undefined;

  const send = (text: string) => {
    if (text === lastSent) return;
    lastSent = text;
    const sent = report(text);
    if (sent instanceof Promise) {
      sent.catch(() => {
        // Not delivered: the next pause sends it again.
        if (lastSent === text) lastSent = undefined;
      });
    }
  };

  let poll: ReturnType<typeof setInterval> | undefined;
  const forget = () => {
    body = undefined;
    if (poll !== undefined) clearInterval(poll);
    poll = undefined;
    send('');
  };

  const read = () => {
    timer = undefined;
    if (!body) return;
    if (!body.isConnected) return forget();
    const text = (body.innerText || body.textContent || '').slice(0, MAX_DRAFT_CHARS);
    send(text);
  };

  const onInput = (event: Event) => {
    // Not `instanceof HTMLElement`: a content script's globals are not the page's.
    const target = event.target as Partial<Element> | null;
    const found = target?.closest?.<HTMLElement>(COMPOSE_BODY_SELECTOR);
    if (!found) return;
    body = found;
    // While a compose is known, look now and then whether it closed (sent, discarded).
    poll ??= setInterval(onFocusOut, 2000);
    const now = performance.now();
    if (timer === undefined) firstInputAt = now;
    else clearTimeout(timer);
    timer = setTimeout(read, Math.min(delayMs, Math.max(0, firstInputAt + maxWaitMs - now)));
  };

  // A compose that closes clears the check: looked at on focus changes (a rep leaving a
  // compose) and by the poll above, instead of observing the whole page.
  function onFocusOut() {
    if (body && !body.isConnected) forget();
  }

  win.document.addEventListener('input', onInput, true);
  win.document.addEventListener('focusout', onFocusOut, true);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    if (poll !== undefined) clearInterval(poll);
    win.document.removeEventListener('input', onInput, true);
    win.document.removeEventListener('focusout', onFocusOut, true);
  };
}
