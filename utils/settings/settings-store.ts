/**
 * Reading, saving and watching the settings groups, with the team policy applied
 * (`policy.ts`). Everything that reads settings for behaviour (the background, detection in
 * tabs) reads the EFFECTIVE values from here, never the raw items.
 *
 * Writes to a group go through one queue per group: each change is applied to the value
 * stored at that moment, so two saves in a row (two tabs, two quick clicks) never undo each
 * other. A write touches each storage area with ONE `set` call, and is checked against the
 * sync quota first, so it lands whole or not at all.
 */
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { describeZodError } from '../contract/errors';
import {
  backendSettings,
  displaySettings,
  identitySettings,
  POLICY_BACKEND_KEYS_STORAGE,
  policyBackendKeys,
  privacySettings,
  SETTINGS_ITEMS,
  SETTINGS_STORAGE,
  siteSettings,
} from './items';
import { applyPolicy, planGroupWrite, readPolicy, type GroupWrite, type Policy } from './policy';
import {
  DEFAULT_DISPLAY_SETTINGS,
  DEFAULT_IDENTITY_SETTINGS,
  DEFAULT_PRIVACY_SETTINGS,
  DEFAULT_SITE_SETTINGS,
  SETTINGS_GROUPS,
  SETTINGS_SCHEMAS,
  type AllSettings,
  type GroupValue,
  type SettingsGroup,
} from './schema';

/** chrome.storage.sync limits: per item (key + JSON of the value) and in all. */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;
export const SYNC_QUOTA_BYTES = 102400;

/** Every group as stored (the user's values), before the policy. */
export async function loadStoredSettings(): Promise<AllSettings> {
  const [backends, sites, identity, privacy, display] = await Promise.all([
    backendSettings.getValue(),
    siteSettings.getValue(),
    identitySettings.getValue(),
    privacySettings.getValue(),
    displaySettings.getValue(),
  ]);
  // A value written outside this module (by hand, a test, an older build before its
  // migration ran) may lack fields: the defaults fill them, so readers never meet undefined.
  return {
    backends: { ...backends, backends: Array.isArray(backends?.backends) ? backends.backends : [] },
    sites: { ...DEFAULT_SITE_SETTINGS, ...sites },
    identity: { ...DEFAULT_IDENTITY_SETTINGS, ...identity },
    privacy: { ...DEFAULT_PRIVACY_SETTINGS, ...privacy },
    display: { ...DEFAULT_DISPLAY_SETTINGS, ...display },
  };
}

/** What the options page shows: effective values and what it must show as locked. */
export interface SettingsView {
  values: AllSettings;
  locked: string[];
}

interface StoreState {
  stored: AllSettings;
  policy: Policy;
  keys: Record<string, string>;
}

async function loadState(): Promise<StoreState> {
  const [stored, policy, keys] = await Promise.all([
    loadStoredSettings(),
    readPolicy(),
    policyBackendKeys.getValue(),
  ]);
  return { stored, policy, keys };
}

export async function loadSettingsView(): Promise<SettingsView> {
  const { stored, policy, keys } = await loadState();
  return applyPolicy(stored, policy, keys);
}

/** The values behaviour follows: the stored ones with the policy applied. */
export async function loadEffectiveSettings(): Promise<AllSettings> {
  return (await loadSettingsView()).values;
}

/** The tail of each group's write queue (settled: a failed write does not block the next). */
const queues = new Map<SettingsGroup, Promise<unknown>>();

/** Runs `task` after every queued write to `groups`; later writes to them wait for it. */
function serialised<T>(groups: readonly SettingsGroup[], task: () => Promise<T>): Promise<T> {
  const before = groups.map((group) => queues.get(group) ?? Promise.resolve());
  const run = Promise.all(before).then(task);
  const settled = run.catch(() => undefined);
  for (const group of groups) queues.set(group, settled);
  return run;
}

