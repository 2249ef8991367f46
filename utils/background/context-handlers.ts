/**
 * The background's side of the context client: answers `getContactContext` and
 * `loadMoreEngagements` for extension pages, from the EFFECTIVE settings (team policy
 * applied). Only the background talks to backends: keys never reach a page.
 */
import { createContextClient, type ContextClient } from '../backend-client/context-client';
import type { ContactContext } from '../backend-client/context-merge';
import { applyContactRules } from '../sites/rules';
import { recordLookup } from './audit-log';
import { createStorageCacheStore } from './context-cache';
import { getDetectionSettings } from './detection-settings';
import { onPageMessage } from './door';
import { effectiveSettings } from './effective-settings';

let current: { key: string; client: ContextClient } | undefined;

/**
 * One client per settings value, so concurrent lookups share requests and the features
 * probe is remembered; a settings change makes a new one. Turning persistence off empties
 * the persisted cache.
 */
export async function contextClient(): Promise<ContextClient> {
  const { backends, privacy } = await effectiveSettings();
  const enabled = backends.backends.filter((backend) => backend.enabled && backend.baseUrl);
  const key = JSON.stringify([enabled, privacy.hashedLookups, privacy.persistCache]);
  if (current?.key === key) return current.client;
  if (!privacy.persistCache) {
    await createStorageCacheStore('local')
      .clear()
      .catch((error: unknown) => console.warn('Touchpoint: could not clear the cache', error));
  }
  const client = createContextClient({
    backends: enabled,
    cache: createStorageCacheStore(privacy.persistCache ? 'local' : 'session'),
    hashedLookups: privacy.hashedLookups,
    // recordLookup checks privacy.auditLog itself, and keeps only the hash when hashing.
    onLookup: (entry) =>
      void recordLookup({ ...entry, site: entry.site ?? 'sidebar' }).catch((error: unknown) =>
        console.warn('Touchpoint: could not record a lookup in the audit log', error),
      ),
  });
  current = { key, client };
  return client;
}

/**
 * The merged context of each address the identity rules allow: detection already drops
 * own, internal and never-look-up addresses; this checks again with the current settings,
 * since a page may ask for anything.
 */
export async function getContactContext(data: {
  emails: string[];
  refresh?: boolean;
  site?: string;
}): Promise<Record<string, ContactContext>> {
  const rules = await getDetectionSettings();
  const allowed = applyContactRules(
    { contacts: data.emails.map((email) => ({ email, role: 'link', confidence: 1 })) },
    data.site ?? 'sidebar',
    rules,
  ).map((contact) => contact.email);
  if (allowed.length === 0) return {};
  const client = await contextClient();
  const contexts = await client.lookup(allowed, { refresh: data.refresh, site: data.site });
  return Object.fromEntries(contexts);
}

export function registerContextHandlers(): void {
  onPageMessage('getContactContext', (data) => getContactContext(data));
  onPageMessage('loadMoreEngagements', async (data) => {
    const { limit, ...cursor } = data;
    return (await contextClient()).loadMoreEngagements(cursor, limit);
  });
}
