/**
 * Where the context client caches lookups in the extension: one storage entry per backend
 * and contact, under `contextCache:`. Session storage by default (survives the service
 * worker being stopped, not the browser; only extension contexts can read it); local
 * storage when the admin turns on privacy.persistCache.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { CacheStore } from '../api/context-client';

const PREFIX = 'contextCache:';

export type CacheArea = 'session' | 'local';

export function createStorageCacheStore(area: CacheArea): CacheStore {
  const key = (name: string) => `${area}:${PREFIX}${name}` as const;
  return {
    get: (name) => storage.getItem(key(name)),
    set: (name, value) => storage.setItem(key(name), value),
    delete: (name) => storage.removeItem(key(name)),
    async clear() {
      const all = await browser.storage[area].get(null);
      const keys = Object.keys(all).filter((k) => k.startsWith(PREFIX));
      if (keys.length > 0) await browser.storage[area].remove(keys);
    },
  };
}

/** The store the privacy settings choose. */
export function contextCacheFor(persistCache: boolean): CacheStore {
  return createStorageCacheStore(persistCache ? 'local' : 'session');
}
