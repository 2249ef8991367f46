import { afterEach, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { EngagementsPage, LookupResponse } from '../../utils/contract/schemas';
import { makeEvent, makeTempDir, startTestServer, type TestServer } from './harness';

const started: TestServer[] = [];
afterEach(async () => {
  for (const server of started.splice(0)) await server.close();
});

async function start(dir: string) {
  const server = await startTestServer({ dir });
  started.push(server);
  return server;
}

async function lookupJane(server: TestServer) {
  const response = await server.call('POST', '/v1/lookup', {
    key: 'read',
    json: {
      contacts: [
        { email: 'jane@acme.example' },
        { crm: { system: 'hubspot', objectType: 'contact', id: '501' } },
      ],
    },
  });
  return LookupResponse.parse(response.body).results;
}

async function seedJane(server: TestServer) {
  await server.call('PUT', '/v1/campaigns/cmp-1', { key: 'write', json: { name: 'Webinar' } });
  await server.call('PUT', '/v1/contacts/jane%40acme.example', {
    key: 'write',
    json: { name: 'Jane', externalIds: [{ system: 'hubspot', id: '501' }] },
  });
  await server.call('PUT', '/v1/campaigns/cmp-1/members/jane%40acme.example', {
    key: 'write',
    json: { memberStatus: 'Registered' },
  });
  await server.call('POST', '/v1/events', {
    key: 'write',
    json: {
      events: [
        makeEvent({ id: 'j1' }),
        makeEvent({ id: 'j2', type: 'highlight', title: 'Hot' }),
        makeEvent({ id: 'k1', contact: { email: 'ken@acme.example' } }),
      ],
    },
  });
  await server.call('POST', '/v1/feedback', {
    key: 'read',
    json: {
      id: 'feedback-jane-1',
      contact: { email: 'jane@acme.example' },
      kind: 'messaging_landed',
      messagingId: 'msg-1',
    },
  });
}

describe('erasure', () => {
  it('removes the contact, its engagements, memberships, CRM ids and feedback', async () => {
    const dir = await makeTempDir();
    const server = await start(dir);
    await seedJane(server);
    const [before] = await lookupJane(server);
    expect(before?.engagements).toHaveLength(1);
    expect(before?.campaigns).toHaveLength(1);
    const janeId = before?.contact?.id;

    const erase = await server.call('DELETE', '/v1/contacts/Jane%40ACME.example', { key: 'admin' });
    expect(erase.status).toBe(204);
    expect((await lookupJane(server)).map((r) => r.match.status)).toEqual([
      'not_found',
      'not_found',
    ]);
    const page = await server.call('GET', `/v1/contacts/${janeId}/engagements`, { key: 'read' });
    expect(page.status).toBe(404);
    const feedback = await server.call('GET', '/v1/feedback', { key: 'read' });
    expect(feedback.body).toMatchObject({ feedback: [], summary: { byMessaging: {} } });

    // Other contacts are untouched, and re-sent events of the erased contact come back fresh.
    const ken = await server.call('POST', '/v1/lookup', {
      key: 'read',
      json: { contacts: [{ email: 'ken@acme.example' }] },
    });
    expect(LookupResponse.parse(ken.body).results[0]?.engagements).toHaveLength(1);
    await server.dispose();
    await rm(dir, { recursive: true, force: true });
  });
});

describe('restart', () => {
  it('keeps every object when started again on the same file', async () => {
    const dir = await makeTempDir();
    const first = await start(dir);
    await seedJane(first);
    const before = await lookupJane(first);
    await first.close();

    const second = await start(dir);
    const after = await lookupJane(second);
    // fetchedAt differs per request; everything else is identical.
    const strip = (results: typeof before) => results.map(({ sources: _sources, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
    expect(after[0]?.highlights).toHaveLength(1);
    const id = after[0]?.contact?.id;
    const page = await second.call('GET', `/v1/contacts/${id}/engagements`, { key: 'read' });
    expect(EngagementsPage.parse(page.body).engagements.map((e) => e.id)).toEqual(['j1']);
    await second.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 500 internal, without a stack trace, when the store fails', async () => {
    const dir = await makeTempDir();
    const logged: Array<Record<string, unknown>> = [];
    const server = await startTestServer({ dir, log: (entry) => logged.push(entry) });
    started.push(server);
    await server.store.close(); // the database goes away under a running server
    const response = await server.call('POST', '/v1/lookup', {
      key: 'read',
      json: { contacts: [{ email: 'jane@acme.example' }] },
    });
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      error: { code: 'internal', message: expect.any(String) },
    });
    expect(JSON.stringify(response.body)).not.toMatch(/sqlite|\bat\b.*\.ts/i);
    expect(
      logged.some((entry) => entry.level === 'error' && String(entry.error).includes('database')),
    ).toBe(true);
    await rm(dir, { recursive: true, force: true });
  });
});
