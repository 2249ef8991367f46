/**
 * What Touchpoint draws in the page: the launcher for the primary contact and the
 * in-page sidebar frame, in one shadow root that the page's CSS cannot reach. Nothing is
 * added to the page until a contact is detected.
 */
import type { DraftSummary } from '../protocol/draft-protocol';
import type { LauncherSettings, LauncherSummary } from '../protocol/launcher-protocol';
import type { DetectedContact } from '../sites/types';
import { initialsOf } from '../sites/initials';
import { createLauncher, LAUNCHER_STYLE, type Launcher } from './launcher';
import type { ContentParts } from './parts';
import type { SidebarFrame } from './sidebar-frame';

/**
 * Closed: the page's own scripts cannot read what the launcher shows (a name, a signal, the
 * draft's summary) nor reach the sidebar's frame. Only the browser tests' build opens it
 * (WXT_TOUCHPOINT_TEST_HOOKS, set by test/e2e/global-setup.ts), since Playwright cannot see
 * into a closed root.
 */
const SHADOW_MODE: ShadowRootMode =
  import.meta.env.WXT_TOUCHPOINT_TEST_HOOKS === 'true' ? 'open' : 'closed';

/** The host element's tag: a custom name no page styles. */
export const HOST_TAG = 'touchpoint-ui';

/** What the in-page UI asks of the background (the typed messages, injected for tests). */
export interface InpageBackend {
  settings(): Promise<LauncherSettings>;
  summary(): Promise<LauncherSummary | null>;
  /** Opens the browser's side panel; false when it could not. Called inside the click. */
  openSidePanel(): Promise<boolean>;
  /** The frame's code: a part the background injects on the first open (parts.ts). */
  loadFrame(): Promise<ContentParts['part-frame']>;
}

export interface InpageUi {
  /** The page's contacts as the background now holds them (call after a delivered report). */
  contactsChanged(contacts: readonly DetectedContact[]): void;
  /** Opens, closes or (no `open`) toggles the in-page sidebar (shortcut, frame's Escape). */
  toggle(open?: boolean): void;
  /**
   * Whether the in-page frame can load here: not on a custom domain (an admin's own host),
   * where the sidebar page is not web-accessible; the launcher then opens the side panel.
   */
  setFrameAllowed(allowed: boolean): void;
  /** The open compose's draft check (null: none open), summarised on the launcher. */
  draftChecked(summary: DraftSummary | null): void;
  destroy(): void;
}

export function createInpageUi(
  document: Document,
  sidebarUrl: string,
  backend: InpageBackend,
): InpageUi {
  let host: HTMLElement | undefined;
  let launcher: Launcher | undefined;
  let frame: SidebarFrame | undefined;
  let primary: DetectedContact | undefined;
  let contactsKey = '';
  let autoOpened = false;
  let frameAllowed = true;
  let shown: LauncherSummary | null = null;
  const show = (summary: LauncherSummary | null) => {
    shown = summary;
    launcher?.show(summary);
  };
  /** Says on the launcher itself what went wrong (the rep clicked it and nothing opened). */
  const showProblem = (signal: string) => {
    if (shown) launcher?.show({ ...shown, signal });
  };
  let settings: LauncherSettings = { mode: 'inpage', autoOpen: false, position: 'bottom-right' };
  // Asked for once a contact is detected: a page without one costs no message.
  let settingsLoaded: Promise<void> | undefined;
  const loadSettings = () =>
    (settingsLoaded ??= backend.settings().then(
      (loaded) => {
        // An older background answers nothing: keep the defaults.
        if (!loaded) return;
        settings = loaded;
        launcher?.setPosition(loaded.position);
      },
      () => undefined,
    ));

  let root: ShadowRoot | undefined;
  const mount = () => {
    if (host && root && launcher) return { root, launcher };
    host = document.createElement(HOST_TAG);
    root = host.attachShadow({ mode: SHADOW_MODE });
    const style = document.createElement('style');
    style.textContent = `:host{all:initial}${LAUNCHER_STYLE}`;
    root.append(style);
    launcher = createLauncher(root, () => activate());
    launcher.setPosition(settings.position);
    document.documentElement.append(host);
    return { root, launcher };
  };

  // The frame's code loads on the first open only: pages where the rep never opens the
  // sidebar carry neither it nor the sidebar's React.
  let framePromise: Promise<SidebarFrame> | undefined;
  const loadFrame = (): Promise<SidebarFrame> => {
    framePromise ??= backend.loadFrame().then(({ createSidebarFrame, FRAME_STYLE }) => {
      const { root: shadow } = mount();
      const style = document.createElement('style');
      style.textContent = FRAME_STYLE;
      shadow.append(style);
      frame = createSidebarFrame(shadow, {
        src: sidebarUrl,
        onToggle: (open) => {
          if (open) host?.setAttribute('data-open', '');
          else host?.removeAttribute('data-open');
          launcher?.setExpanded(open);
          // The frame or its controls had the focus: give it back to the launcher.
          if (!open && host && document.activeElement === host) launcher?.focus();
        },
        onResize: (width) => host?.style.setProperty('--tp-panel-width', `${width}px`),
      });
      return frame;
    });
    framePromise.catch(() => (framePromise = undefined));
    return framePromise;
  };

  const open = (focus: boolean) => {
    if (!frameAllowed) {
      showProblem('Open Touchpoint from the toolbar');
      return;
    }
    loadFrame().then(
      (loaded) => host && loaded.open({ focus }),
      (error: unknown) => {
        showProblem('Could not open: reload the page');
        console.warn(
          'Touchpoint: could not open the in-page sidebar. Reload the page; if it persists, use the browser side panel (options page, Display).',
          error,
        );
      },
    );
  };

  const toggle = (wanted?: boolean) => {
    const isOpen = frame?.isOpen() ?? false;
    const next = wanted ?? !isOpen;
    if (next === isOpen) return;
    if (next) open(true);
    else frame?.close();
  };

  const activate = () => {
    if ((settings.mode !== 'sidepanel' && frameAllowed) || frame?.isOpen()) {
      toggle();
      return;
    }
    // Sent inside the click: the background opens the side panel with its gesture.
    backend.openSidePanel().then(
      (opened) => opened || open(true),
      () => open(true),
    );
  };

  return {
    contactsChanged(contacts) {
      const key = contacts.map((c) => `${c.email}|${c.role}`).join(',');
      if (key === contactsKey) return;
      contactsKey = key;
      // The sidebar page follows the tab's contacts itself (it watches them in storage).
      primary = contacts[0];
      if (!primary) {
        show(null);
        return;
      }
      const { email, name } = primary;
      mount();
      show({ email, initials: initialsOf(name, email), ...(name ? { name } : {}) });
      void loadSettings().then(() => {
        // Once per page: not again after the rep closed it.
        if (!settings.autoOpen || settings.mode !== 'inpage' || !frameAllowed || autoOpened) return;
        autoOpened = true;
        if (primary) open(false);
      });
      backend.summary().then(
        (summary) => {
          // A late answer for someone the page no longer shows is dropped.
          if (summary && summary.email === primary?.email) show(summary);
        },
        () => undefined,
      );
    },
    toggle,
    setFrameAllowed(allowed) {
      frameAllowed = allowed;
    },
    draftChecked(summary) {
      launcher?.setDraft(
        summary === null
          ? null
          : summary.problems > 0
            ? `${summary.problems} to fix`
            : 'On message',
      );
    },
    destroy() {
      host?.remove();
      host = root = launcher = frame = framePromise = undefined;
    },
  };
}
