/**
 * Where the context client caches lookups in the extension: one storage entry per backend
 * and contact, under `contextCache:`. Session storage by default (survives the service
 * worker being stopped, not the browser; only extension contexts can read it); local
 * storage when the admin turns on privacy.persistCache.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { CacheStore } from '../backend-client/context-client';

const PREFIX = 'contextCache:';

export type CacheArea = 'session' | 'local';

/** Entries also kept in the worker's memory (most recently used), per area. */
const MEMORY_ENTRIES = 100;
const memories: Record<CacheArea, Map<string, unknown>> = { session: new Map(), local: new Map() };

/** Whoever else changes the stored cache (a test, the browser clearing it) wins over memory. */
function onStorageChanged(changes: Record<string, { newValue?: unknown }>, area: string) {
  if (area !== 'session' && area !== 'local') return;
  for (const [name, change] of Object.entries(changes)) {
    if (!name.startsWith(PREFIX)) continue;
    const entry = name.slice(PREFIX.length);
    if (change.newValue === undefined) memories[area].delete(entry);
    else memories[area].set(entry, change.newValue);
  }
}
function followStorage() {
  if (browser.storage.onChanged.hasListener(onStorageChanged)) return;
  browser.storage.onChanged.addListener(onStorageChanged);
  // Listeners were removed (or never added): what memory holds may be out of date.
  memories.session.clear();
  memories.local.clear();
}

/**
 * Only the background writes the cache, so its memory copy stays true; storage is what
 * survives the worker being stopped. A warm read then costs no storage round trip.
 */
export function createStorageCacheStore(area: CacheArea): CacheStore {
  const key = (name: string) => `${area}:${PREFIX}${name}` as const;
  const memory = memories[area];
  followStorage();
  const remember = (name: string, value: unknown) => {
    memory.delete(name);
    memory.set(name, value);
    if (memory.size > MEMORY_ENTRIES) memory.delete(memory.keys().next().value as string);
  };
  return {
    async get(name) {
      if (memory.has(name)) {
        const value = memory.get(name);
        remember(name, value);
        return value;
      }
      const value = await storage.getItem(key(name));
      if (value !== null) remember(name, value);
      return value;
    },
    async set(name, value) {
      memory.delete(name);
      await storage.setItem(key(name), value);
      remember(name, value);
    },
    async delete(name) {
      memory.delete(name);
      await storage.removeItem(key(name));
    },
    async clear() {
      memory.clear();
      const all = await browser.storage[area].get(null);
      const keys = Object.keys(all).filter((k) => k.startsWith(PREFIX));
      if (keys.length > 0) await browser.storage[area].remove(keys);
    },
  };
}
