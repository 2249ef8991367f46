/**
 * Content-script parts loaded on demand. What every Gmail or CRM page needs (detection and
 * the launcher) is in the site's content script (budget 12 KB gzip); what only some pages
 * need — the in-page sidebar frame on its first open, the draft watcher once a compose is
 * open — is a separate script (`entrypoints/part-*.ts`) that the content script imports
 * (`import(runtime.getURL(…))`; web-accessible to the supported sites only). It runs in the
 * content script's isolated world and hands its exports over through a global of that world,
 * which the page's own scripts cannot see. (`scripting.executeScript` would need host
 * permissions on every supported site, which content scripts do not need.)
 */
import type { createSidebarFrame } from './sidebar-frame';
import type { watchDrafts } from './draft-watcher';

export interface ContentParts {
  'part-frame': { createSidebarFrame: typeof createSidebarFrame; FRAME_STYLE: string };
  'part-drafts': { watchDrafts: typeof watchDrafts };
}
export type ContentPartName = keyof ContentParts;

const REGISTRY = Symbol.for('touchpoint.contentParts');

type Registry = Partial<ContentParts>;

function registry(): Registry {
  const holder = globalThis as unknown as { [REGISTRY]?: Registry };
  return (holder[REGISTRY] ??= {});
}

/** Called by a part's script when it runs. */
export function registerPart<N extends ContentPartName>(name: N, exports: ContentParts[N]): void {
  registry()[name] = exports;
}

const loading = new Map<ContentPartName, Promise<unknown>>();

/**
 * The part's exports, injecting its script first if needed (`inject` asks the background).
 * Concurrent callers share one injection; a failed one is tried again on the next call.
 */
export function loadPart<N extends ContentPartName>(
  name: N,
  inject: (name: N) => Promise<unknown>,
): Promise<ContentParts[N]> {
  const ready = registry()[name];
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(name) as Promise<ContentParts[N]> | undefined;
  if (!pending) {
    pending = inject(name).then(() => {
      const loaded = registry()[name];
      if (!loaded) throw new Error(`Touchpoint: the ${name} script did not register itself.`);
      return loaded;
    });
    loading.set(name, pending);
    pending.catch(() => loading.delete(name));
  }
  return pending;
}
