import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { backgroundToContent } from '../protocol/background-to-content';
import { contentToBackground } from '../protocol/content-to-background';
import type { DetectionSettings } from '../protocol/protocol';
import { detectPage } from '../sites/detect';
import type { DetectedContact, SiteAdapter } from '../sites/types';
import { createInpageUi } from './inpage-ui';
import { loadPart, type ContentPartName } from './parts';
import { watchContacts } from './watcher';

/**
 * Loads a part into this content script's world: a dynamic import of the extension's file
 * (web-accessible to the supported sites only) runs in the isolated world, like the script.
 */
const injectPart = (part: ContentPartName) =>
  import(/* @vite-ignore */ browser.runtime.getURL(`/${part}.js`));

/**
 * Entry of a content script: detect the page's contacts with the given adapters, tell the
 * background when they change, and follow the detection settings without a reload. Each
 * site has its own content script carrying only its adapter (see `entrypoints/*.content.ts`),
 * which keeps what loads on every Gmail or CRM page small.
 */
export async function startContentScript(
  ctx: ContentScriptContext,
  win: Window,
  adapters: readonly SiteAdapter[],
): Promise<void> {
  const document = win.document;
  document.documentElement.dataset.touchpoint = 'active';
  // The launcher and the in-page sidebar: drawn once a contact is detected.
  const ui = createInpageUi(document, browser.runtime.getURL('/sidebar.html'), {
    settings: () => contentToBackground.sendMessage('getLauncherSettings', undefined),
    summary: () => contentToBackground.sendMessage('getLauncherSummary', undefined),
    openSidePanel: () => contentToBackground.sendMessage('openSidePanel', undefined),
    loadFrame: () => loadPart('part-frame', injectPart),
  });
  // The draft check: once a compose is open, its text goes to the background.
  let stopDrafts: (() => void) | undefined;
  const watchComposeDrafts = (contacts: readonly DetectedContact[]) => {
    if (stopDrafts || !contacts.some((contact) => contact.role === 'compose')) return;
    stopDrafts = () => {};
    loadPart('part-drafts', injectPart).then(
      ({ watchDrafts }) => {
        // The extension went away while the part loaded: attach nothing nobody would remove.
        if (ctx.isInvalid) return;
        stopDrafts = watchDrafts({
          window: win,
          report: (text) =>
            contentToBackground.sendMessage('draftChanged', { text }).then((summary) => {
              // null for a text a newer one replaced: that one's answer updates the launcher.
              if (summary || text === '') ui.draftChecked(summary);
            }),
        });
      },
      (error: unknown) => {
        stopDrafts = undefined;
        console.warn('Touchpoint: could not start the draft check', error);
      },
    );
  };

  let stop = () => {};
  const start = (settings: DetectionSettings) => {
    stop();
    const enabled = adapters.map((a) => a.id).filter((id) => !settings.disabledSites.includes(id));
    const readers = forCustomDomain(adapters, settings, win.location.origin);
    // The sidebar page is web-accessible to the supported sites' own hosts only.
    ui.setFrameAllowed(readers === adapters);
    let ownEmails: string[] = [];
    stop = watchContacts({
      window: win,
      root: document.body ?? document.documentElement,
      detect: () => {
        const page = detectPage(readers, document, win.location.href, {
          ownEmails: settings.ownEmails,
          internalDomains: settings.internalDomains,
          sites: enabled,
        });
        ownEmails = page.ownEmails;
        return page.contacts;
      },
      report: (url, contacts) =>
        contentToBackground.sendMessage('contactsDetected', { url, contacts, ownEmails }).then(
          // The background holds them now: the launcher's summary is of these.
          () => {
            ui.contactsChanged(contacts);
            watchComposeDrafts(contacts);
          },
          (error: unknown) => {
            // Orphaned (the extension was reloaded or removed): nobody will ever listen
            // again. Any other failure (the background's storage, a restarting worker) is
            // passing: rethrown, so the watcher reports again on the next run.
            if (isExtensionContextGone(ctx, error)) {
              stop();
              ui.destroy();
            } else throw error;
          },
        ),
    });
  };

  // A pushed change wins over the first answer, whichever arrives last.
  let pushed = false;
  const removeListener = backgroundToContent.onMessage('detectionSettingsChanged', ({ data }) => {
    pushed = true;
    start(data);
  });
  // The shortcut (through the background) and the frame's Escape.
  const removeToggle = backgroundToContent.onMessage('toggleInpageSidebar', ({ data }) =>
    ui.toggle(data.open),
  );
  ctx.onInvalidated(() => {
    stop();
    removeListener();
    removeToggle();
    stopDrafts?.();
    ui.destroy();
  });
  try {
    const initial = await contentToBackground.sendMessage('getDetectionSettings', undefined);
    if (!pushed) start(initial);
  } catch {
    // No background to answer: the extension was reloaded or removed. Detecting without
    // the user's own and internal addresses could report them, so do nothing.
    removeListener();
  }
}

/**
 * On a custom domain (an origin the admin added with this script's adapter, registered at
 * run time) the adapter reads the page whatever the host: its own host check would refuse
 * a Salesforce or Outlook served from a company domain.
 */
function forCustomDomain(
  adapters: readonly SiteAdapter[],
  settings: DetectionSettings,
  origin: string,
): readonly SiteAdapter[] {
  const custom = settings.customDomains?.find((domain) => domain.origin === origin);
  if (!custom) return adapters;
  return adapters.map((adapter) =>
    adapter.id === custom.adapter ? { ...adapter, matches: () => true } : adapter,
  );
}

/** True when this content script is orphaned: the extension it belonged to is gone. */
export function isExtensionContextGone(
  ctx: Pick<ContentScriptContext, 'isInvalid'>,
  error: unknown,
) {
  const message = error instanceof Error ? error.message : String(error);
  return ctx.isInvalid || /Extension context invalidated/i.test(message);
}
