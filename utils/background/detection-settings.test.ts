import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { identitySettings, siteSettings } from '../settings/items';
import { rememberOwnEmails, DETECTED_OWN_EMAILS_LIMIT } from './detected-own-emails';
import { broadcastDetectionSettingsChanges, getDetectionSettings } from './detection-settings';

beforeEach(async () => {
  fakeBrowser.reset();
  await identitySettings.setValue({
    ownEmails: ['rep@seller.example'],
    internalDomains: ['seller.example'],
    neverLookUp: ['mum@family.example', 'investors.example'],
  });
});
afterEach(() => vi.restoreAllMocks());

describe('getDetectionSettings', () => {
  it('treats never-look-up addresses as own and its domains as internal', async () => {
    expect(await getDetectionSettings()).toEqual({
      ownEmails: ['rep@seller.example', 'mum@family.example'],
      internalDomains: ['seller.example', 'investors.example'],
      disabledSites: [],
      customDomains: [],
    });
  });

  it('applies the team policy', async () => {
    await siteSettings.setValue({
      disabled: [],
      customDomains: [{ origin: 'https://crm.acme.example', adapter: 'salesforce' }],
    });
    await fakeBrowser.storage.managed.set({
      identity: { internalDomains: ['acme.example'] },
      sites: { disabled: ['zoho'] },
    });
    expect(await getDetectionSettings()).toMatchObject({
      internalDomains: ['acme.example', 'investors.example'],
      disabledSites: ['zoho'],
      customDomains: [{ origin: 'https://crm.acme.example', adapter: 'salesforce' }],
    });
  });

  it('adds the addresses pages showed as the user’s, lowercase, at most 20', async () => {
    await rememberOwnEmails(['Me@Gmail.example', 'not an address', 42]);
    await rememberOwnEmails(['me@gmail.example', 'me@outlook.example']);
    expect((await getDetectionSettings()).ownEmails).toEqual([
      'rep@seller.example',
      'me@gmail.example',
      'me@outlook.example',
      'mum@family.example',
    ]);
    await rememberOwnEmails(Array.from({ length: 30 }, (_, i) => `a${i}@x.example`));
    const { ownEmails } = await getDetectionSettings();
    expect(ownEmails.filter((e) => e.endsWith('@x.example'))).toHaveLength(
      DETECTED_OWN_EMAILS_LIMIT,
    );
  });
});

describe('broadcastDetectionSettingsChanges', () => {
  it('pushes the new rules to open tabs when the team policy changes', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 }] as never);
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const stop = broadcastDetectionSettingsChanges();
    await fakeBrowser.storage.managed.set({ identity: { internalDomains: ['acme.example'] } });
    await vi.waitFor(() => expect(sent).toHaveBeenCalled());
    stop();
    const [tabId, message] = sent.mock.calls.at(-1) as [number, { data: unknown }];
    expect(tabId).toBe(7);
    expect(message.data).toMatchObject({ internalDomains: ['acme.example', 'investors.example'] });
  });
});
