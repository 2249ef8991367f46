/**
 * The background's side of the in-page launcher, the in-page sidebar frame and the keyboard
 * shortcut.
 *
 * The side panel must be opened inside a user gesture: Chrome carries the gesture of a
 * content-script click into the `runtime.onMessage` listener and of a key press into
 * `commands.onCommand`, but only until the listener's first await (chrome-extensions-samples
 * #1477). So both paths call `sidePanel.open()` synchronously, from a display mode kept in
 * memory; only a worker woken by the event itself has to read the settings first (and may
 * lose the gesture: then the in-page frame opens instead). Firefox never counts a message as
 * a user action, so there only the shortcut opens its sidebar.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { ContactContext } from '../backend-client/context-merge';
import { initialsOf } from '../sites/initials';
import type { LauncherSettings, LauncherSummary } from '../protocol/launcher-protocol';
import { backgroundToContent } from '../protocol/background-to-content';
import { RefusedError } from '../protocol/refused';
import type { DisplaySettings } from '../settings/schema';
import { loadEffectiveSettings, watchSettingsView } from '../settings/settings-store';
import { getContactContext } from './context-handlers';
import { serialUpdates } from '../settings/serial-update';
import { onContentMessage, onPageMessage } from './door';
import { getTabContacts } from './tab-contacts';
import { effectiveSettings } from './effective-settings';

/**
 * Tokens of the in-page frames each tab's content script created (session storage: they
 * outlive a worker restart, and a frame reloads with the same URL). The last few per tab.
 */
const frameTokens = storage.defineItem<Record<string, string[]>>('session:frameTokens', {
  fallback: {},
});
const tokenWrites = serialUpdates(frameTokens);

function rememberFrameToken(tabId: number, token: string): Promise<void> {
  return tokenWrites.update((all) => ({
    ...all,
    [tabId]: [...(all[tabId] ?? []), token].slice(-5),
  }));
}

function forgetFrameTokens(tabId: number): Promise<void> {
  return tokenWrites.update((all) => {
    const { [tabId]: _forgotten, ...others } = all;
    return others;
  });
}

