import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { storage } from 'wxt/utils/storage';
import { backendSettings, identitySettings, siteSettings } from './items';

/**
 * Settings saved by older versions are migrated, not lost. The stored values below are what
 * version 1 of each item wrote (value + WXT's `<key>$` meta; no meta means version 1).
 */
beforeEach(() => fakeBrowser.reset());

describe('settings migrations', () => {
  it('turns the single version-1 backend into the first of a list, key included', async () => {
    await fakeBrowser.storage.local.set({
      backend: { baseUrl: 'https://context.acme.example', apiKey: 'secret-read-key' },
    });
    await backendSettings.migrate();
    expect(await backendSettings.getValue()).toEqual({
      backends: [
        {
          id: 'backend-1',
          name: 'Backend',
          baseUrl: 'https://context.acme.example',
          apiKey: 'secret-read-key',
          enabled: true,
        },
      ],
    });
    expect(await storage.getMeta('local:backend')).toEqual({ v: 2 });
  });

  it('migrates a version-1 backend without a URL to an empty list', async () => {
    await fakeBrowser.storage.local.set({ backend: { baseUrl: '', apiKey: '' } });
    await backendSettings.migrate();
    expect(await backendSettings.getValue()).toEqual({ backends: [] });
  });

  it('keeps version-1 identity and site settings and adds the new lists', async () => {
    await fakeBrowser.storage.sync.set({
      identity: { ownEmails: ['jane@corp.example'], internalDomains: ['corp.example'] },
      sites: { disabled: ['zoho'] },
    });
    await identitySettings.migrate();
    await siteSettings.migrate();
    expect(await identitySettings.getValue()).toEqual({
      ownEmails: ['jane@corp.example'],
      internalDomains: ['corp.example'],
      neverLookUp: [],
    });
    expect(await siteSettings.getValue()).toEqual({ disabled: ['zoho'], customDomains: [] });
  });

  it('leaves current-version values alone', async () => {
    const current = {
      backends: [{ id: 'x', name: 'X', baseUrl: 'https://x.example', apiKey: 'k', enabled: false }],
    };
    await fakeBrowser.storage.local.set({ backend: current, backend$: { v: 2 } });
    await backendSettings.migrate();
    expect(await backendSettings.getValue()).toEqual(current);
  });
});
