import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EngagementsPage,
  EventsResponse,
  FeedbackList,
  LookupResponse,
} from '../../utils/contract/schemas';
import { makeEvent, startTestServer, type TestServer } from './harness';

/**
 * The server over HTTP on each store: ingest and lookup, erasure, feedback. The same
 * assertions for SQLite and PostgreSQL, each test on a fresh database.
 */

const started: TestServer[] = [];
afterEach(async () => {
  // Servers that share a database close first; the one that created it drops it last.
  for (const server of started.splice(0).reverse()) await server.dispose();
});

describe.each([{ store: 'sqlite' as const }, { store: 'postgres' as const }])(
  'server on $store',
  ({ store }) => {
    async function start(dbPath?: string) {
      const server = await startTestServer({ store, dbPath });
      started.push(server);
      return server;
    }

    async function seed(server: TestServer) {
      const put = async (path: string, json: unknown) =>
        expect((await server.call('PUT', path, { key: 'write', json })).status).toBeLessThan(300);
      await put('/v1/messaging/msg-roi', {
        theme: 'ROI',
        statement: 'Pays back',
        talkingPoints: [],
      });
      await put('/v1/messaging/msg-sec', {
        theme: 'Security',
        statement: 'SOC 2',
        talkingPoints: [],
      });
      await put('/v1/assets/asset-guide', { title: 'Buyer guide', type: 'document' });
      await put('/v1/campaigns/cmp-q1', { name: 'Q1 nurture', messagingIds: ['msg-sec'] });
      await put('/v1/contacts/jane%40acme.example', {
        name: 'Jane Doe',
        externalIds: [{ system: 'salesforce', type: 'Contact', id: '003ABC' }],
        favouriteColour: 'teal',
      });
      await put('/v1/campaigns/cmp-q1/members/jane%40acme.example', { memberStatus: 'Responded' });
      const events = [
        makeEvent({
          id: 'jane-open',
          occurredAt: '2026-01-20T10:00:00+02:00',
          messagingIds: ['msg-roi'],
        }),
        makeEvent({
          id: 'jane-download',
          type: 'asset.downloaded',
          occurredAt: '2026-02-03T10:00:00Z',
          assetId: 'asset-guide',
        }),
        makeEvent({
          id: 'jane-moment',
          type: 'highlight',
          title: 'Read the guide twice',
          occurredAt: '2026-02-03T11:00:00Z',
        }),
        makeEvent({ id: 'ken-open', contact: { email: 'ken@acme.example' } }),
      ];
      const first = await server.call('POST', '/v1/events', { key: 'write', json: { events } });
      expect(EventsResponse.parse(first.body)).toMatchObject({ accepted: 4, duplicates: 0 });
      // The same delivery again, twice at once: nothing new is stored.
      const again = await Promise.all(
        [1, 2].map(() => server.call('POST', '/v1/events', { key: 'write', json: { events } })),
      );
      for (const response of again) {
        expect(EventsResponse.parse(response.body)).toMatchObject({ accepted: 0, duplicates: 4 });
      }
      const feedback = await server.call('POST', '/v1/feedback', {
        key: 'read',
        json: {
          id: 'fb-jane-1',
          contact: { email: 'jane@acme.example' },
          kind: 'messaging_landed',
          messagingId: 'msg-roi',
        },
      });
      expect(feedback.status).toBe(201);
    }

    async function lookup(server: TestServer, contacts: unknown[]) {
      const response = await server.call('POST', '/v1/lookup', { key: 'read', json: { contacts } });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return LookupResponse.parse(response.body).results;
    }

    it('looks up what was ingested, by email, hash and CRM id, every part joined', async () => {
      const server = await start();
      await seed(server);
      const digest = createHash('sha256').update('jane@acme.example').digest('hex');
      const results = await lookup(server, [
        { email: ' Jane@ACME.example ' },
        { emailSha256: digest },
        { crm: { system: 'Salesforce', objectType: 'Contact', id: '003ABC' } },
      ]);
      expect(results.map((r) => r.contact?.email)).toEqual(Array(3).fill('jane@acme.example'));
      const [jane] = results;
      expect(jane?.contact).toMatchObject({ name: 'Jane Doe', favouriteColour: 'teal' });
      expect(jane?.engagements?.map((e) => e.id)).toEqual(['jane-download', 'jane-open']);
      expect(jane?.engagements?.[1]?.occurredAt).toBe('2026-01-20T10:00:00+02:00');
      expect(jane?.highlights?.map((h) => h.title)).toEqual(['Read the guide twice']);
      expect(jane?.campaigns).toEqual([
        expect.objectContaining({ id: 'cmp-q1', memberStatus: 'Responded' }),
      ]);
      expect(jane?.assets?.map((a) => a.id)).toEqual(['asset-guide']);
      expect(jane?.messaging?.map((m) => m.id)).toEqual(['msg-roi', 'msg-sec']);

      // Pages across months with a cursor, newest first, each engagement once.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `?limit=1${cursor ? `&cursor=${cursor}` : ''}`;
        const response = await server.call(
          'GET',
          `/v1/contacts/${jane?.contact?.id}/engagements${query}`,
          { key: 'read' },
        );
        const page = EngagementsPage.parse(response.body);
        seen.push(...page.engagements.map((e) => e.id));
        cursor = page.nextCursor ?? null;
      } while (cursor);
      expect(seen).toEqual(['jane-download', 'jane-open']);
    });

    it('erases a contact completely, and keeps everyone else across a restart', async () => {
      const server = await start();
      await seed(server);
      const [before] = await lookup(server, [{ email: 'jane@acme.example' }]);
      const erase = await server.call('DELETE', '/v1/contacts/jane%40acme.example');
      expect(erase.status).toBe(204);
      const after = await lookup(server, [
        { email: 'jane@acme.example' },
        { crm: { system: 'salesforce', objectType: 'contact', id: '003ABC' } },
      ]);
      expect(after.map((r) => r.match.status)).toEqual(['not_found', 'not_found']);
      const page = await server.call('GET', `/v1/contacts/${before?.contact?.id}/engagements`, {
        key: 'read',
      });
      expect(page.status).toBe(404);
      const feedback = await server.call('GET', '/v1/feedback', { key: 'read' });
      expect(feedback.body).toMatchObject({ feedback: [], summary: { byMessaging: {} } });

      const again = await start(server.dbPath);
      const [ken] = await lookup(again, [{ email: 'ken@acme.example' }]);
      expect(ken?.engagements?.map((e) => e.id)).toEqual(['ken-open']);
    });

    it('stores feedback once per id, summarises it and pages it', async () => {
      const server = await start();
      const send = (id: string, extra: Record<string, unknown> = {}) =>
        server.call('POST', '/v1/feedback', {
          key: 'read',
          json: {
            id,
            contact: { email: 'jane@acme.example' },
            kind: 'messaging_landed',
            messagingId: 'msg-roi',
            ...extra,
          },
        });
      const statuses = await Promise.all([1, 2, 3].map(() => send('fb-00000001')));
      expect(statuses.map((r) => r.status).sort()).toEqual([200, 200, 201]);
      expect((await send('fb-00000002', { kind: 'objection', text: 'Too dear' })).status).toBe(201);
      const helpful = { kind: 'content_helpful', messagingId: undefined, assetId: 'a-1' };
      expect((await send('fb-00000003', helpful)).status).toBe(201);

      const all = FeedbackList.parse(
        (await server.call('GET', '/v1/feedback', { key: 'read' })).body,
      );
      expect(all.summary).toEqual({
        byMessaging: { 'msg-roi': { landed: 1, missed: 0, objections: 1 } },
        byAsset: { 'a-1': { helpful: 1, notHelpful: 0 } },
      });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = FeedbackList.parse(
          (await server.call('GET', `/v1/feedback${query}`, { key: 'read' })).body,
        );
        seen.push(...page.feedback.map((f) => f.id));
        cursor = page.nextCursor ?? null;
      } while (cursor);
      expect(seen.sort()).toEqual(['fb-00000001', 'fb-00000002', 'fb-00000003']);
    });
  },
);