/** Whether `token` was announced for `tabId`; waits up to 1 s for an announcement on its way. */
export async function frameTokenKnown(tabId: number, token: unknown): Promise<boolean> {
  if (typeof token !== 'string' || token === '') return false;
  for (let waited = 0; waited <= 1000; waited += 50) {
    await tokenWrites.idle();
    if ((await frameTokens.getValue())[tabId]?.includes(token)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/** The command's name in the manifest (wxt.config.ts `commands`). */
const TOGGLE_SIDEBAR_COMMAND = 'toggle-sidebar';

/** The display settings, kept in memory so a gesture's handler needs no await. */
let display: DisplaySettings | undefined;

export function registerLauncherHandlers(): void {
  void loadEffectiveSettings()
    .then((settings) => (display = settings.display))
    .catch((error: unknown) => console.warn('Touchpoint: could not read the settings', error));
  watchSettingsView((view) => (display = view.values.display));

  onContentMessage('getLauncherSettings', () => launcherSettings());
  // The sender's own tab only: a content script never learns what another tab shows.
  onContentMessage('getLauncherSummary', (_data, { tabId }) => launcherSummary(tabId));
  // Synchronous up to sidePanel.open(): see the note at the top.
  onContentMessage('openSidePanel', (_data, { tabId }) => openBrowserSidebar(tabId, false));
  onContentMessage('expectFrame', async (data, { tabId }) => {
    if (typeof data.token !== 'string' || !/^[0-9a-f-]{36}$/.test(data.token)) return;
    await rememberFrameToken(tabId, data.token);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetFrameTokens(tabId));
  onPageMessage('closeInpageSidebar', async (_data, { tabId }) => {
    if (tabId === undefined) {
      throw new RefusedError('not_our_frame', 'Only the in-page sidebar can close itself.');
    }
    await backgroundToContent.sendMessage(
      'toggleInpageSidebar',
      { open: false },
      { tabId, frameId: 0 },
    );
  });

  // Absent when the manifest declares no commands (and in unit tests' fake browser).
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_SIDEBAR_COMMAND) return;
    void toggleSidebar(tab?.id).catch((error: unknown) =>
      console.warn('Touchpoint: the sidebar shortcut failed', error),
    );
  });
}

async function launcherSettings(): Promise<LauncherSettings> {
  const current = display ?? (display = (await effectiveSettings()).display);
  return { mode: current.mode, autoOpen: current.autoOpen, position: current.launcherPosition };
}

/**
 * The launcher summary of a tab's primary contact: initials and name from the page at once;
 * with a lookup (cache first, so the sidebar opens warm) the backend's name and a signal.
 * With privacy.lookupOnlyWhenOpened nothing is looked up until the sidebar asks.
 */
async function launcherSummary(tabId: number): Promise<LauncherSummary | null> {
  const primary = (await getTabContacts(tabId))?.contacts[0];
  if (!primary) return null;
  const fromPage: LauncherSummary = {
    email: primary.email,
    initials: initialsOf(primary.name, primary.email),
    ...(primary.name ? { name: primary.name } : {}),
  };
  const { privacy } = await effectiveSettings();
  if (privacy.lookupOnlyWhenOpened) return fromPage;
  const context = (await getContactContext({ emails: [primary.email], site: primary.site }))[
    primary.email
  ];
  return context ? withContext(fromPage, context) : fromPage;
}

/** The summary with what the backend said: its name for the contact and one short signal. */
export function withContext(summary: LauncherSummary, context: ContactContext): LauncherSummary {
  const name = context.state === 'ok' ? (context.contact?.name ?? summary.name) : summary.name;
  const signal = launcherSignal(context);
  return {
    email: summary.email,
    initials: initialsOf(name, summary.email),
    ...(name ? { name } : {}),
    ...(signal ? { signal } : {}),
  };
}

/**
 * A few words on what matters: the number of highlights ("interesting moments"), else the
 * first score, else the number of touches; "No match" when no backend knows the contact.
 * Failures say nothing here: the sidebar explains them.
 */
export function launcherSignal(context: ContactContext): string | undefined {
  if (context.state === 'not_found') return 'No match';
  if (context.state !== 'ok') return undefined;
  const highlights = context.highlights.length;
  if (highlights > 0) return `${highlights} highlight${highlights === 1 ? '' : 's'}`;
  const score = context.scores[0];
  if (score) return `${score.label ?? score.name} ${score.value}`;
  const touches = context.engagements.length;
  if (touches > 0) return `${touches} touch${touches === 1 ? '' : 'es'}`;
  return undefined;
}

/** The shortcut: the browser's sidebar in side-panel mode, else the tab's in-page frame. */
function toggleSidebar(tabId: number | undefined): Promise<void> {
  if (tabId === undefined || tabId < 0) return Promise.resolve();
  // Warm worker: decided synchronously, inside the gesture.
  if (display) return toggleIn(display.mode, tabId);
  return launcherSettings().then(({ mode }) => toggleIn(mode, tabId));
}

async function toggleIn(mode: DisplaySettings['mode'], tabId: number): Promise<void> {
  if (mode === 'sidepanel' && (await openBrowserSidebar(tabId, true))) return;
  await backgroundToContent.sendMessage('toggleInpageSidebar', {}, { tabId, frameId: 0 });
}

interface SidebarApis {
  sidePanel?: { open(options: { tabId: number }): Promise<void> };
  /** Firefox. */
  sidebarAction?: { open(): Promise<void>; toggle(): Promise<void> };
}

/**
 * Opens the browser's own sidebar on the tab (toggles it in Firefox when `toggle`); false
 * when this browser has none or refused (no user gesture). Calls the API synchronously.
 */
function openBrowserSidebar(tabId: number, toggle: boolean): Promise<boolean> {
  const apis = browser as unknown as SidebarApis;
  const opened = apis.sidePanel
    ? apis.sidePanel.open({ tabId })
    : apis.sidebarAction
      ? toggle
        ? apis.sidebarAction.toggle()
        : apis.sidebarAction.open()
      : undefined;
  if (!opened) return Promise.resolve(false);
  return opened.then(
    () => true,
    (error: unknown) => {
      console.warn('Touchpoint: the browser did not open its side panel', error);
      return false;
    },
  );
}
