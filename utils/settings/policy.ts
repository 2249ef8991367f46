/**
 * Team policy: settings an organisation deploys through the browser's managed storage
 * (Chrome: `3rdparty.extensions.<id>` policies, schema in public/managed_schema.json;
 * Firefox: policies.json `3rdparty.Extensions`). A policy value wins over the user's and is
 * locked ("Set by your organization"). Everything that reads settings for behaviour (the
 * background, detection in tabs) reads the EFFECTIVE values through `settings-store.ts`,
 * never the raw items.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { describeZodError } from '../contract/errors';
import {
  BackendConfig,
  DisplaySettings,
  IdentitySettings,
  PrivacySettings,
  SETTINGS_SCHEMAS,
  SiteSettings,
  type AllSettings,
  type BackendSettings,
  type SettingsGroup,
} from './schema';

/** A backend an admin deploys; without `apiKey` each user enters their own. */
export const PolicyBackend = z.object({
  name: BackendConfig.shape.name,
  baseUrl: BackendConfig.shape.baseUrl,
  apiKey: BackendConfig.shape.apiKey.optional(),
  enabled: z.boolean().optional(),
  /** This backend collects reps' feedback; the first so marked wins, and is locked. */
  collectsFeedback: z.boolean().optional(),
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

/** Locked when a policy backend says it collects feedback. */
export const FEEDBACK_BACKEND_PATH = 'backends.feedbackBackendId';

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
    const collecting = policy.backends.findIndex((backend) => backend.collectsFeedback);
    if (collecting >= 0) {
      result.backends.feedbackBackendId = ids[collecting] ?? `policy-${collecting + 1}`;
      locked.push(FEEDBACK_BACKEND_PATH);
    }
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
    if (
      locked.includes(FEEDBACK_BACKEND_PATH) &&
      next.feedbackBackendId !== effective.backends.feedbackBackendId
    ) {
      throw lockedError(FEEDBACK_BACKEND_PATH, 'backends.feedbackBackendId (where feedback goes)');
    }
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
