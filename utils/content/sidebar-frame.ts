/**
 * The in-page sidebar: the extension's `sidebar.html` in an iframe docked to the
 * right edge, over the page (it pushes nothing), with a close button and a left edge that
 * resizes it by pointer or arrow keys. The frame is created on the first open, so pages where
 * the rep never opens it never load the sidebar's React.
 */
import { element } from './launcher';

// Minified by hand: every byte here loads on every page.
export const FRAME_STYLE = `.panel{position:fixed;z-index:2147483646;top:0;right:0;bottom:0;width:var(--tp-panel-width);display:flex;flex-direction:column;background:#fff;box-shadow:-2px 0 12px rgb(0 0 0 / 25%)}.panel[hidden]{display:none}.bar{display:flex;align-items:center;justify-content:space-between;height:32px;padding:0 4px 0 14px;background:#1f2a44;color:#fff;font:600 13px/1 system-ui,sans-serif}.close{width:28px;height:28px;border:0;border-radius:4px;background:transparent;color:#fff;font:20px/1 system-ui,sans-serif;cursor:pointer}:focus-visible{outline:3px solid #1a73e8;outline-offset:-3px}iframe{flex:1;width:100%;border:0;background:#fff}.resize{position:absolute;top:0;bottom:0;left:-4px;width:8px;cursor:ew-resize}.resizing iframe{pointer-events:none}`;

export const DEFAULT_FRAME_WIDTH = 380;
export const MIN_FRAME_WIDTH = 280;
const MAX_FRAME_WIDTH = 720;
const KEY_STEP = 20;

export interface SidebarFrame {
  isOpen(): boolean;
  /** Shows the panel, loading `src` on first use; moves the focus into it when `focus`. */
  open(options: { focus: boolean }): void;
  close(): void;
  width(): number;
}

export interface SidebarFrameOptions {
  /** The sidebar page's URL. */
  src: string;
  /** After the panel opened or closed (by its button, Escape or the caller). */
  onToggle: (open: boolean) => void;
  /** The panel's width changed (for what sits beside it, e.g. the launcher). */
  onResize: (width: number) => void;
}

export function createSidebarFrame(root: ShadowRoot, options: SidebarFrameOptions): SidebarFrame {
  const doc = root.ownerDocument;
  const win = doc.defaultView ?? window;
  const panel = element(doc, 'aside', 'panel', { 'aria-label': 'Touchpoint sidebar' });
  panel.hidden = true;

  const bar = element(doc, 'div', 'bar');
  const title = element(doc, 'span', '');
  title.textContent = 'Touchpoint';
  const close = element(doc, 'button', 'close', {
    type: 'button',
    'aria-label': 'Close the Touchpoint sidebar',
  });
  close.textContent = '×';
  close.addEventListener('click', () => frame.close());
  bar.append(title, close);

  const handle = element(doc, 'div', 'resize', {
    tabindex: '0',
    role: 'separator',
    'aria-orientation': 'vertical',
    'aria-label': 'Resize the Touchpoint sidebar',
    'aria-valuemin': String(MIN_FRAME_WIDTH),
  });

  panel.append(handle, bar);
  root.append(panel);

  let iframe: HTMLIFrameElement | undefined;
  let width = DEFAULT_FRAME_WIDTH;
  const maxWidth = () => Math.max(MIN_FRAME_WIDTH, Math.min(MAX_FRAME_WIDTH, win.innerWidth - 80));
  const setWidth = (next: number) => {
    width = Math.round(Math.min(maxWidth(), Math.max(MIN_FRAME_WIDTH, next)));
    handle.setAttribute('aria-valuemax', String(maxWidth()));
    handle.setAttribute('aria-valuenow', String(width));
    options.onResize(width);
  };

  // Drag the left edge: pointer capture keeps the moves coming over the iframe.
  handle.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    panel.classList.add('resizing');
  });
  handle.addEventListener('pointermove', (event) => {
    if (handle.hasPointerCapture(event.pointerId)) setWidth(win.innerWidth - event.clientX);
  });
  const endDrag = (event: PointerEvent) => {
    if (handle.hasPointerCapture(event.pointerId)) handle.releasePointerCapture(event.pointerId);
    panel.classList.remove('resizing');
  };
  handle.addEventListener('pointerup', endDrag);
  handle.addEventListener('pointercancel', endDrag);
  handle.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowLeft') setWidth(width + KEY_STEP);
    else if (event.key === 'ArrowRight') setWidth(width - KEY_STEP);
    else return;
    event.preventDefault();
  });
  // Escape on our own controls (inside the frame, the sidebar page asks the background).
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    frame.close();
  });

  const frame: SidebarFrame = {
    isOpen: () => !panel.hidden,
    open({ focus }) {
      if (!iframe) {
        // clipboard-write: the sidebar's Copy buttons work inside the page's frame too.
        iframe = element(doc, 'iframe', '', {
          title: 'Touchpoint sidebar',
          src: options.src,
          allow: 'clipboard-write',
        });
        panel.append(iframe);
      }
      const wasOpen = !panel.hidden;
      panel.hidden = false;
      setWidth(width);
      if (focus) iframe.focus();
      if (!wasOpen) options.onToggle(true);
    },
    close() {
      if (panel.hidden) return;
      panel.hidden = true;
      options.onToggle(false);
    },
    width: () => width,
  };
  return frame;
}
