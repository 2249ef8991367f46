import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { syncCustomDomains, type CustomDomainApi } from './custom-domains';

beforeEach(() => fakeBrowser.reset());

/** The scripting and permissions APIs in memory (the fake browser implements neither). */
function fakeApi(grantedOrigins: string[]) {
  const granted = new Set(grantedOrigins);
  const scripts = new Map<string, { id: string; js?: string[]; matches?: string[] }>();
  const removed: string[] = [];
  const api: CustomDomainApi = {
    getRegistered: async () => [...scripts.values()],
    register: async (list) => {
      for (const script of list) {
        if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        scripts.set(script.id, script);
      }
    },
    unregister: async (ids) => ids.forEach((id) => scripts.delete(id)),
    hasPermission: async ({ origins }) => origins.every((o) => granted.has(o)),
    removePermission: async ({ origins }) => {
      origins.forEach((o) => {
        granted.delete(o);
        removed.push(o);
      });
      return true;
    },
  };
  return { api, scripts, granted, removed };
}

const CRM = { origin: 'https://crm.acme.example', adapter: 'salesforce' as const };
const MAIL = { origin: 'https://mail.acme.example', adapter: 'outlook' as const };

describe('syncCustomDomains', () => {
  it('registers one script per granted domain, with its adapter’s script', async () => {
    const fake = fakeApi(['https://crm.acme.example/*']);
    await syncCustomDomains([CRM, MAIL], { api: fake.api });
    expect([...fake.scripts.values()]).toEqual([
      {
        id: 'custom:https://crm.acme.example',
        js: ['content-scripts/salesforce.js'],
        matches: ['https://crm.acme.example/*'],
        runAt: 'document_idle',
      },
    ]);
    // Granted later (the options page asked): the next sync registers it; nothing twice.
    fake.granted.add('https://mail.acme.example/*');
    await syncCustomDomains([CRM, MAIL], { api: fake.api });
    expect([...fake.scripts.keys()]).toEqual([
      'custom:https://crm.acme.example',
      'custom:https://mail.acme.example',
    ]);
  });

  it('re-registers a domain whose adapter changed', async () => {
    const fake = fakeApi(['https://crm.acme.example/*']);
    await syncCustomDomains([CRM], { api: fake.api });
    await syncCustomDomains([{ ...CRM, adapter: 'generic' }], { api: fake.api });
    expect(fake.scripts.get('custom:https://crm.acme.example')?.js).toEqual([
      'content-scripts/generic.js',
    ]);
  });

  it('unregisters a removed domain and gives its permission back', async () => {
    const fake = fakeApi(['https://crm.acme.example/*', 'https://mail.acme.example/*']);
    await syncCustomDomains([CRM, MAIL], { api: fake.api });
    await syncCustomDomains([MAIL], { api: fake.api, previous: [CRM, MAIL] });
    expect([...fake.scripts.keys()]).toEqual(['custom:https://mail.acme.example']);
    expect(fake.removed).toEqual(['https://crm.acme.example/*']);
  });

  it('keeps the permission of a removed domain a backend still uses', async () => {
    const fake = fakeApi(['https://crm.acme.example/*']);
    await syncCustomDomains([CRM], { api: fake.api });
    await syncCustomDomains([], {
      api: fake.api,
      previous: [CRM],
      keepOrigins: ['https://crm.acme.example'],
    });
    expect(fake.scripts.size).toBe(0);
    expect(fake.removed).toEqual([]);
  });

  it('leaves scripts it did not register alone', async () => {
    const fake = fakeApi([]);
    fake.scripts.set('other', { id: 'other', js: ['x.js'], matches: ['https://x.example/*'] });
    await syncCustomDomains([], { api: fake.api });
    expect([...fake.scripts.keys()]).toEqual(['other']);
  });
});
