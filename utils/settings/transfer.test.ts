import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { backendSettings, identitySettings, privacySettings, siteSettings } from './items';
import { loadSettingsView } from './settings-store';
import { exportSettings, importSettings } from './transfer';

beforeEach(async () => {
  fakeBrowser.reset();
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
});