/** Validates one group's value; the error names the field (`sites: customDomains[0]…`). */
function validateGroup<G extends SettingsGroup>(group: G, value: unknown): GroupValue<G> {
  const parsed = SETTINGS_SCHEMAS[group].safeParse(value);
  if (!parsed.success) {
    throw new Error(`${group}: ${describeZodError(parsed.error)}`.replace(': (root)', ''));
  }
  return parsed.data as GroupValue<G>;
}

type AreaName = 'local' | 'sync';
type AreaWrites = Record<AreaName, Record<string, unknown>>;

/** Planned group writes as storage entries, each with WXT's `<key>$` version meta. */
export function toAreaWrites(writes: readonly GroupWrite[]): AreaWrites {
  const areas: AreaWrites = { local: {}, sync: {} };
  for (const write of writes) {
    const { area, key, version } = SETTINGS_STORAGE[write.group];
    areas[area][key] = write.value;
    areas[area][`${key}$`] = { v: version };
    if (write.keys) {
      const keysItem = POLICY_BACKEND_KEYS_STORAGE;
      areas[keysItem.area][keysItem.key] = write.keys;
      areas[keysItem.area][`${keysItem.key}$`] = { v: keysItem.version };
    }
  }
  return areas;
}

/** What chrome.storage.sync counts for an item: its key plus the JSON of its value, in bytes. */
export function syncItemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

function tooLargeMessage(key: string, bytes: number): string {
  const group = SETTINGS_GROUPS.find((g) => SETTINGS_STORAGE[g].key === key) ?? key;
  return `${group} is too large to sync (${bytes} bytes, limit ${SYNC_QUOTA_BYTES_PER_ITEM}): remove some entries`;
}

/**
 * Why writing `items` over the sync area holding `current` would exceed its quota, or
 * undefined when it fits. Pure.
 */
export function syncQuotaProblem(
  items: Readonly<Record<string, unknown>>,
  current: Readonly<Record<string, unknown>>,
): string | undefined {
  for (const [key, value] of Object.entries(items)) {
    const bytes = syncItemBytes(key, value);
    if (bytes > SYNC_QUOTA_BYTES_PER_ITEM) return tooLargeMessage(key, bytes);
  }
  const total = Object.entries({ ...current, ...items }).reduce(
    (sum, [key, value]) => sum + syncItemBytes(key, value),
    0,
  );
  if (total > SYNC_QUOTA_BYTES) {
    return `The synced settings are too large (${total} bytes, limit ${SYNC_QUOTA_BYTES}): remove some entries from the never-look-up list or the custom domains`;
  }
  return undefined;
}

/** A quota error from the browser, in the words of `syncQuotaProblem` when we can tell. */
function describeSyncError(error: unknown, items: Record<string, unknown>): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/QUOTA_BYTES_PER_ITEM/i.test(message)) {
    const [key, bytes] = Object.entries(items)
      .map(([k, v]) => [k, syncItemBytes(k, v)] as const)
      .reduce((a, b) => (b[1] > a[1] ? b : a));
    return new Error(tooLargeMessage(key, bytes));
  }
  return new Error(`Could not save to the browser's sync storage: ${message}. Try again.`);
}

/**
 * Writes each area with one `set`: local (backends, keys) first, then sync. The sync quota
 * is checked before anything is written; when the sync write fails anyway, the local
 * entries get their previous values back, so nothing is half applied. Throws an Error
 * saying what is wrong.
 */
export async function writeAreas({ local, sync }: AreaWrites): Promise<void> {
  const localKeys = Object.keys(local);
  const syncKeys = Object.keys(sync);
  if (syncKeys.length > 0) {
    const problem = syncQuotaProblem(sync, await browser.storage.sync.get(null));
    if (problem) throw new Error(problem);
  }
  const previous: Record<string, unknown> = {};
  if (localKeys.length > 0) {
    for (const [key, value] of Object.entries(await browser.storage.local.get(localKeys))) {
      if (value !== undefined) previous[key] = value;
    }
  }
  if (localKeys.length > 0) await browser.storage.local.set(local);
  if (syncKeys.length === 0) return;
  try {
    await browser.storage.sync.set(sync);
  } catch (error) {
    const absent = localKeys.filter((key) => !(key in previous));
    try {
      if (Object.keys(previous).length > 0) await browser.storage.local.set(previous);
      if (absent.length > 0) await browser.storage.local.remove(absent);
    } catch (restoreError) {
      console.error('Touchpoint: could not restore the local settings', restoreError);
    }
    throw describeSyncError(error, sync);
  }
}

