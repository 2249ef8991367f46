import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../server/demo-keys';
import { DEMO_SCENARIOS } from '../../server/seed/demo';
import {
  fetchMessagingLibrary,
  MAX_OBJECTIONS_PER_ENTRY,
  type MessagingLibrary,
} from '../../utils/backend-client/library-client';
import { FeedbackList, MessagingList } from '../../utils/contract/schemas';
import type { BackendConfig } from '../../utils/settings/schema';
import { startTestServer, type TestServer } from './harness';

/**
 * The library client (utils/backend-client/library-client.ts) against the reference server with the
 * demo data: what the messaging library page shows, computed from what the server says.
 */

let server: TestServer;
let second: TestServer;
beforeAll(async () => {
  [server, second] = await Promise.all([
    startTestServer({ seed: 'demo' }),
    startTestServer({ seed: 'demo' }),
  ]);
});
afterAll(async () => {
  await Promise.all([server?.dispose(), second?.dispose()]);
});

function backend(id: string, baseUrl: string, apiKey: string = DEMO_KEYS.read): BackendConfig {
  return { id, name: `Backend ${id}`, baseUrl, apiKey, enabled: true };
}

async function serverSummary(target: TestServer) {
  const response = await target.call('GET', '/v1/feedback', { key: 'read' });
  expect(response.status).toBe(200);
  return FeedbackList.parse(response.body).summary;
}

async function serverLibrary(target: TestServer) {
  const response = await target.call('GET', '/v1/messaging', { key: 'read' });
  expect(response.status).toBe(200);
  return MessagingList.parse(response.body);
}

function entry(library: MessagingLibrary, id: string) {
  const found = library.entries.find((e) => e.messaging.id === id);
  expect(found, `entry ${id}`).toBeDefined();
  return found as NonNullable<typeof found>;
}

