/**
 * Team policy: settings an organisation deploys through the browser's managed storage
 * (Chrome: `3rdparty.extensions.<id>` policies, schema in public/managed_schema.json;
 * Firefox: policies.json `3rdparty.Extensions`). A policy value wins over the user's and is
 * locked ("Set by your organization"). Everything that reads settings for behaviour (the
 * background, detection in tabs) reads the EFFECTIVE values from here, never the raw items.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { describeZodError } from '../api/errors';
import {
  displaySettings,
  identitySettings,
  policyBackendKeys,
  privacySettings,
  siteSettings,
  backendSettings,
} from './items';
import {
  BackendConfig,
  BackendSettings,
  DEFAULT_DISPLAY_SETTINGS,
  DEFAULT_IDENTITY_SETTINGS,
  DEFAULT_PRIVACY_SETTINGS,
  DEFAULT_SITE_SETTINGS,
  DisplaySettings,
  IdentitySettings,
  PrivacySettings,
  SiteSettings,
} from './schema';

/** The settings groups, by the names the settings file and the policy use. */
export const SETTINGS_SCHEMAS = {
  backends: BackendSettings,
  sites: SiteSettings,
  identity: IdentitySettings,
  privacy: PrivacySettings,
  display: DisplaySettings,
} as const;

export type SettingsGroup = keyof typeof SETTINGS_SCHEMAS;
export const SETTINGS_GROUPS = Object.keys(SETTINGS_SCHEMAS) as SettingsGroup[];

/** Every group's value. */
export interface AllSettings {
  backends: BackendSettings;
  sites: SiteSettings;
  identity: IdentitySettings;
  privacy: PrivacySettings;
  display: DisplaySettings;
}

/** A backend an admin deploys; without `apiKey` each user enters their own. */
export const PolicyBackend = z.object({
  name: BackendConfig.shape.name,
  baseUrl: BackendConfig.shape.baseUrl,
  apiKey: BackendConfig.shape.apiKey.optional(),
  enabled: z.boolean().optional(),
});
export type PolicyBackend = z.infer<typeof PolicyBackend>;

/** What a policy may hold: the backend list (whole) and any field of the other groups. */
export const PolicySchema = z.object({
  backends: z.array(PolicyBackend).max(20).optional(),
  sites: SiteSettings.partial().optional(),
  identity: IdentitySettings.partial().optional(),
  privacy: PrivacySettings.partial().optional(),
  display: DisplaySettings.partial().optional(),
});
export type Policy = z.infer<typeof PolicySchema>;

type PartialGroup = Exclude<SettingsGroup, 'backends'>;
const PARTIAL_GROUPS: PartialGroup[] = ['sites', 'identity', 'privacy', 'display'];

/** The message a refused change carries; the options page shows the same words on locks. */
export const LOCKED_MESSAGE = 'Set by your organization';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The valid part of a raw policy. Field by field: a bad field (or a bad backend in the list)
 * is left out with a console warning naming its path, and the rest still applies; nothing
 * here throws, whatever an admin deployed.
 */
export function parsePolicy(raw: unknown, warn = console.warn): Policy {
  const policy: Policy = {};
  if (raw === undefined || raw === null) return policy;
  if (!isRecord(raw)) {
    warn(`Touchpoint policy ignored: expected an object of settings groups, got ${typeof raw}.`);
    return policy;
  }
  for (const key of Object.keys(raw)) {
    if (key !== 'backends' && !(PARTIAL_GROUPS as string[]).includes(key)) {
      warn(`Touchpoint policy: "${key}" is not a settings group; ignored.`);
    }
  }
  if (raw.backends !== undefined) {
    if (!Array.isArray(raw.backends)) {
      warn(
        'Touchpoint policy: backends must be a list of {name, baseUrl, apiKey?, enabled?}; ignored.',
      );
    } else {
      const backends: PolicyBackend[] = [];
      raw.backends.slice(0, 20).forEach((entry, index) => {
        const parsed = PolicyBackend.safeParse(entry);
        if (parsed.success) backends.push(parsed.data);
        else
          warn(`Touchpoint policy: backends[${index}] ignored: ${describeZodError(parsed.error)}.`);
      });
      // A list whose every entry was bad is no list: the user's own backends stay usable.
      if (backends.length > 0 || raw.backends.length === 0) policy.backends = backends;
    }
  }
  for (const group of PARTIAL_GROUPS) {
    const value = raw[group];
    if (value === undefined) continue;
    if (!isRecord(value)) {
      warn(`Touchpoint policy: ${group} must be an object; ignored.`);
      continue;
    }
    const shape = SETTINGS_SCHEMAS[group].shape as Record<string, z.ZodType>;
    const fields: Record<string, unknown> = {};
    for (const [field, fieldValue] of Object.entries(value)) {
      const schema = shape[field];
      if (!schema) {
        warn(`Touchpoint policy: ${group}.${field} is not a setting; ignored.`);
        continue;
      }
      const parsed = schema.safeParse(fieldValue);
      if (parsed.success) fields[field] = parsed.data;
      else {
        const detail = describeZodError(parsed.error).replace(/^\(root\): /, '');
        warn(`Touchpoint policy: ${group}.${field} ignored: ${detail}.`);
      }
    }
    if (Object.keys(fields).length > 0) {
      (policy as Record<string, unknown>)[group] = fields;
    }
  }
  return policy;
}

