import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { clearTabContacts, getTabContacts, setTabContacts } from './tab-contacts';

const entry = (email: string) => ({
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmzPqLKGrxxSdWvNBqFk',
  contacts: [{ email, role: 'sender' as const, site: 'gmail', confidence: 1 }],
  detectedAt: 1,
});

beforeEach(() => fakeBrowser.reset());

describe('tab contacts', () => {
  it('keeps contacts per tab and clears them', async () => {
    await setTabContacts(1, entry('jane@acme.example'));
    await setTabContacts(2, entry('raj@globex.example'));
    expect((await getTabContacts(1))?.contacts[0]?.email).toBe('jane@acme.example');
    expect((await getTabContacts(2))?.contacts[0]?.email).toBe('raj@globex.example');
    await clearTabContacts(1);
    expect(await getTabContacts(1)).toBeNull();
    expect(await getTabContacts(2)).not.toBeNull();
  });

  it('loses no update when tabs report at the same time', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => setTabContacts(i + 1, entry(`u${i}@acme.example`))),
    );
    for (let i = 0; i < 20; i++) {
      expect((await getTabContacts(i + 1))?.contacts[0]?.email).toBe(`u${i}@acme.example`);
    }
  });

  it('forgets a tab that reports no contacts', async () => {
    await setTabContacts(3, entry('jane@acme.example'));
    await setTabContacts(3, { ...entry('x@y.example'), contacts: [] });
    expect(await getTabContacts(3)).toBeNull();
  });
});
