import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { fakeBrowser } from 'wxt/testing';
import { backendSettings, policyBackendKeys, privacySettings, siteSettings } from './items';
import { applyPolicy, isLocked, parsePolicy, PolicySchema, readPolicy } from './policy';
import {
  DEFAULT_DISPLAY_SETTINGS,
  DEFAULT_IDENTITY_SETTINGS,
  DEFAULT_PRIVACY_SETTINGS,
  DEFAULT_SITE_SETTINGS,
  type AllSettings,
} from './schema';
import { loadSettingsView, saveSettingsGroup, watchSettingsView } from './settings-store';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

const OWN_BACKEND = {
  id: 'mine',
  name: 'Mine',
  baseUrl: 'https://mine.example',
  apiKey: 'my-key',
  enabled: true,
};

const DEFAULTS: AllSettings = {
  backends: { backends: [OWN_BACKEND] },
  sites: DEFAULT_SITE_SETTINGS,
  identity: DEFAULT_IDENTITY_SETTINGS,
  privacy: DEFAULT_PRIVACY_SETTINGS,
  display: DEFAULT_DISPLAY_SETTINGS,
};

describe('parsePolicy', () => {
  it('keeps the valid fields and warns about each bad one by path', () => {
    const warn = vi.fn();
    const policy = parsePolicy(
      {
        privacy: { hashedLookups: true, auditLog: 'yes', bogus: 1 },
        identity: { internalDomains: ['acme.example'] },
        display: 'inpage',
        backends: [
          { name: 'Gateway', baseUrl: 'https://ctx.acme.example' },
          { name: 'Plain', baseUrl: 'http://ctx.acme.example' },
        ],
        extra: {},
      },
      warn,
    );
    expect(policy).toEqual({
      privacy: { hashedLookups: true },
      identity: { internalDomains: ['acme.example'] },
      backends: [{ name: 'Gateway', baseUrl: 'https://ctx.acme.example' }],
    });
    const warnings = warn.mock.calls.map(([message]) => String(message)).join('\n');
    expect(warnings).toContain('privacy.auditLog ignored');
    expect(warnings).toContain('privacy.bogus is not a setting');
    expect(warnings).toContain('display must be an object');
    expect(warnings).toMatch(/backends\[1\] ignored: baseUrl: .*plain http/);
    expect(warnings).toContain('"extra" is not a settings group');
  });

  it('never throws, whatever was deployed', () => {
    const warn = vi.fn();
    for (const raw of [null, undefined, 'x', 42, [], { backends: 'x' }, { sites: null }]) {
      expect(() => parsePolicy(raw, warn)).not.toThrow();
    }
  });
});

describe('readPolicy', () => {
  it('reads managed storage, and treats a browser without a policy as no policy', async () => {
    expect(await readPolicy()).toEqual({});
    await fakeBrowser.storage.managed.set({ privacy: { persistCache: false } });
    expect(await readPolicy()).toEqual({ privacy: { persistCache: false } });
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(
      new Error('Managed storage manifest not found'),
    );
    expect(await readPolicy()).toEqual({});
  });
});

describe('applyPolicy', () => {
  it('replaces the policy fields, locks them, and leaves the rest', () => {
    const { values, locked } = applyPolicy(DEFAULTS, {
      privacy: { hashedLookups: true },
      identity: { internalDomains: ['acme.example'] },
    });
    expect(values.privacy).toEqual({ ...DEFAULT_PRIVACY_SETTINGS, hashedLookups: true });
    expect(values.identity.internalDomains).toEqual(['acme.example']);
    expect(values.backends).toEqual(DEFAULTS.backends);
    expect(locked.sort()).toEqual(['identity.internalDomains', 'privacy.hashedLookups']);
    expect(DEFAULTS.privacy.hashedLookups).toBe(false); // pure
  });

  it('replaces the backend list; keys come from the policy or from the user', () => {
    const { values, locked } = applyPolicy(
      DEFAULTS,
      {
        backends: [
          { name: 'Gateway', baseUrl: 'https://ctx.acme.example', apiKey: 'org-key' },
          { name: 'Webinars', baseUrl: 'https://webinars.acme.example', enabled: false },
        ],
      },
      { 'policy-webinars': 'user-key' },
    );
    expect(values.backends.backends).toEqual([
      {
        id: 'policy-gateway',
        name: 'Gateway',
        baseUrl: 'https://ctx.acme.example',
        apiKey: 'org-key',
        enabled: true,
      },
      {
        id: 'policy-webinars',
        name: 'Webinars',
        baseUrl: 'https://webinars.acme.example',
        apiKey: 'user-key',
        enabled: false,
      },
    ]);
    expect(locked).toEqual(['backends', 'backends.policy-gateway.apiKey']);
    expect(isLocked(locked, 'backends.policy-gateway.apiKey')).toBe(true);
    expect(isLocked(locked, 'backends.policy-webinars.apiKey')).toBe(false);
    expect(isLocked(locked, 'backends.backends[0].name')).toBe(true);
    expect(isLocked(['sites.customDomains'], 'sites.customDomains[0].origin')).toBe(true);
    expect(isLocked(['sites.customDomains'], 'sites.disabled')).toBe(false);
  });
});

