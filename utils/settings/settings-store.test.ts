import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { identitySettings, privacySettings } from './items';
import { DEFAULT_IDENTITY_SETTINGS, DEFAULT_PRIVACY_SETTINGS } from './schema';
import {
  loadSettingsView,
  saveSettingsGroup,
  syncItemBytes,
  syncQuotaProblem,
  updateSettingsGroup,
} from './settings-store';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('updateSettingsGroup', () => {
  it('lands every one of 20 concurrent list additions', async () => {
    const added = Array.from({ length: 20 }, (_, i) => `person${i}@family.example`);
    await Promise.all(
      added.map((address) =>
        updateSettingsGroup('identity', (current) => ({
          ...current,
          neverLookUp: [...current.neverLookUp, address],
        })),
      ),
    );
    expect((await identitySettings.getValue()).neverLookUp.sort()).toEqual([...added].sort());
  });

  it('lands concurrent toggles of different fields, and a save queued behind them', async () => {
    const fields = ['hashedLookups', 'lookupOnlyWhenOpened', 'persistCache'] as const;
    const toggles = Array.from({ length: 20 }, (_, i) => fields[i % fields.length]!);
    await Promise.all(
      toggles.map((field) =>
        updateSettingsGroup('privacy', (current) => ({ ...current, [field]: !current[field] })),
      ),
    );
    // 7, 7 and 6 flips of fields that start false.
    expect(await privacySettings.getValue()).toEqual({
      ...DEFAULT_PRIVACY_SETTINGS,
      hashedLookups: true,
      lookupOnlyWhenOpened: true,
      persistCache: false,
    });
  });

  it('keeps going after a refused change, and stores nothing for it', async () => {
    const refused = updateSettingsGroup('identity', (current) => ({
      ...current,
      ownEmails: ['not an address'],
    }));
    const next = updateSettingsGroup('identity', (current) => ({
      ...current,
      internalDomains: ['acme.example'],
    }));
    await expect(refused).rejects.toThrow(/^identity: ownEmails\[0\]: /);
    await next;
    expect(await identitySettings.getValue()).toEqual({
      ...DEFAULT_IDENTITY_SETTINGS,
      internalDomains: ['acme.example'],
    });
  });

  it('refuses to change a locked field', async () => {
    await fakeBrowser.storage.managed.set({ privacy: { persistCache: false } });
    await expect(
      updateSettingsGroup('privacy', (current) => ({ ...current, persistCache: true })),
    ).rejects.toThrow(/^privacy\.persistCache: Set by your organization/);
    // The locked field passes through unchanged when another field changes.
    await updateSettingsGroup('privacy', (current) => ({ ...current, hashedLookups: true }));
    expect((await loadSettingsView()).values.privacy).toMatchObject({
      hashedLookups: true,
      persistCache: false,
    });
  });

  it('writes the WXT version meta with the value', async () => {
    await updateSettingsGroup('identity', (current) => ({
      ...current,
      ownEmails: ['a@b.example'],
    }));
    expect(await fakeBrowser.storage.sync.get(['identity$'])).toEqual({ identity$: { v: 2 } });
  });
});

describe('sync quota', () => {
  it('counts the key and the JSON of the value, in bytes', () => {
    expect(syncItemBytes('k', { a: 'é' })).toBe('k{"a":"é"}'.length + 1);
  });

  it('names the group that does not fit one item, and the total', () => {
    const big = { neverLookUp: ['x'.repeat(9000)] };
    expect(syncQuotaProblem({ identity: big }, {})).toBe(
      'identity is too large to sync (9028 bytes, limit 8192): remove some entries',
    );
    const filler = Object.fromEntries(
      Array.from({ length: 14 }, (_, i) => [`other${i}`, 'y'.repeat(8000)]),
    );
    expect(syncQuotaProblem({ display: { mode: 'inpage' } }, filler)).toMatch(
      /^The synced settings are too large \(\d+ bytes, limit 102400\)/,
    );
    expect(syncQuotaProblem({ display: { mode: 'inpage' } }, {})).toBeUndefined();
  });

  it('saveSettingsGroup turns a quota error of the browser into the same message', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(
      new Error('QUOTA_BYTES_PER_ITEM quota exceeded'),
    );
    await expect(
      saveSettingsGroup('identity', { ...DEFAULT_IDENTITY_SETTINGS, ownEmails: ['a@b.example'] }),
    ).rejects.toThrow(
      /^identity is too large to sync \(\d+ bytes, limit 8192\): remove some entries$/,
    );
  });
});
