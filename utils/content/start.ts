import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../messaging/protocol';
import {
  identitySettings,
  siteSettings,
  type IdentitySettings,
  type SiteSettings,
} from '../settings';
import { SITE_ADAPTERS, detectContacts } from '../sites';
import { watchContacts } from './watcher';

/**
 * Entry of the content script: detect the page's contacts, tell the background when they
 * change, and follow identity/site settings without a reload.
 */
export async function startContentScript(ctx: ContentScriptContext, win: Window): Promise<void> {
  const document = win.document;
  document.documentElement.dataset.touchpoint = 'active';

  let [identity, sites] = await Promise.all([identitySettings.getValue(), siteSettings.getValue()]);
  let stop = start(identity, sites);

  // A settings change restarts the watcher, which detects again at once with the new rules.
  const unwatchIdentity = identitySettings.watch((value) => {
    identity = value;
    stop();
    stop = start(identity, sites);
  });
  const unwatchSites = siteSettings.watch((value) => {
    sites = value;
    stop();
    stop = start(identity, sites);
  });
  ctx.onInvalidated(() => {
    stop();
    unwatchIdentity();
    unwatchSites();
  });

  function start(identity: IdentitySettings, sites: SiteSettings): () => void {
    const enabled = SITE_ADAPTERS.map((a) => a.id).filter((id) => !sites.disabled.includes(id));
    return watchContacts({
      window: win,
      root: document.body ?? document.documentElement,
      detect: () =>
        detectContacts(document, win.location.href, {
          ownEmails: identity.ownEmails,
          internalDomains: identity.internalDomains,
          sites: enabled,
        }),
      report: (url, contacts) => {
        // Fails only when the extension was reloaded and this script is orphaned.
        sendMessage('contactsDetected', { url, contacts }).catch(() => stop());
      },
    });
  }
}