describe('fetchMessagingLibrary', () => {
  it('lists the library with its campaigns and the feedback counts the server reports', async () => {
    const library = await fetchMessagingLibrary({ backends: [backend('ref', server.url)] });
    const expected = await serverLibrary(server);
    const summary = await serverSummary(server);

    expect(library.sources).toEqual([
      {
        backendId: 'ref',
        name: 'Backend ref',
        messaging: { state: 'ok' },
        feedback: { state: 'ok' },
        campaignsListed: true,
      },
    ]);
    expect(library.entries.map((e) => e.messaging.id).sort()).toEqual(
      expected.messaging.map((m) => m.id).sort(),
    );
    for (const e of library.entries) {
      expect(e.backendId).toBe('ref');
      expect(e.feedback, e.messaging.id).toEqual(summary.byMessaging[e.messaging.id]);
      expect(e.objections.length).toBe(
        Math.min(summary.byMessaging[e.messaging.id]?.objections ?? 0, MAX_OBJECTIONS_PER_ENTRY),
      );
    }
    // The demo data has feedback to show, on messaging and on assets.
    expect(library.entries.some((e) => (e.feedback?.missed ?? 0) > 0)).toBe(true);
    expect(library.assets.length).toBeGreaterThan(0);
    for (const asset of library.assets) {
      const { helpful, notHelpful } = summary.byAsset[asset.assetId] ?? {};
      expect(asset).toEqual({ assetId: asset.assetId, helpful, notHelpful });
    }
    const { messagingId, campaignId } = DEMO_SCENARIOS.expiredOnActive;
    expect(entry(library, messagingId).messaging.campaignIds).toContain(campaignId);
    expect(library.campaigns.find((c) => c.id === campaignId)?.status).toBe('active');
    expect(library.campaigns).toEqual(expected.campaigns);
  });

  it('keeps each entry’s newest objections, reading feedback page by page', async () => {
    const id = 'msg-roi-proof';
    const before = (await serverSummary(server)).byMessaging[id]?.objections ?? 0;
    const texts = ['oldest', 'older', 'middle', 'newer', 'newest'];
    for (const [i, text] of texts.entries()) {
      const response = await server.call('POST', '/v1/feedback', {
        key: 'read',
        json: {
          id: `fb-library-test-${i}`,
          contact: { email: 'someone@client.example' },
          kind: 'objection',
          messagingId: id,
          text,
          occurredAt: new Date(Date.now() - (texts.length - i) * 60_000).toISOString(),
          rep: { name: 'Test Rep' },
        },
      });
      expect(response.status).toBe(201);
    }
    const library = await fetchMessagingLibrary({
      backends: [backend('ref', server.url)],
      feedbackPageSize: 2,
    });
    const roi = entry(library, id);
    expect(roi.feedback?.objections).toBe(before + texts.length);
    expect(roi.objections.map((o) => o.text)).toEqual(['newest', 'newer', 'middle']);
    expect(roi.objections[0]).toMatchObject({ backendId: 'ref', repName: 'Test Rep' });
    // Objections of other entries further down the feed were found too.
    const summary = await serverSummary(server);
    for (const e of library.entries) {
      expect(e.objections.length, e.messaging.id).toBe(
        Math.min(summary.byMessaging[e.messaging.id]?.objections ?? 0, MAX_OBJECTIONS_PER_ENTRY),
      );
    }
  });

  it('reports each backend’s failure in its own source and still shows the others', async () => {
    const closed = await startTestServer();
    const deadUrl = closed.url;
    await closed.dispose();
    const library = await fetchMessagingLibrary({
      backends: [
        backend('dead', deadUrl),
        backend('wrong-key', second.url, 'tp_wrong_key'),
        backend('plain-http', 'http://context.example.com'),
        backend('ref', server.url),
      ],
      retries: 0,
    });
    const [dead, wrongKey, plainHttp, ok] = library.sources;
    expect(dead?.messaging).toMatchObject({ state: 'unreachable' });
    expect(dead?.messaging.state !== 'ok' && dead?.messaging.message).toContain(
      `Cannot connect to ${deadUrl}`,
    );
    expect(wrongKey?.messaging).toMatchObject({ state: 'unauthorized' });
    expect(wrongKey?.messaging.state !== 'ok' && wrongKey?.messaging.message).toMatch(
      /refused the API key/,
    );
    expect(plainHttp?.messaging).toMatchObject({ state: 'not_configured' });
    expect(ok).toMatchObject({ messaging: { state: 'ok' }, feedback: { state: 'ok' } });
    expect(library.entries.length).toBe((await serverLibrary(server)).messaging.length);
    expect(library.entries.every((e) => e.backendId === 'ref')).toBe(true);
  });

  it('lists an id served by two backends once, with their counts summed', async () => {
    const [a, b] = await Promise.all([serverSummary(server), serverSummary(second)]);
    const library = await fetchMessagingLibrary({
      backends: [backend('first', server.url), backend('second', second.url)],
    });
    expect(library.entries.length).toBe((await serverLibrary(server)).messaging.length);
    const id = DEMO_SCENARIOS.expiredOnActive.messagingId;
    const tco = entry(library, id);
    expect(tco.backendId).toBe('first');
    expect(tco.feedback?.missed).toBe(
      (a.byMessaging[id]?.missed ?? 0) + (b.byMessaging[id]?.missed ?? 0),
    );
  });
});

describe('a backend without the feedback feature or campaign list', () => {
  let fake: Server;
  let url: string;
  const asked: string[] = [];
  beforeAll(async () => {
    fake = createServer((req, res) => {
      asked.push(req.url ?? '');
      const send = (body: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.url === '/v1/health') {
        return send({
          status: 'ok',
          apiVersion: '1',
          server: { name: 'plain-backend', version: '1.0.0' },
          features: ['messaging'],
        });
      }
      if (req.url === '/v1/messaging') {
        return send({
          messaging: [{ id: 'm-1', theme: 'Plain', statement: 'S', talkingPoints: ['P'] }],
        });
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'not_found', message: 'no' } }));
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => fake.close(() => resolve())));

  it('shows its library, asks no feedback and says campaign status is unknown', async () => {
    const library = await fetchMessagingLibrary({ backends: [backend('plain', url)] });
    expect(library.entries).toHaveLength(1);
    expect(library.entries[0]).toMatchObject({ backendId: 'plain', objections: [] });
    expect(library.entries[0]?.feedback).toBeUndefined();
    expect(library.sources).toEqual([
      {
        backendId: 'plain',
        name: 'Backend plain',
        messaging: { state: 'ok' },
        campaignsListed: false,
      },
    ]);
    expect(asked.some((path) => path.startsWith('/v1/feedback'))).toBe(false);
  });
});
