import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventsResponse, LookupResponse, type Engagement } from '../../utils/contract/schemas';
import { engagementTypeForEvent, snakeName } from '../../server/segment';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

async function segment(json: unknown) {
  const response = await server.call('POST', '/v1/ingest/segment', { key: 'write', json });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return EventsResponse.parse(response.body);
}

async function contactOf(email: string) {
  const response = await server.call('POST', '/v1/lookup', {
    key: 'read',
    json: { contacts: [{ email }], engagementLimit: 200 },
  });
  return LookupResponse.parse(response.body).results[0];
}

describe('event name mapping', () => {
  it.each([
    ['Email Opened', 'email.opened'],
    ['Email Link Clicked', 'email.clicked'],
    ['Form Submitted', 'form.submitted'],
    ['Webinar Attended', 'event.attended'],
    ['email_opened', 'email.opened'],
    ['asset.downloaded', 'asset.downloaded'],
    ['Demo Booked', 'custom.demo_booked'],
    ['pricingPageVisited!', 'custom.pricing_page_visited'],
  ])('%s → %s', (name, type) => {
    expect(engagementTypeForEvent(name)).toBe(type);
  });

  it('snake-cases odd names to something non-empty', () => {
    expect(snakeName('  ***  ')).toBe('event');
  });
});

describe('POST /v1/ingest/segment', () => {
  it('maps a single track call, with userId as the email and messageId as the id', async () => {
    const call = {
      type: 'track',
      event: 'Email Opened',
      userId: 'Sam@Delta.example',
      messageId: 'm-1',
      timestamp: '2026-03-01T10:00:00Z',
      properties: { subject: 'Spring launch', campaignId: 'cmp-1', nested: { x: 1 } },
    };
    expect(await segment(call)).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await segment(call)).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    const [engagement] = (await contactOf('sam@delta.example'))?.engagements ?? [];
    expect(engagement).toMatchObject<Partial<Engagement>>({
      id: 'segment:m-1',
      type: 'email.opened',
      title: 'Spring launch',
      occurredAt: '2026-03-01T10:00:00Z',
      campaignId: 'cmp-1',
      channel: 'email',
      source: { system: 'segment', rawType: 'Email Opened' },
      details: { subject: 'Spring launch', campaignId: 'cmp-1' },
    });
  });

  it('maps a batch of identify, page and track (unknown name) calls', async () => {
    const result = await segment({
      batch: [
        {
          type: 'identify',
          userId: 'u-42',
          traits: {
            email: 'lee@epsilon.example',
            firstName: 'Lee',
            lastName: 'Park',
            company: 'Epsilon',
          },
        },
        {
          type: 'page',
          userId: 'u-42',
          messageId: 'p-1',
          name: 'Pricing',
          context: { traits: { email: 'lee@epsilon.example' } },
          properties: { url: 'https://epsilon.example/pricing', title: 'Pricing' },
          timestamp: '2026-03-02T09:00:00Z',
        },
        {
          type: 'track',
          event: 'Demo Booked',
          messageId: 't-1',
          context: { traits: { email: 'LEE@epsilon.example' } },
          timestamp: '2026-03-03T09:00:00Z',
        },
      ],
    });
    expect(result).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    const lee = await contactOf('lee@epsilon.example');
    expect(lee?.contact).toMatchObject({ name: 'Lee Park', company: { name: 'Epsilon' } });
    expect(lee?.engagements?.map((e) => [e.type, e.url ?? null])).toEqual([
      ['custom.demo_booked', null],
      ['web.page_viewed', 'https://epsilon.example/pricing'],
    ]);
  });

  it('rejects calls without a contact email or with a bad timestamp, by index', async () => {
    const result = await segment({
      batch: [
        { type: 'track', event: 'Email Opened', userId: 'anonymous-123', messageId: 'x-1' },
        { type: 'screen', userId: 'kay@zeta.example' },
        {
          type: 'track',
          event: 'Email Opened',
          userId: 'kay@zeta.example',
          timestamp: 'last tuesday',
        },
        { type: 'track', event: 'Email Opened', userId: 'kay@zeta.example', messageId: 'ok-1' },
      ],
    });
    expect(result.accepted).toBe(1);
    expect(result.rejected.map((r) => r.index)).toEqual([0, 1, 2]);
    expect(result.rejected[0]?.error).toMatch(/no contact email/);
    expect(result.rejected[1]?.error).toMatch(/^type:/);
    expect(result.rejected[2]?.error).toMatch(/^timestamp:/);
  });
});

describe('POST /v1/ingest/segment request shape', () => {
  it.each([
    [[], /send one call/],
    [{ batch: 5 }, /"batch" must be an array/],
    [{ batch: [] }, /"batch" must be an array of 1 to 1000/],
  ])('answers %j with a 400 that says which shape to send', async (json, message) => {
    const response = await server.call('POST', '/v1/ingest/segment', { key: 'write', json });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: { code: 'invalid_request', message: expect.stringMatching(message) },
    });
  });
});