describe('saveSettingsGroup', () => {
  it('refuses a change to a locked field, naming it, and stores nothing', async () => {
    await fakeBrowser.storage.managed.set({ privacy: { hashedLookups: true } });
    const change = { ...DEFAULT_PRIVACY_SETTINGS, hashedLookups: false, persistCache: true };
    await expect(saveSettingsGroup('privacy', change)).rejects.toThrow(
      /privacy\.hashedLookups: Set by your organization/,
    );
    expect(await privacySettings.getValue()).toEqual(DEFAULT_PRIVACY_SETTINGS);
  });

  it('saves the unlocked fields and keeps the stored value under a lock', async () => {
    await fakeBrowser.storage.managed.set({ privacy: { hashedLookups: true } });
    await saveSettingsGroup('privacy', {
      ...DEFAULT_PRIVACY_SETTINGS,
      hashedLookups: true,
      persistCache: true,
    });
    // Stored: the user's own hashedLookups (false), so lifting the policy gives it back.
    expect(await privacySettings.getValue()).toEqual({
      ...DEFAULT_PRIVACY_SETTINGS,
      persistCache: true,
    });
    const view = await loadSettingsView();
    expect(view.values.privacy).toMatchObject({ hashedLookups: true, persistCache: true });
    expect(view.locked).toEqual(['privacy.hashedLookups']);
  });

  it('lets a policy name the backend that collects feedback, and locks it', async () => {
    await fakeBrowser.storage.managed.set({
      backends: [
        { name: 'Gateway', baseUrl: 'https://ctx.acme.example' },
        { name: 'Feedback hub', baseUrl: 'https://fb.acme.example', collectsFeedback: true },
      ],
    });
    const view = await loadSettingsView();
    expect(view.values.backends.feedbackBackendId).toBe('policy-feedback-hub');
    expect(view.locked).toContain('backends.feedbackBackendId');
    await expect(
      saveSettingsGroup('backends', {
        ...view.values.backends,
        feedbackBackendId: 'policy-gateway',
      }),
    ).rejects.toThrow(/where feedback goes\): Set by your organization/);
    // Without the mark, the rep's choice among the policy's backends is theirs to make.
    await fakeBrowser.storage.managed.set({
      backends: [
        { name: 'Gateway', baseUrl: 'https://ctx.acme.example' },
        { name: 'Feedback hub', baseUrl: 'https://fb.acme.example' },
      ],
    });
    const free = await loadSettingsView();
    expect(free.locked).not.toContain('backends.feedbackBackendId');
    await saveSettingsGroup('backends', {
      ...free.values.backends,
      feedbackBackendId: 'policy-gateway',
    });
    expect((await loadSettingsView()).values.backends.feedbackBackendId).toBe('policy-gateway');
  });

  it('says which field is invalid', async () => {
    await expect(
      saveSettingsGroup('sites', {
        disabled: [],
        customDomains: [{ origin: 'crm', adapter: 'generic' }],
      }),
    ).rejects.toThrow(/^sites: customDomains\[0\]\.origin: enter an https origin/);
    expect(await siteSettings.getValue()).toEqual(DEFAULT_SITE_SETTINGS);
  });

  it('under a policy backend list, stores only the keys the policy leaves to the user', async () => {
    await backendSettings.setValue({ backends: [OWN_BACKEND] });
    await fakeBrowser.storage.managed.set({
      backends: [
        { name: 'Gateway', baseUrl: 'https://ctx.acme.example', apiKey: 'org-key' },
        { name: 'Webinars', baseUrl: 'https://webinars.acme.example' },
      ],
    });
    const { values } = await loadSettingsView();
    const [gateway, webinars] = values.backends.backends;
    await saveSettingsGroup('backends', {
      backends: [gateway!, { ...webinars!, apiKey: 'typed-key' }],
    });
    expect(await policyBackendKeys.getValue()).toEqual({ 'policy-webinars': 'typed-key' });
    expect(await backendSettings.getValue()).toEqual({ backends: [OWN_BACKEND] });
    expect((await loadSettingsView()).values.backends.backends[1]?.apiKey).toBe('typed-key');

    await expect(
      saveSettingsGroup('backends', { backends: [{ ...gateway!, apiKey: 'other' }, webinars!] }),
    ).rejects.toThrow(/API key of "Gateway"\): Set by your organization/);
    await expect(saveSettingsGroup('backends', { backends: [gateway!] })).rejects.toThrow(
      /^backends \(the list of backends\): Set by your organization/,
    );
  });
});

