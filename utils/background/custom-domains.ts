/**
 * Custom domains (settings: sites.customDomains): an origin an admin adds, read by the
 * adapter they pick. The background keeps one registered content script per domain whose
 * permission is granted, in sync with the effective settings, and gives the permission back
 * when a domain is removed. The options page asks for the permission (it needs a user
 * gesture) with `originPermission` (utils/settings/permissions.ts) before it saves.
 */
import { browser } from 'wxt/browser';
import { matchOrigin, originPermission } from '../settings/permissions';
import type { CustomDomain } from '../settings/schema';
import { loadEffectiveSettings, watchSettingsView } from '../settings/settings-store';
import { serial } from '../settings/serial-update';

const CUSTOM_SCRIPT_PREFIX = 'custom:';

/** What is registered for one custom domain. */
function customDomainScript(domain: CustomDomain) {
  return {
    id: `${CUSTOM_SCRIPT_PREFIX}${domain.origin}`,
    js: [`content-scripts/${domain.adapter}.js`],
    matches: originPermission(domain.origin).origins,
    runAt: 'document_idle' as const,
  };
}

type RegisteredScript = { id: string; js?: string[]; matches?: string[] };

/** The extension APIs used here; tests pass fakes (the fake browser has no `scripting`). */
export interface CustomDomainApi {
  getRegistered(): Promise<RegisteredScript[]>;
  register(scripts: ReturnType<typeof customDomainScript>[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
  hasPermission(permission: { origins: string[] }): Promise<boolean>;
  removePermission(permission: { origins: string[] }): Promise<boolean>;
}

const browserApi: CustomDomainApi = {
  getRegistered: () => browser.scripting.getRegisteredContentScripts(),
  register: (scripts) => browser.scripting.registerContentScripts(scripts),
  unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
  hasPermission: (permission) => browser.permissions.contains(permission),
  removePermission: (permission) => browser.permissions.remove(permission),
};

export interface SyncOptions {
  /** Custom domains of the last sync: the ones gone since give their permission back. */
  previous?: readonly CustomDomain[];
  /** Origins that must keep their permission anyway (backends on the same host). */
  keepOrigins?: readonly string[];
  api?: CustomDomainApi;
}

/**
 * Makes the registered `custom:` scripts match `domains`: registers the ones whose origin is
 * granted, unregisters the rest (and changed ones, re-registered), and removes the permission
 * of each domain no longer listed — unless a backend or another domain still needs it.
 */
export async function syncCustomDomains(
  domains: readonly CustomDomain[],
  options: SyncOptions = {},
): Promise<void> {
  const api = options.api ?? browserApi;
  const registered = (await api.getRegistered()).filter((s) =>
    s.id.startsWith(CUSTOM_SCRIPT_PREFIX),
  );
  const granted = await Promise.all(
    domains.map((domain) => api.hasPermission(originPermission(domain.origin))),
  );
  const wanted = domains.filter((_, index) => granted[index]).map(customDomainScript);
  const same = (a: RegisteredScript, b: RegisteredScript) =>
    a.id === b.id &&
    JSON.stringify(a.js) === JSON.stringify(b.js) &&
    JSON.stringify(a.matches) === JSON.stringify(b.matches);

  const stale = registered.filter((script) => !wanted.some((w) => same(w, script)));
  if (stale.length > 0) await api.unregister(stale.map((s) => s.id));
  const missing = wanted.filter((w) => !registered.some((script) => same(w, script)));
  if (missing.length > 0) await api.register(missing);

  const current = new Set(domains.map((d) => matchOrigin(d.origin)));
  const keep = new Set((options.keepOrigins ?? []).map(matchOrigin));
  const gone = new Set([
    ...registered.map((s) => s.id.slice(CUSTOM_SCRIPT_PREFIX.length)),
    ...(options.previous ?? []).map((d) => d.origin),
  ]);
  for (const origin of gone) {
    const host = matchOrigin(origin);
    if (current.has(host) || keep.has(host)) continue;
    // A permission already gone (revoked by the user) is fine.
    await api.removePermission(originPermission(origin)).catch(() => false);
  }
}

/**
 * Syncs on startup, on every change of the effective settings (policy included) and when a
 * permission is granted or revoked (the options page asks before it saves; a user may revoke
 * in the browser's extension settings). Returns the function that stops it.
 */
export function syncCustomDomainsOnChanges(api: CustomDomainApi = browserApi): () => void {
  let previous: CustomDomain[] | undefined;
  const syncs = serial();
  const sync = () => {
    syncs
      .run(async () => {
        const { sites, backends } = await loadEffectiveSettings();
        const keepOrigins = backends.backends.flatMap((b) => {
          try {
            return [new URL(b.baseUrl).origin];
          } catch {
            return [];
          }
        });
        await syncCustomDomains(sites.customDomains, { previous, keepOrigins, api });
        previous = sites.customDomains;
      })
      .catch((error: unknown) =>
        console.warn('Touchpoint: could not register the custom domains’ content scripts', error),
      );
  };
  sync();
  const unwatch = watchSettingsView(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  return () => {
    unwatch();
    browser.permissions.onAdded.removeListener(sync);
    browser.permissions.onRemoved.removeListener(sync);
  };
}
