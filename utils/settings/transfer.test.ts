import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { backendSettings, identitySettings, privacySettings, siteSettings } from './items';
import { loadSettingsView } from './settings-store';
import { exportSettings, importSettings } from './transfer';

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await backendSettings.setValue({
    backends: [
      {
        id: 'gw',
        name: 'Gateway',
        baseUrl: 'https://ctx.acme.example',
        apiKey: 'secret-gw',
        enabled: true,
      },
      {
        id: 'web',
        name: 'Webinars',
        baseUrl: 'https://webinars.acme.example',
        apiKey: 'secret-web',
        enabled: false,
      },
    ],
  });
  await identitySettings.setValue({
    ownEmails: ['jane@acme.example'],
    internalDomains: ['acme.example'],
    neverLookUp: ['mum@family.example'],
  });
  await siteSettings.setValue({
    disabled: ['zoho'],
    customDomains: [{ origin: 'https://crm.acme.example', adapter: 'generic' }],
  });
});

/** Every stored byte, local and sync: what "nothing changed" compares. */
async function storageSnapshot() {
  return {
    local: await fakeBrowser.storage.local.get(),
    sync: await fakeBrowser.storage.sync.get(),
  };
}

describe('exportSettings', () => {
  it('leaves the API keys out unless asked', async () => {
    const file = await exportSettings({ includeApiKeys: false });
    expect(JSON.stringify(file)).not.toContain('secret');
    expect(file.backends.backends.map((b) => 'apiKey' in b)).toEqual([false, false]);
    const withKeys = await exportSettings({ includeApiKeys: true });
    expect(withKeys.backends.backends.map((b) => b.apiKey)).toEqual(['secret-gw', 'secret-web']);
    expect(withKeys).toMatchObject({
      touchpointSettings: 1,
      identity: { neverLookUp: ['mum@family.example'] },
      sites: { disabled: ['zoho'] },
    });
  });
});

