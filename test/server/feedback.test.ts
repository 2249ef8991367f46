import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedbackList } from '../../utils/api/schemas';
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
