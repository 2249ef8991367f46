import { afterEach, describe, expect, it } from 'vitest';
import { EventsResponse, LookupResponse } from '../../utils/contract/schemas';
import { makeEvent, startTestServer, type TestServer } from './harness';

let server: TestServer;
afterEach(() => server.dispose());

async function engagementIds(email: string): Promise<string[]> {
  const response = await server.call('POST', '/v1/lookup', {
    key: 'read',
    json: { contacts: [{ email }], include: ['engagements'], engagementLimit: 200 },
  });
  return (LookupResponse.parse(response.body).results[0]?.engagements ?? []).map((e) => e.id);
}

describe('POST /v1/events', () => {
  it('stores a repeated event id once, within a batch and across batches', async () => {
    server = await startTestServer();
    const event = makeEvent({ contact: { email: 'dup@acme.example' } });
    const first = await server.call('POST', '/v1/events', {
      key: 'write',
      json: { events: [event, event] },
    });
    expect(first.body).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    const again = await server.call('POST', '/v1/events', {
      key: 'write',
      json: { events: [{ ...event, title: 'changed' }] },
    });
    expect(again.body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    expect(await engagementIds('dup@acme.example')).toEqual([event.id]);
  });

  it('stores each event once when five clients send the same batch at once', async () => {
    server = await startTestServer();
    const batch = Array.from({ length: 50 }, () =>
      makeEvent({ contact: { email: 'race@acme.example' } }),
    );
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        server.call('POST', '/v1/events', { key: 'write', json: { events: batch } }),
      ),
    );
    const outcomes = responses.map((r) => EventsResponse.parse(r.body));
    expect(outcomes.reduce((sum, o) => sum + o.accepted, 0)).toBe(50);
    expect(outcomes.reduce((sum, o) => sum + o.duplicates, 0)).toBe(200);
    const ids = await engagementIds('race@acme.example');
    expect(ids).toHaveLength(50);
    expect(new Set(ids).size).toBe(50);
  });

  it('stores the valid events of a mixed batch and reports the invalid ones by index', async () => {
    server = await startTestServer();
    const good1 = makeEvent({ contact: { email: 'mixed@acme.example' } });
    const good2 = makeEvent({ contact: { email: 'mixed@acme.example' } });
    const response = await server.call('POST', '/v1/events', {
      key: 'write',
      json: {
        events: [
          good1,
          { ...makeEvent(), occurredAt: 'yesterday' },
          good2,
          { ...makeEvent(), contact: { email: 'nope' } },
          'not an object',
        ],
      },
    });
    expect(response.status).toBe(200);
    const body = EventsResponse.parse(response.body);
    expect(body.accepted).toBe(2);
    expect(body.rejected.map((r) => r.index)).toEqual([1, 3, 4]);
    expect(body.rejected[0]?.error).toMatch(/^occurredAt:/);
    expect(body.rejected[1]?.error).toMatch(/^contact\.email:/);
    expect(await engagementIds('mixed@acme.example')).toEqual([good2.id, good1.id]);
  });

  it('rejects an empty or oversized batch as a whole', async () => {
    server = await startTestServer();
    const empty = await server.call('POST', '/v1/events', { key: 'write', json: { events: [] } });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({
      error: { code: 'invalid_request', details: [{ path: 'events' }] },
    });
    const tooMany = await server.call('POST', '/v1/events', {
      key: 'write',
      json: { events: Array.from({ length: 1001 }, () => ({})) },
    });
    expect(tooMany.status).toBe(400);
  });
});
