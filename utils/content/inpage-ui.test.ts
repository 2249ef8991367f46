// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LauncherSettings, LauncherSummary } from '../protocol/launcher-protocol';
import type { DetectedContact } from '../sites/types';
import { createInpageUi, HOST_TAG, type InpageBackend, type InpageUi } from './inpage-ui';
import { createSidebarFrame, FRAME_STYLE } from './sidebar-frame';

const SIDEBAR_URL = 'chrome-extension://abc/sidebar.html';
const dana: DetectedContact = {
  email: 'dana@acme.example',
  name: 'Dana Whitfield',
  role: 'sender',
  site: 'gmail',
  confidence: 1,
};
const marcus: DetectedContact = { ...dana, email: 'marcus@globex.example', name: undefined };

function backend(overrides: Partial<InpageBackend> = {}): InpageBackend {
  const settings: LauncherSettings = { mode: 'inpage', autoOpen: false, position: 'bottom-left' };
  return {
    settings: vi.fn(async () => settings),
    summary: vi.fn(async (): Promise<LauncherSummary | null> => null),
    openSidePanel: vi.fn(async () => true),
    // The part the background would inject: here the module itself.
    loadFrame: vi.fn(async () => ({ createSidebarFrame, FRAME_STYLE })),
    ...overrides,
  };
}

const root = () => document.querySelector(HOST_TAG)?.shadowRoot;
const button = () => root()?.querySelector<HTMLButtonElement>('.launcher');
const panel = () => root()?.querySelector<HTMLElement>('.panel');
/** Closed, or never loaded (the frame's code loads on the first open). */
const closed = () => panel()?.hidden ?? true;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

let ui: InpageUi | undefined;
beforeEach(() => {
  document.body.innerHTML = '<input id="compose">';
});
afterEach(() => {
  ui?.destroy();
  ui = undefined;
});

