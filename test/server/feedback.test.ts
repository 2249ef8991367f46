import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedbackList } from '../../utils/contract/schemas';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

function feedback(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    contact: { email: 'jane@acme.example' },
    kind: 'messaging_landed',
    messagingId: 'msg-roi',
    ...overrides,
  };
}

async function list(query = '') {
  const response = await server.call('GET', `/v1/feedback${query}`, { key: 'read' });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return FeedbackList.parse(response.body);
}

describe('feedback', () => {
  it('answers 201 the first time and 200 for the same id, storing it once', async () => {
    const first = await server.call('POST', '/v1/feedback', {
      key: 'read',
      json: feedback('fb-00000001'),
    });
    expect(first).toMatchObject({ status: 201, body: { id: 'fb-00000001' } });
    const repeat = await server.call('POST', '/v1/feedback', {
      key: 'read',
      json: feedback('fb-00000001', { text: 'changed' }),
    });
    expect(repeat).toMatchObject({ status: 200, body: { id: 'fb-00000001' } });
    const page = await list('?messagingId=msg-roi');
    expect(page.feedback.map((f) => f.id)).toEqual(['fb-00000001']);
    expect(page.feedback[0]?.text).toBeUndefined();
  });

  it('summarises by messaging and by asset, and pages with a cursor', async () => {
    const items = [
      feedback('fb-00000002', { kind: 'messaging_missed' }),
      feedback('fb-00000003', { kind: 'objection', text: 'Too expensive' }),
      feedback('fb-00000004', { kind: 'content_helpful', messagingId: undefined, assetId: 'a-1' }),
      feedback('fb-00000005', {
        kind: 'content_not_helpful',
        messagingId: undefined,
        assetId: 'a-1',
      }),
      feedback('fb-00000006', { kind: 'note', messagingId: undefined }),
    ];
    for (const item of items) {
      const response = await server.call('POST', '/v1/feedback', { key: 'read', json: item });
      expect(response.status).toBe(201);
    }
    const all = await list();
    expect(all.summary).toEqual({
      byMessaging: { 'msg-roi': { landed: 1, missed: 1, objections: 1 } },
      byAsset: { 'a-1': { helpful: 1, notHelpful: 1 } },
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: FeedbackList = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.feedback.map((f) => f.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `fb-0000000${n}`));
  });

  it('rejects text over 2000 characters and an unknown kind, naming the field', async () => {
    const long = await server.call('POST', '/v1/feedback', {
      key: 'read',
      json: feedback('fb-00000099', { text: 'x'.repeat(2001) }),
    });
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ error: { details: [{ path: 'text' }] } });
    const kind = await server.call('POST', '/v1/feedback', {
      key: 'read',
      json: feedback('fb-00000098', { kind: 'rant' }),
    });
    expect(kind.body).toMatchObject({ error: { details: [{ path: 'kind' }] } });
    const cursor = await server.call('GET', '/v1/feedback?cursor=nonsense', { key: 'read' });
    expect(cursor.status).toBe(400);
  });
});

describe('feedback around the rest of the server', () => {
  it('is listed in the health features', async () => {
    const health = await server.call('GET', '/v1/health', { key: 'read' });
    expect(health.body).toMatchObject({ features: expect.arrayContaining(['feedback']) });
  });

  it('is erased with its contact, whatever the contact was named by', async () => {
    const email = 'erase-me@acme.example';
    const put = await server.call('PUT', `/v1/contacts/${email}`, {
      key: 'write',
      json: { email, name: 'Erase Me' },
    });
    expect(put.status).toBe(200);
    const hash = createHash('sha256').update(email).digest('hex');
    for (const [id, contact] of [
      ['fb-erase-by-email', { email: 'Erase-Me@acme.example' }],
      ['fb-erase-by-hash', { emailSha256: hash }],
    ] as const) {
      const posted = await server.call('POST', '/v1/feedback', {
        key: 'read',
        json: feedback(id, { contact, messagingId: 'msg-erase' }),
      });
      expect(posted.status).toBe(201);
    }
    expect((await list('?messagingId=msg-erase')).feedback).toHaveLength(2);
    const erased = await server.call('DELETE', `/v1/contacts/${email}`, { key: 'admin' });
    expect(erased.status).toBe(204);
    const after = await list('?messagingId=msg-erase');
    expect(after.feedback).toEqual([]);
    expect(after.summary.byMessaging['msg-erase']).toBeUndefined();
  });
});

describe('feedback rate limit', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ feedbackRateLimitPerMinute: 2 });
  });
  afterAll(() => limited?.dispose());

  it('limits feedback per key with Retry-After, without limiting other keys or lookups', async () => {
    for (const id of ['fb-limit-1', 'fb-limit-2']) {
      const ok = await limited.call('POST', '/v1/feedback', { key: 'read', json: feedback(id) });
      expect(ok.status).toBe(201);
    }
    const third = await limited.call('POST', '/v1/feedback', {
      key: 'read',
      json: feedback('fb-limit-3'),
    });
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another key has its own allowance; the same key still looks contacts up.
    const other = await limited.call('POST', '/v1/feedback', {
      key: 'write',
      json: feedback('fb-limit-4'),
    });
    expect(other.status).toBe(201);
    const lookup = await limited.call('POST', '/v1/lookup', {
      key: 'read',
      json: { contacts: [{ email: 'jane@acme.example' }] },
    });
    expect(lookup.status).toBe(200);
    const stored = await limited.call('GET', '/v1/feedback', { key: 'read' });
    expect(
      FeedbackList.parse(stored.body)
        .feedback.map((f) => f.id)
        .sort(),
    ).toEqual(['fb-limit-1', 'fb-limit-2', 'fb-limit-4']);
  });
});
