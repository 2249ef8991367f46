/**
 * The in-page launcher: a small button with the primary contact's initials and a
 * short signal, in the shadow root of Touchpoint's host element. Plain DOM, no framework: it
 * loads on every Gmail and CRM page (content script budget 12 KB gzip). Backend strings are
 * set as text only.
 */
import type { LauncherPosition, LauncherSummary } from '../protocol/launcher-protocol';

// Minified by hand: every byte here loads on every page.
export const LAUNCHER_STYLE = `.launcher{position:fixed;z-index:2147483645;display:inline-flex;align-items:center;gap:6px;max-width:220px;height:40px;padding:0 12px 0 4px;border:0;border-radius:20px;background:#1f2a44;color:#fff;font:600 13px/1 system-ui,sans-serif;cursor:pointer;box-shadow:0 2px 8px rgb(0 0 0 / 30%)}.launcher[hidden]{display:none}.launcher:focus-visible{outline:3px solid #fff;box-shadow:0 0 0 6px #1a73e8}:host([data-open]) .launcher[data-side=right]{right:calc(var(--tp-panel-width) + 16px)!important}.initials{display:inline-grid;place-items:center;width:32px;height:32px;border-radius:50%;background:#e8eefc;color:#1f2a44;font-size:12px;flex:none}.signal{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.draft{padding:2px 6px;border-radius:8px;background:#ffe08a;color:#3d2e00}.draft[hidden]{display:none}`;

/** A child element of `doc` with a class and attributes (shared by the in-page UI's parts). */
export function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.className = className;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

export interface Launcher {
  /** Draws the contact, or nothing (`null`). */
  show(summary: LauncherSummary | null): void;
  setPosition(position: LauncherPosition): void;
  /** Whether the sidebar it controls is open (aria-expanded and the label follow). */
  setExpanded(open: boolean): void;
  /** The draft check's summary ("2 to fix"), or null when no compose is open. */
  setDraft(text: string | null): void;
  focus(): void;
}

/**
 * Adds the launcher to `root`. It never takes focus by itself, and a mouse click leaves the
 * focus where the rep was typing; `onActivate` runs on click, Enter or Space.
 */
export function createLauncher(root: ShadowRoot, onActivate: () => void): Launcher {
  const doc = root.ownerDocument;
  const button = element(doc, 'button', 'launcher', { type: 'button' });
  button.hidden = true;
  const initials = element(doc, 'span', 'initials', { 'aria-hidden': 'true' });
  const signal = element(doc, 'span', 'signal', { 'aria-hidden': 'true' });
  const draft = element(doc, 'span', 'draft', { 'aria-hidden': 'true' });
  draft.hidden = true;
  button.append(initials, signal, draft);
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', () => onActivate());
  root.append(button);

  let current: LauncherSummary | null = null;
  let expanded = false;
  const label = () => {
    if (!current) return;
    const who = current.name ?? current.email;
    const what = current.signal ? ` (${current.signal})` : '';
    const draftNote = draft.hidden ? '' : `; your draft: ${draft.textContent}`;
    const text = `${expanded ? 'Close' : 'Open'} the Touchpoint sidebar for ${who}${what}${draftNote}`;
    button.setAttribute('aria-label', text);
    button.setAttribute('aria-expanded', String(expanded));
  };

  return {
    show(summary) {
      current = summary;
      button.hidden = !summary;
      initials.textContent = summary?.initials ?? '';
      signal.textContent = summary?.signal ?? '';
      label();
    },
    setPosition(position) {
      // Inline: four corners cost less here than four rules in the stylesheet.
      const [vertical, side] = position.split('-') as [string, string];
      button.dataset.side = side;
      button.style.cssText = `${vertical}:${vertical === 'top' ? 72 : 20}px;${side}:20px`;
    },
    setExpanded(open) {
      expanded = open;
      label();
    },
    setDraft(text) {
      draft.hidden = text === null;
      draft.textContent = text ?? '';
      label();
    },
    focus() {
      if (!button.hidden) button.focus();
    },
  };
}