describe('the in-page launcher', () => {
  it('draws nothing until a contact is detected', async () => {
    ui = createInpageUi(document, SIDEBAR_URL, backend());
    ui.contactsChanged([]);
    await flush();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('shows the page’s initials at once, then the background’s summary as text only', async () => {
    let answer: (summary: LauncherSummary) => void = () => {};
    const b = backend({ summary: () => new Promise((resolve) => (answer = resolve)) });
    ui = createInpageUi(document, SIDEBAR_URL, b);
    ui.contactsChanged([dana]);
    expect(button()?.hidden).toBe(false);
    expect(button()?.textContent).toBe('DW');
    expect(button()?.getAttribute('aria-label')).toBe(
      'Open the Touchpoint sidebar for Dana Whitfield',
    );
    answer({
      email: dana.email,
      initials: 'DW',
      name: '<img src=x onerror=alert(1)>',
      signal: '<b>3</b> highlights',
    });
    await flush();
    expect(button()?.querySelector('.signal')?.textContent).toBe('<b>3</b> highlights');
    expect(root()?.querySelector('img, b')).toBeNull();
    expect(button()?.getAttribute('aria-label')).toBe(
      'Open the Touchpoint sidebar for <img src=x onerror=alert(1)> (<b>3</b> highlights)',
    );
    expect(button()?.style.cssText).toMatch(/bottom: 20px; left: 20px/);
  });

  it('drops a summary that arrives after the page moved on to someone else', async () => {
    const answers: ((summary: LauncherSummary) => void)[] = [];
    ui = createInpageUi(
      document,
      SIDEBAR_URL,
      backend({ summary: () => new Promise((resolve) => answers.push(resolve)) }),
    );
    ui.contactsChanged([dana]);
    ui.contactsChanged([marcus]);
    answers[0]?.({ email: dana.email, initials: 'DW', name: 'Dana', signal: '9 highlights' });
    await flush();
    expect(button()?.textContent).toBe('M');
    ui.contactsChanged([]);
    expect(button()?.hidden).toBe(true);
  });

  it('sums up the draft check, and drops it when the compose closes', async () => {
    ui = createInpageUi(document, SIDEBAR_URL, backend());
    ui.contactsChanged([dana]);
    await flush();
    const draft = () => root()?.querySelector<HTMLElement>('.draft');
    expect(draft()?.hidden).toBe(true);
    ui.draftChecked({ problems: 2, covered: 1 });
    expect(draft()?.hidden).toBe(false);
    expect(draft()?.textContent).toBe('2 to fix');
    expect(button()?.getAttribute('aria-label')).toContain('your draft: 2 to fix');
    ui.draftChecked({ problems: 0, covered: 3 });
    expect(draft()?.textContent).toBe('On message');
    ui.draftChecked(null);
    expect(draft()?.hidden).toBe(true);
    expect(button()?.getAttribute('aria-label')).not.toContain('your draft');
  });

  it('never takes the focus by itself', async () => {
    const compose = document.getElementById('compose') as HTMLInputElement;
    compose.focus();
    ui = createInpageUi(document, SIDEBAR_URL, backend());
    ui.contactsChanged([dana]);
    await flush();
    expect(document.activeElement).toBe(compose);
  });
});

describe('the in-page sidebar frame', () => {
  it('opens on click with the sidebar page, closes with its button and with Escape', async () => {
    ui = createInpageUi(document, SIDEBAR_URL, backend());
    ui.contactsChanged([dana]);
    await flush();
    expect(root()?.querySelector('iframe')).toBeNull(); // not loaded before it is opened
    expect(panel()).toBeNull(); // nor is the frame's code
    button()?.click();
    await flush();
    expect(panel()?.hidden).toBe(false);
    expect(root()?.querySelector('iframe')?.getAttribute('src')).toBe(SIDEBAR_URL);
    expect(button()?.getAttribute('aria-expanded')).toBe('true');
    expect(document.querySelector(HOST_TAG)?.hasAttribute('data-open')).toBe(true);

    root()?.querySelector<HTMLButtonElement>('.close')?.click();
    expect(panel()?.hidden).toBe(true);
    expect(button()?.getAttribute('aria-expanded')).toBe('false');

    ui.toggle();
    await flush();
    expect(panel()?.hidden).toBe(false);
    root()
      ?.querySelector('.resize')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(panel()?.hidden).toBe(true);
  });

  it('resizes by keyboard within its bounds', async () => {
    ui = createInpageUi(document, SIDEBAR_URL, backend());
    ui.contactsChanged([dana]);
    ui.toggle(true);
    await flush();
    const handle = root()?.querySelector<HTMLElement>('.resize');
    const host = document.querySelector<HTMLElement>(HOST_TAG);
    expect(host?.style.getPropertyValue('--tp-panel-width')).toBe('380px');
    handle?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    expect(host?.style.getPropertyValue('--tp-panel-width')).toBe('400px');
    for (let i = 0; i < 20; i++) {
      handle?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    }
    expect(host?.style.getPropertyValue('--tp-panel-width')).toBe('280px');
    expect(handle?.getAttribute('aria-valuenow')).toBe('280');
  });

  it('auto-opens once per page, without focus, and not again after it was closed', async () => {
    const compose = document.getElementById('compose') as HTMLInputElement;
    compose.focus();
    const b = backend({
      settings: async () => ({ mode: 'inpage', autoOpen: true, position: 'bottom-right' }),
    });
    ui = createInpageUi(document, SIDEBAR_URL, b);
    ui.contactsChanged([dana]);
    await flush();
    expect(panel()?.hidden).toBe(false);
    expect(document.activeElement).toBe(compose);
    ui.toggle(false);
    ui.contactsChanged([marcus]);
    await flush();
    expect(closed()).toBe(true);
  });

  it('on a custom domain opens the side panel, and says so on the launcher when it cannot', async () => {
    const openSidePanel = vi.fn(async () => false);
    ui = createInpageUi(document, SIDEBAR_URL, backend({ openSidePanel }));
    ui.setFrameAllowed(false);
    ui.contactsChanged([dana]);
    await flush();
    button()?.click();
    await flush();
    expect(openSidePanel).toHaveBeenCalledTimes(1);
    expect(closed()).toBe(true);
    expect(root()?.querySelector('.signal')?.textContent).toBe('Open Touchpoint from the toolbar');
  });

  it('says on the launcher when the frame cannot load', async () => {
    const b = backend({ loadFrame: vi.fn(async () => Promise.reject(new Error('blocked'))) });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    ui = createInpageUi(document, SIDEBAR_URL, b);
    ui.contactsChanged([dana]);
    await flush();
    button()?.click();
    await flush();
    expect(root()?.querySelector('.signal')?.textContent).toBe('Could not open: reload the page');
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('in side-panel mode asks the background, and opens the frame only when that failed', async () => {
    const openSidePanel = vi.fn(async () => true);
    const b = backend({
      settings: async () => ({ mode: 'sidepanel', autoOpen: true, position: 'bottom-right' }),
      openSidePanel,
    });
    ui = createInpageUi(document, SIDEBAR_URL, b);
    ui.contactsChanged([dana]);
    await flush();
    expect(closed()).toBe(true); // autoOpen is for the in-page frame only
    button()?.click();
    await flush();
    expect(openSidePanel).toHaveBeenCalledTimes(1);
    expect(closed()).toBe(true);
    openSidePanel.mockResolvedValueOnce(false);
    button()?.click();
    await flush();
    expect(panel()?.hidden).toBe(false);
  });
});