/**
 * The policy deployed for this extension, validated. No policy (Firefox rejects when there is
 * none; a browser without managed storage) is an empty policy.
 */
export async function readPolicy(): Promise<Policy> {
  let raw: Record<string, unknown>;
  try {
    raw = await browser.storage.managed.get();
  } catch {
    return {};
  }
  return parsePolicy(raw);
}

/** `policy-<name>`: stable while the admin reorders the list; unique within it. */
export function policyBackendIds(backends: readonly PolicyBackend[]): string[] {
  const ids: string[] = [];
  for (const backend of backends) {
    const slug = backend.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const base = `policy-${slug || 'backend'}`;
    let id = base;
    for (let n = 2; ids.includes(id); n++) id = `${base}-${n}`;
    ids.push(id);
  }
  return ids;
}

/** The locked path of a policy backend's API key, when the policy sets that key. */
export function backendKeyPath(id: string): string {
  return `backends.${id}.apiKey`;
}

/**
 * The values with the policy applied, and the dotted paths it locked: `backends` (the whole
 * list: order, names, URLs, on/off), `backends.<id>.apiKey` (a key the policy sets; a policy
 * backend without one takes the user's key from `keys`), `<group>.<field>` for the rest.
 * Pure.
 */
export function applyPolicy(
  values: AllSettings,
  policy: Policy,
  keys: Readonly<Record<string, string>> = {},
): { values: AllSettings; locked: string[] } {
  const locked: string[] = [];
  const result: AllSettings = { ...values };
  if (policy.backends) {
    locked.push('backends');
    const ids = policyBackendIds(policy.backends);
    result.backends = {
      ...values.backends,
      backends: policy.backends.map((backend, index) => {
        const id = ids[index] ?? `policy-${index + 1}`;
        if (backend.apiKey !== undefined) locked.push(backendKeyPath(id));
        return {
          id,
          name: backend.name,
          baseUrl: backend.baseUrl,
          apiKey: backend.apiKey ?? keys[id] ?? '',
          enabled: backend.enabled ?? true,
        };
      }),
    };
  }
  for (const group of PARTIAL_GROUPS) {
    const fields = policy[group];
    if (!fields) continue;
    for (const field of Object.keys(fields)) locked.push(`${group}.${field}`);
    (result as unknown as Record<string, object>)[group] = { ...values[group], ...fields };
  }
  return { values: result, locked };
}

/**
 * True when the setting at `path` is set by the policy. A listed path locks what is under it
 * (`sites.customDomains` locks `sites.customDomains[0].origin`), except API keys: under a
 * locked `backends` list a backend's key is locked only when `backends.<id>.apiKey` is listed
 * (a policy may deploy an endpoint and let each user enter their key).
 */
export function isLocked(locked: readonly string[], path: string): boolean {
  if (locked.includes(path)) return true;
  if (/^backends\.[^.]+\.apiKey$/.test(path)) return false;
  return locked.some((l) => path.startsWith(`${l}.`) || path.startsWith(`${l}[`));
}

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

export async function loadSettingsView(): Promise<SettingsView> {
  const [stored, policy, keys] = await Promise.all([
    loadStoredSettings(),
    readPolicy(),
    policyBackendKeys.getValue(),
  ]);
  return applyPolicy(stored, policy, keys);
}

