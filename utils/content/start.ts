import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onMessage, sendMessage, type DetectionSettings } from '../messaging/protocol';
import { detectWith } from '../sites/detect';
import type { SiteAdapter } from '../sites/types';
import { watchContacts } from './watcher';

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

  let stop = () => {};
  const start = (settings: DetectionSettings) => {
    stop();
    const enabled = adapters.map((a) => a.id).filter((id) => !settings.disabledSites.includes(id));
    stop = watchContacts({
      window: win,
      root: document.body ?? document.documentElement,
      detect: () =>
        detectWith(adapters, document, win.location.href, {
          ownEmails: settings.ownEmails,
          internalDomains: settings.internalDomains,
          sites: enabled,
        }),
      report: (url, contacts) => {
        // Fails only when the extension was reloaded and this script is orphaned.
        sendMessage('contactsDetected', { url, contacts }).catch(() => stop());
      },
    });
  };

  // A pushed change wins over the first answer, whichever arrives last.
  let pushed = false;
  const removeListener = onMessage('detectionSettingsChanged', ({ data }) => {
    pushed = true;
    start(data);
  });
  ctx.onInvalidated(() => {
    stop();
    removeListener();
  });
  try {
    const initial = await sendMessage('getDetectionSettings', undefined);
    if (!pushed) start(initial);
  } catch {
    // No background to answer: the extension was reloaded or removed. Detecting without
    // the user's own and internal addresses could report them, so do nothing.
    removeListener();
  }
}