describe('watchSettingsView', () => {
  it('reports a new view when the policy changes', async () => {
    const views: string[][] = [];
    let resolve: () => void = () => {};
    const seen = new Promise<void>((r) => (resolve = r));
    const stop = watchSettingsView((view) => {
      views.push(view.locked);
      resolve();
    });
    await fakeBrowser.storage.managed.set({ display: { mode: 'sidepanel' } });
    await seen;
    stop();
    expect(views.at(-1)).toEqual(['display.mode']);
  });
});

/** Property names of a Chrome managed-storage schema, recursively (`a.b`, `a[].c`). */
function schemaPaths(schema: Record<string, unknown>, prefix = ''): string[] {
  if (schema.type === 'object') {
    const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    return Object.entries(properties).flatMap(([name, child]) => [
      `${prefix}${name}`,
      ...schemaPaths(child, `${prefix}${name}.`),
    ]);
  }
  if (schema.type === 'array') {
    return schemaPaths(schema.items as Record<string, unknown>, `${prefix.slice(0, -1)}[].`);
  }
  return [];
}

/** The same for a zod schema, through its JSON Schema. */
function zodPaths(schema: z.ZodType): string[] {
  return schemaPaths(
    z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
  );
}

describe('public/managed_schema.json', () => {
  const managed = JSON.parse(
    readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

  it('names exactly the properties of the zod policy schema, at every depth', () => {
    expect(schemaPaths(managed).sort()).toEqual(zodPaths(PolicySchema).sort());
  });

  it('uses only the types Chrome knows, with a description on every property', () => {
    const walk = (node: Record<string, unknown>, path: string) => {
      expect(['object', 'array', 'string', 'boolean', 'integer', 'number'], path).toContain(
        node.type,
      );
      if (path) expect(typeof node.description, `${path} description`).toBe('string');
      for (const [name, child] of Object.entries(
        (node.properties ?? {}) as Record<string, Record<string, unknown>>,
      )) {
        walk(child, `${path}.${name}`);
      }
      if (node.items) walk(node.items as Record<string, unknown>, `${path}[]`);
    };
    walk(managed, '');
  });

  it('accepts the README sample policy with the zod schema', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const sample = /<!-- sample-policy -->\s*```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(sample, 'README: a ```json block after <!-- sample-policy -->').toBeDefined();
    const warn = vi.fn();
    const raw = JSON.parse(sample!) as Record<string, unknown>;
    expect(parsePolicy(raw, warn)).toEqual(raw);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('loadSettingsView', () => {
  it('fills fields a stored value lacks (written before its migration ran) with defaults', async () => {
    await fakeBrowser.storage.sync.set({
      identity: { ownEmails: [], internalDomains: ['corp.example'] },
      identity$: { v: 2 },
    });
    expect((await loadSettingsView()).values.identity).toEqual({
      ownEmails: [],
      internalDomains: ['corp.example'],
      neverLookUp: [],
    });
  });
});