/** The values behaviour follows: the stored ones with the policy applied. */
export async function loadEffectiveSettings(): Promise<AllSettings> {
  return (await loadSettingsView()).values;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function lockedError(path: string, what = path): Error {
  return new Error(
    `${what}: ${LOCKED_MESSAGE}; it cannot be changed here. Ask your administrator to change the team policy.`,
  );
}

/** What a validated group write stores: the group's value, and policy backend keys. */
export interface GroupWrite<G extends SettingsGroup = SettingsGroup> {
  group: G;
  value: AllSettings[G];
  keys?: Record<string, string>;
}

/**
 * Checks one group's new (already validated) value against the policy and turns it into what
 * is stored. Throws when it changes a locked path. Locked fields keep their STORED value, so
 * lifting the policy gives the user back their own settings. Pure.
 */
export function planGroupWrite<G extends SettingsGroup>(
  group: G,
  value: AllSettings[G],
  stored: AllSettings,
  policy: Policy,
  keys: Readonly<Record<string, string>>,
): GroupWrite<G> {
  const { values: effective, locked } = applyPolicy(stored, policy, keys);
  if (group === 'backends') {
    const next = value as BackendSettings;
    if (!locked.includes('backends')) return { group, value };
    const current = effective.backends.backends;
    const withoutKeys = (list: readonly BackendConfig[]) =>
      list.map(({ id, name, baseUrl, enabled }) => ({ id, name, baseUrl, enabled }));
    if (!sameJson(withoutKeys(next.backends), withoutKeys(current))) {
      throw lockedError('backends', 'backends (the list of backends)');
    }
    const newKeys = { ...keys };
    next.backends.forEach((backend, index) => {
      if (locked.includes(backendKeyPath(backend.id))) {
        if (backend.apiKey !== current[index]?.apiKey) {
          throw lockedError(
            backendKeyPath(backend.id),
            `backends.backends[${index}].apiKey (API key of "${backend.name}")`,
          );
        }
      } else {
        newKeys[backend.id] = backend.apiKey;
      }
    });
    const storedValue = { ...stored.backends, feedbackBackendId: next.feedbackBackendId };
    if (next.feedbackBackendId === undefined) delete storedValue.feedbackBackendId;
    return { group, value: storedValue as AllSettings[G], keys: newKeys };
  }
  const groupValue = { ...(value as Record<string, unknown>) };
  const effectiveGroup = effective[group] as Record<string, unknown>;
  const storedGroup = stored[group] as Record<string, unknown>;
  for (const field of Object.keys(groupValue)) {
    const path = `${group}.${field}`;
    if (!locked.includes(path)) continue;
    if (!sameJson(groupValue[field], effectiveGroup[field])) throw lockedError(path);
    groupValue[field] = storedGroup[field];
  }
  return { group, value: groupValue as AllSettings[G] };
}

const ITEMS = {
  backends: backendSettings,
  sites: siteSettings,
  identity: identitySettings,
  privacy: privacySettings,
  display: displaySettings,
} as const;

/** Stores planned writes (validate and plan every group first: this only writes). */
export async function writeGroups(writes: readonly GroupWrite[]): Promise<void> {
  let keys: Record<string, string> | undefined;
  for (const write of writes) {
    // Each item has its group's type; the plan guarantees value matches group.
    await (ITEMS[write.group] as { setValue(value: unknown): Promise<void> }).setValue(write.value);
    if (write.keys) keys = write.keys;
  }
  if (keys) await policyBackendKeys.setValue(keys);
}

/**
 * Validates `value` with the group's schema and stores it. Throws an Error that names the
 * field: a validation error (`backends[0].baseUrl: …`) or a locked field
 * (`privacy.hashedLookups: Set by your organization; …`). Nothing is stored when it throws.
 */
export async function saveSettingsGroup<G extends SettingsGroup>(
  group: G,
  value: z.input<(typeof SETTINGS_SCHEMAS)[G]>,
): Promise<void> {
  const parsed = SETTINGS_SCHEMAS[group].safeParse(value);
  if (!parsed.success) {
    throw new Error(`${group}: ${describeZodError(parsed.error)}`.replace(': (root)', ''));
  }
  const [stored, policy, keys] = await Promise.all([
    loadStoredSettings(),
    readPolicy(),
    policyBackendKeys.getValue(),
  ]);
  const write = planGroupWrite(group, parsed.data as AllSettings[G], stored, policy, keys);
  await writeGroups([write]);
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
  const unwatchers = [...Object.values(ITEMS), policyBackendKeys].map((item) =>
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
