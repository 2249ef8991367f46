import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngagementsPage, LookupResponse } from '../../utils/contract/schemas';
import { makeEvent, startTestServer, type TestServer } from './harness';

let server: TestServer;
let contactId: string;
const EMAIL = 'pager@acme.example';

beforeAll(async () => {
  server = await startTestServer();
  // 120 events, several sharing one timestamp so the id tie-break matters.
  const events = Array.from({ length: 120 }, (_, i) =>
    makeEvent({
      id: `page-${String(i).padStart(3, '0')}`,
      type: i % 3 === 0 ? 'email.clicked' : 'email.opened',
      occurredAt: new Date(Date.UTC(2026, 1, 1) + Math.floor(i / 4) * 1000).toISOString(),
      contact: { email: EMAIL },
    }),
  );
  await server.call('POST', '/v1/events', { key: 'write', json: { events } });
  const lookup = await server.call('POST', '/v1/lookup', {
    key: 'read',
    json: { contacts: [{ email: EMAIL }], include: [] },
  });
  contactId = LookupResponse.parse(lookup.body).results[0]?.contact?.id ?? '';
});
afterAll(() => server.dispose());

async function page(query: string) {
  const response = await server.call('GET', `/v1/contacts/${contactId}/engagements?${query}`, {
    key: 'read',
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return EngagementsPage.parse(response.body);
}

async function pageThrough(limit: number, types?: string, between?: (n: number) => Promise<void>) {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const params = new URLSearchParams({ limit: String(limit) });
    if (cursor) params.set('cursor', cursor);
    if (types) params.set('types', types);
    const result = await page(params.toString());
    seen.push(...result.engagements.map((e) => e.id));
    cursor = result.nextCursor;
    pages += 1;
    await between?.(pages);
  } while (cursor);
  return { seen, pages };
}

describe('GET /v1/contacts/{id}/engagements', () => {
  it('pages through every engagement newest first, no duplicates, no gaps', async () => {
    const { seen, pages } = await pageThrough(7);
    expect(pages).toBe(Math.ceil(120 / 7));
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    const expected = Array.from(
      { length: 120 },
      (_, i) => `page-${String(i).padStart(3, '0')}`,
    ).reverse();
    expect(seen).toEqual(expected);
  });

  it('is stable when new events arrive between pages', async () => {
    const before = (await pageThrough(200)).seen;
    let added = 0;
    const { seen } = await pageThrough(10, undefined, async () => {
      added += 1;
      // A fresh touch lands before pages already read: offset paging would repeat an item.
      await server.call('POST', '/v1/events', {
        key: 'write',
        json: {
          events: [
            makeEvent({
              id: `live-new-${added}`,
              occurredAt: '2027-01-01T00:00:00Z',
              contact: { email: EMAIL },
            }),
          ],
        },
      });
    });
    expect(seen).toEqual(before);
  });

  it('filters by types across pages', async () => {
    const { seen } = await pageThrough(5, 'email.clicked');
    expect(seen).toHaveLength(40);
    expect(seen.every((id) => Number(id.slice(5)) % 3 === 0)).toBe(true);
  });

  it('answers 400 invalid_request for a bad cursor and 404 for an unknown contact', async () => {
    for (const cursor of ['garbage', 'eyJ2IjoyfQ', '']) {
      const response = await server.call(
        'GET',
        `/v1/contacts/${contactId}/engagements?cursor=${cursor || '%7B'}`,
        { key: 'read' },
      );
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: 'invalid_request' } });
    }
    const badLimit = await server.call('GET', `/v1/contacts/${contactId}/engagements?limit=0`, {
      key: 'read',
    });
    expect(badLimit.body).toMatchObject({ error: { details: [{ path: 'limit' }] } });
    const unknown = await server.call('GET', '/v1/contacts/ct_nobody/engagements', {
      key: 'read',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'not_found' } });
  });
});
