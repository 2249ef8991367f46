import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { saveSettingsGroup } from '../settings/settings-store';
import { listAuditLog } from './audit-log';
import { getContactContext, registerContextHandlers } from './context-handlers';

/** The background's lookups, with the effective settings and a stubbed network. */

const BACKEND = {
  id: 'ref',
  name: 'Reference',
  baseUrl: 'http://127.0.0.1:9',
  apiKey: 'k',
  enabled: true,
};
const JANE = 'jane@client.example';

let bodies: unknown[] = [];

function answer(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
}

beforeAll(() => {
  fakeBrowser.reset();
  registerContextHandlers();
});
beforeEach(async () => {
  await fakeBrowser.storage.local.clear();
  await fakeBrowser.storage.sync.clear();
  await fakeBrowser.storage.session.clear();
  bodies = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.url.endsWith('/v1/health')) {
      return answer({ status: 'ok', apiVersion: '1', features: ['emailSha256'] });
    }
    const body = (await request.json()) as { contacts: unknown[] };
    bodies.push(body);
    return answer({
      results: body.contacts.map((ref) => ({ ref, match: { status: 'not_found' } })),
    });
  });
  await saveSettingsGroup('backends', { backends: [BACKEND] });
  await saveSettingsGroup('identity', {
    ownEmails: ['me@acme.example'],
    internalDomains: ['acme.example'],
    neverLookUp: ['family.example'],
  });
});
afterEach(() => vi.unstubAllGlobals());

async function send(type: string, data: unknown, sender: { url?: string }) {
  const answers = await (
    fakeBrowser.runtime.onMessage as unknown as {
      trigger(message: unknown, sender: unknown): Promise<unknown[]>;
    }
  ).trigger({ id: 1, type, data, timestamp: 0 }, sender);
  return answers.find((a) => a !== undefined) as { res?: unknown; err?: { message: string } };
}

describe('getContactContext', () => {
  it('never looks up own, internal or never-look-up addresses', async () => {
    const contexts = await getContactContext({
      emails: ['me@acme.example', 'bob@eu.acme.example', 'mum@family.example', JANE],
      site: 'gmail',
    });
    expect(Object.keys(contexts)).toEqual([JANE]);
    expect(contexts[JANE]).toMatchObject({ state: 'not_found' });
    expect(bodies).toEqual([expect.objectContaining({ contacts: [{ email: JANE }] })]);
    expect(await listAuditLog()).toEqual([
      expect.objectContaining({
        site: 'gmail',
        contact: JANE,
        backendId: 'ref',
        outcome: 'not_found',
      }),
    ]);
  });

  it('sends and records only the hash with hashed lookups on', async () => {
    await saveSettingsGroup('privacy', {
      hashedLookups: true,
      lookupOnlyWhenOpened: false,
      persistCache: false,
      auditLog: true,
    });
    await getContactContext({ emails: [JANE] });
    expect(JSON.stringify(bodies)).not.toContain(JANE);
    const [entry] = await listAuditLog();
    expect(entry?.contact).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(entry?.site).toBe('sidebar');
  });

  it('says not_configured without an enabled backend', async () => {
    await saveSettingsGroup('backends', { backends: [{ ...BACKEND, enabled: false }] });
    const contexts = await getContactContext({ emails: [JANE] });
    expect(contexts[JANE]).toMatchObject({ state: 'not_configured' });
    expect(bodies).toEqual([]);
  });

  it('answers extension pages only', async () => {
    const page = { url: fakeBrowser.runtime.getURL('/sidebar.html') };
    const contentScript = { url: 'https://mail.google.com/mail/u/0/' };
    const refused = await send('getContactContext', { emails: [JANE] }, contentScript);
    expect(refused.err?.message).toMatch(/Only the extension/);
    const answered = await send('getContactContext', { emails: [JANE] }, page);
    expect(answered.res).toMatchObject({ [JANE]: { state: 'not_found' } });
  });
});