describe('importSettings', () => {
  it('round-trips an export without keys: the stored keys stay', async () => {
    const before = await loadSettingsView();
    const file = await exportSettings({ includeApiKeys: false });
    expect(await importSettings(JSON.stringify(file))).toEqual({ ok: true });
    expect((await loadSettingsView()).values.backends.backends.map((b) => b.apiKey)).toEqual([
      'secret-gw',
      'secret-web',
    ]);
    expect(await loadSettingsView()).toEqual(before);
  });

  it('applies every group of a changed file', async () => {
    const file = await exportSettings({ includeApiKeys: false });
    file.privacy.hashedLookups = true;
    file.display.mode = 'sidepanel';
    file.backends.backends.push({
      id: 'new',
      name: 'New',
      baseUrl: 'https://new.example',
      apiKey: 'k',
      enabled: true,
    });
    expect(await importSettings(JSON.stringify(file))).toEqual({ ok: true });
    const { values } = await loadSettingsView();
    expect(values.privacy.hashedLookups).toBe(true);
    expect(values.display.mode).toBe('sidepanel');
    expect(values.backends.backends.map((b) => b.apiKey)).toEqual(['secret-gw', 'secret-web', 'k']);
  });

  it('says where bad JSON breaks, and changes nothing', async () => {
    const before = await storageSnapshot();
    const result = await importSettings('{\n  "touchpointSettings": 1,\n  oops\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^The file is not valid JSON \(line 3, column 3\)/);
      expect(result.error).toContain('Nothing was changed');
    }
    expect(await storageSnapshot()).toEqual(before);
  });

  it('names the wrong field and changes nothing, not even the valid groups', async () => {
    const before = await storageSnapshot();
    const file = await exportSettings({ includeApiKeys: false });
    file.privacy.hashedLookups = true; // valid, must not be applied either
    file.backends.backends[1]!.baseUrl = 'http://webinars.acme.example';
    const result = await importSettings(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^backends\.backends\[1\]\.baseUrl: .*plain http/);
    expect(await storageSnapshot()).toEqual(before);
  });

  it('refuses a file that changes a field the team policy sets, and changes nothing', async () => {
    await fakeBrowser.storage.managed.set({ privacy: { auditLog: true } });
    const before = await storageSnapshot();
    const file = await exportSettings({ includeApiKeys: false });
    file.display.autoOpen = true;
    file.privacy.auditLog = false;
    const result = await importSettings(JSON.stringify(file));
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^privacy\.auditLog: Set by your organization/),
    });
    expect(await storageSnapshot()).toEqual(before);
    // The same file with the policy's value imports.
    file.privacy.auditLog = true;
    expect(await importSettings(JSON.stringify(file))).toEqual({ ok: true });
    expect((await privacySettings.getValue()).auditLog).toBe(true);
  });

  it('refuses a file that is not a settings file', async () => {
    const result = await importSettings('{"backends": []}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^touchpointSettings: /);
  });

  it('keeps a stored key only for the same id AND origin; says which backends need a key', async () => {
    const file = await exportSettings({ includeApiKeys: false });
    // Same origin, another path: still that server.
    file.backends.backends[0]!.baseUrl = 'https://ctx.acme.example/v2/';
    // Same id, another server: a crafted file must not send the stored key there.
    file.backends.backends[1]!.baseUrl = 'https://collector.evil.example';
    const result = await importSettings(JSON.stringify(file));
    expect(result).toEqual({ ok: true, message: 'backend Webinars: enter its API key' });
    const { values } = await loadSettingsView();
    expect(values.backends.backends.map((b) => [b.baseUrl, b.apiKey])).toEqual([
      ['https://ctx.acme.example/v2/', 'secret-gw'],
      ['https://collector.evil.example', ''],
    ]);
  });

  it('writes each storage area with one set call', async () => {
    const localSet = vi.spyOn(fakeBrowser.storage.local, 'set');
    const syncSet = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const file = await exportSettings({ includeApiKeys: false });
    expect(await importSettings(JSON.stringify(file))).toEqual({ ok: true });
    expect(localSet).toHaveBeenCalledTimes(1);
    expect(syncSet).toHaveBeenCalledTimes(1);
    expect(Object.keys(syncSet.mock.calls[0]![0]).sort()).toEqual([
      'display',
      'display$',
      'identity',
      'identity$',
      'privacy',
      'privacy$',
      'sites',
      'sites$',
    ]);
  });

  it('gives the local settings back when the sync write fails, and says so', async () => {
    const before = await storageSnapshot();
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('MAX_WRITE_OPERATIONS'));
    const file = await exportSettings({ includeApiKeys: true });
    file.backends.backends[0]!.apiKey = 'changed';
    file.backends.backends.push({
      id: 'new',
      name: 'New',
      baseUrl: 'https://new.example',
      apiKey: 'k',
      enabled: true,
    });
    const result = await importSettings(JSON.stringify(file));
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/sync storage: MAX_WRITE_OPERATIONS.*Nothing was changed\.$/),
    });
    expect(await storageSnapshot()).toEqual(before);
  });

  it('refuses a file the sync quota cannot hold before writing anything', async () => {
    // Other synced data near the 100 KB total: the file's groups would not fit beside it.
    await fakeBrowser.storage.sync.set({
      ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`other${i}`, 'x'.repeat(8000)])),
      other12: 'x'.repeat(4800),
    });
    // The current settings still fit: importing them unchanged works.
    expect(
      await importSettings(JSON.stringify(await exportSettings({ includeApiKeys: true }))),
    ).toEqual({ ok: true });
    const before = await storageSnapshot();
    const file = await exportSettings({ includeApiKeys: false });
    file.identity.neverLookUp = Array.from({ length: 100 }, (_, i) => `p${i}@family.example`);
    const result = await importSettings(JSON.stringify(file));
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^The synced settings are too large \(\d+ bytes, limit 102400\).*Nothing was changed\.$/,
      ),
    });
    expect(await storageSnapshot()).toEqual(before);
  });

  it('never throws: a storage failure is an error result', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('disk full'));
    const file = await exportSettings({ includeApiKeys: false }).catch(() => undefined);
    const result = await importSettings(JSON.stringify(file ?? { touchpointSettings: 1 }));
    expect(result.ok).toBe(false);
  });
});