/**
 * Applies `update` to the group's current effective value (policy applied) and stores the
 * result: validated, checked against the policy (a changed locked field throws, naming it)
 * and against the sync quota. Calls for a group run one after another, each on the value the
 * previous one stored, so concurrent changes all land. Nothing is stored when it throws.
 */
export function updateSettingsGroup<G extends SettingsGroup>(
  group: G,
  update: (current: GroupValue<G>) => GroupValue<G>,
): Promise<void> {
  return serialised([group], async () => {
    const { stored, policy, keys } = await loadState();
    const current = applyPolicy(stored, policy, keys).values[group];
    const value = validateGroup(group, update(current));
    await writeAreas(toAreaWrites([planGroupWrite(group, value, stored, policy, keys)]));
  });
}

/**
 * Validates `value` with the group's schema and stores it (after any queued write to the
 * group). Throws an Error that names the field: a validation error
 * (`backends[0].baseUrl: …`), a locked field (`privacy.hashedLookups: Set by your
 * organization; …`) or a quota problem. Nothing is stored when it throws. Prefer
 * `updateSettingsGroup` when changing part of a group: it cannot lose another change.
 */
export function saveSettingsGroup<G extends SettingsGroup>(
  group: G,
  value: z.input<(typeof SETTINGS_SCHEMAS)[G]>,
): Promise<void> {
  // Validated in the queue: the input type (before zod's trims) passes as the value.
  return updateSettingsGroup(group, () => value as GroupValue<G>);
}

/**
 * Stores every group at once (an import): `build` turns the current view into the new
 * values, then each group is validated and checked against the policy before the first
 * write, and each area is written in one call (see `writeAreas`). Waits for, and holds,
 * every group's queue. Throws, naming the field, when anything is wrong; nothing is stored.
 */
export function writeAllGroups(build: (current: SettingsView) => AllSettings): Promise<void> {
  return serialised(SETTINGS_GROUPS, async () => {
    const { stored, policy, keys } = await loadState();
    const values = build(applyPolicy(stored, policy, keys));
    const writes = SETTINGS_GROUPS.map((group) =>
      planGroupWrite(group, validateGroup(group, values[group]), stored, policy, keys),
    );
    await writeAreas(toAreaWrites(writes));
  });
}

/**
 * Calls `callback` with the new view whenever a setting or the policy changes. Returns the
 * function that stops watching.
 */
export function watchSettingsView(callback: (view: SettingsView) => void): () => void {
  let stopped = false;
  // Changes arrive in bursts (an import writes every group): coalesce to one reload at a time.
  let running: Promise<void> | undefined;
  let again = false;
  const reload = () => {
    if (running) {
      again = true;
      return;
    }
    running = loadSettingsView()
      .then((view) => {
        if (!stopped) callback(view);
      })
      .catch((error: unknown) => console.warn('Touchpoint: could not reload settings', error))
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          reload();
        }
      });
  };
  const unwatchers = [...SETTINGS_ITEMS, policyBackendKeys].map((item) =>
    (item as { watch(cb: () => void): () => void }).watch(reload),
  );
  const onManaged = (_changes: unknown, areaName: string) => {
    if (areaName === 'managed') reload();
  };
  browser.storage.onChanged.addListener(onManaged);
  return () => {
    stopped = true;
    unwatchers.forEach((unwatch) => unwatch());
    browser.storage.onChanged.removeListener(onManaged);
  };
}
