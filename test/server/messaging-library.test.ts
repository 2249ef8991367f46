import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCENARIOS } from '../../server/seed/demo';
import { MessagingList } from '../../utils/contract/schemas';
import { startTestServer, type TestServer } from './harness';

/**
 * `GET /v1/messaging` on the reference server with the demo data: the library, and (additive
 * to the contract) the campaigns its messaging references, with their status — what the
 * messaging library page's lint needs to flag expired messaging on a running campaign.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: 'demo' });
});
afterAll(() => server.dispose());

async function library(query = '') {
  const response = await server.call('GET', `/v1/messaging${query}`, { key: 'read' });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return MessagingList.parse(response.body);
}

describe('GET /v1/messaging campaigns', () => {
  it('lists every campaign the library references, each once, with its status', async () => {
    const { messaging, campaigns = [] } = await library();
    expect(messaging.length).toBeGreaterThan(0);
    const ids = campaigns.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const referenced = new Set(messaging.flatMap((m) => m.campaignIds ?? []));
    expect(referenced.size).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(referenced);
    for (const campaign of campaigns) expect(campaign.status).toBeDefined();

    const { messagingId, campaignId } = DEMO_SCENARIOS.expiredOnActive;
    const expired = messaging.find((m) => m.id === messagingId);
    expect(Date.parse(expired?.validUntil ?? '')).toBeLessThan(Date.now());
    expect(campaigns.find((c) => c.id === campaignId)).toMatchObject({ status: 'active' });
  });

  it('lists only the campaigns of the messaging it returns (ids filter)', async () => {
    const { messaging, campaigns = [] } = await library('?ids=msg-integrations');
    expect(messaging.map((m) => m.id)).toEqual(['msg-integrations']);
    expect(campaigns.map((c) => c.id).sort()).toEqual(
      [...(messaging[0]?.campaignIds ?? [])].sort(),
    );
    expect(campaigns.length).toBeGreaterThan(0);
  });

  it('includes a campaign that names the messaging although the messaging does not name it', async () => {
    const put = (path: string, json: unknown) =>
      server.call('PUT', path, { key: 'write', json }).then((r) => {
        expect(r.status, JSON.stringify(r.body)).toBe(200);
      });
    await put('/v1/messaging/msg-lonely', {
      theme: 'Lonely',
      statement: 'Named only by a campaign.',
      talkingPoints: ['One point'],
    });
    await put('/v1/campaigns/cmp-names-lonely', {
      name: 'Names the lonely messaging',
      status: 'planned',
      messagingIds: ['msg-lonely'],
    });
    const { campaigns = [] } = await library('?ids=msg-lonely');
    expect(campaigns).toEqual([
      expect.objectContaining({ id: 'cmp-names-lonely', status: 'planned' }),
    ]);
  });

  it('answers an empty campaign list when no messaging matches', async () => {
    expect(await library('?ids=msg-does-not-exist')).toEqual({ messaging: [], campaigns: [] });
  });
});
