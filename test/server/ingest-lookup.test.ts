import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventsResponse, LookupResponse } from '../../utils/contract/schemas';
import { makeEvent, startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  // A small world: messaging, an asset, a campaign, a contact with CRM ids and scores.
  await server.call('PUT', '/v1/messaging/msg-roi', {
    key: 'write',
    json: { theme: 'ROI', statement: 'Pays back in a quarter', talkingPoints: ['3x ROI'] },
  });
  await server.call('PUT', '/v1/messaging/msg-security', {
    key: 'write',
    json: { theme: 'Security', statement: 'SOC 2', talkingPoints: ['SSO'] },
  });
  await server.call('PUT', '/v1/messaging/msg-asset', {
    key: 'write',
    json: { theme: 'Case', statement: 'Acme did it', talkingPoints: [] },
  });
  await server.call('PUT', '/v1/assets/asset-guide', {
    key: 'write',
    json: { title: 'Buyer guide', type: 'document', messagingIds: ['msg-asset'] },
  });
  await server.call('PUT', '/v1/campaigns/cmp-q1', {
    key: 'write',
    json: { name: 'Q1 nurture', type: 'nurture', messagingIds: ['msg-security'] },
  });
  await server.call('PUT', '/v1/contacts/jane%40acme.example', {
    key: 'write',
    json: {
      name: 'Jane Doe',
      externalIds: [{ system: 'salesforce', type: 'Contact', id: '003ABC' }],
      scores: [{ name: 'lead_score', value: 87, max: 100 }],
      favouriteColour: 'teal',
    },
  });
  await server.call('PUT', '/v1/campaigns/cmp-q1/members/jane%40acme.example', {
    key: 'write',
    json: { memberStatus: 'Responded', joinedAt: '2026-01-02T00:00:00Z' },
  });
  const ingest = await server.call('POST', '/v1/events', {
    key: 'write',
    json: {
      events: [
        makeEvent({
          id: 'jane-open',
          occurredAt: '2026-02-01T10:00:00+02:00',
          messagingIds: ['msg-roi'],
          contact: { email: '  Jane@ACME.example ', title: 'CFO' },
        }),
        makeEvent({
          id: 'jane-download',
          type: 'asset.downloaded',
          occurredAt: '2026-02-03T10:00:00Z',
          assetId: 'asset-guide',
          contact: { email: 'jane@acme.example' },
        }),
        makeEvent({
          id: 'jane-moment',
          type: 'highlight',
          title: 'Downloaded the buyer guide twice',
          occurredAt: '2026-02-03T11:00:00Z',
          details: { description: 'Strong intent', weight: 0.9, engagementId: 'jane-download' },
          contact: { email: 'jane@acme.example' },
        }),
        makeEvent({ id: 'bob-open', contact: { email: 'bob@beta.example' } }),
      ],
    },
  });
  expect(EventsResponse.parse(ingest.body)).toEqual({ accepted: 4, duplicates: 0, rejected: [] });
});
afterAll(() => server.dispose());

async function lookup(body: unknown) {
  const response = await server.call('POST', '/v1/lookup', { key: 'read', json: body });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return LookupResponse.parse(response.body).results;
}

describe('POST /v1/lookup', () => {
  it('returns what was ingested, with every part joined', async () => {
    const [result] = await lookup({ contacts: [{ email: 'jane@acme.example' }] });
    expect(result?.match.status).toBe('matched');
    expect(result?.contact).toMatchObject({
      email: 'jane@acme.example',
      name: 'Jane Doe',
      title: 'CFO',
      favouriteColour: 'teal',
    });
    expect(result?.contact).not.toHaveProperty('scores');
    // Newest first; the highlight is a highlight, not a timeline entry.
    expect(result?.engagements?.map((e) => e.id)).toEqual(['jane-download', 'jane-open']);
    expect(result?.engagementsCursor).toBeNull();
    expect(result?.highlights).toEqual([
      {
        title: 'Downloaded the buyer guide twice',
        description: 'Strong intent',
        weight: 0.9,
        engagementId: 'jane-download',
        occurredAt: '2026-02-03T11:00:00Z',
      },
    ]);
    expect(result?.scores).toEqual([{ name: 'lead_score', value: 87, max: 100 }]);
    expect(result?.campaigns).toEqual([
      expect.objectContaining({
        id: 'cmp-q1',
        name: 'Q1 nurture',
        memberStatus: 'Responded',
        joinedAt: '2026-01-02T00:00:00Z',
      }),
    ]);
    expect(result?.assets?.map((a) => a.id)).toEqual(['asset-guide']);
    // From the engagement, the campaign and the asset.
    expect(result?.messaging?.map((m) => m.id)).toEqual(['msg-asset', 'msg-roi', 'msg-security']);
    expect(result?.sources).toEqual([
      {
        system: 'touchpoint-reference',
        fetchedAt: expect.any(String),
        partial: false,
        error: null,
      },
    ]);
  });

  it('matches an email after trim and lowercase', async () => {
    const [result] = await lookup({ contacts: [{ email: '  Jane@ACME.example ' }] });
    expect(result?.contact?.email).toBe('jane@acme.example');
  });

  it('matches emailSha256, in either case', async () => {
    const digest = createHash('sha256').update('jane@acme.example').digest('hex');
    const results = await lookup({
      contacts: [{ emailSha256: digest }, { emailSha256: digest.toUpperCase() }],
    });
    expect(results.map((r) => r.contact?.email)).toEqual([
      'jane@acme.example',
      'jane@acme.example',
    ]);
  });

  it('matches a CRM id through externalIds, and not another system or object type', async () => {
    const results = await lookup({
      contacts: [
        { crm: { system: 'salesforce', objectType: 'Contact', id: '003ABC' } },
        { crm: { system: 'hubspot', objectType: 'Contact', id: '003ABC' } },
        { crm: { system: 'salesforce', objectType: 'Lead', id: '003ABC' } },
      ],
    });
    expect(results.map((r) => r.match.status)).toEqual(['matched', 'not_found', 'not_found']);
    expect(results[0]?.contact?.email).toBe('jane@acme.example');
  });

  it('answers ambiguous, with candidates, when a CRM id belongs to two contacts', async () => {
    for (const email of ['twin1@acme.example', 'twin2@acme.example']) {
      await server.call('PUT', `/v1/contacts/${encodeURIComponent(email)}`, {
        key: 'write',
        json: { name: email, externalIds: [{ system: 'hubspot', id: '777' }] },
      });
    }
    const [result] = await lookup({
      contacts: [{ crm: { system: 'hubspot', objectType: 'contact', id: '777' } }],
    });
    expect(result?.match).toEqual({
      status: 'ambiguous',
      candidates: [
        expect.objectContaining({ email: 'twin1@acme.example' }),
        expect.objectContaining({ email: 'twin2@acme.example' }),
      ],
    });
    expect(result?.contact).toBeUndefined();
  });

  it('keeps request order and length, with not_found results', async () => {
    const refs = [
      { email: 'nobody@nowhere.example' },
      { email: 'bob@beta.example' },
      { email: 'jane@acme.example' },
      { email: 'bob@beta.example' },
    ];
    const results = await lookup({ contacts: refs });
    expect(results.map((r) => r.ref)).toEqual(refs);
    expect(results.map((r) => r.contact?.email ?? r.match.status)).toEqual([
      'not_found',
      'bob@beta.example',
      'jane@acme.example',
      'bob@beta.example',
    ]);
    expect(results[0]?.contact).toBeUndefined();
  });

  it('returns only the included parts, ignoring unknown ones', async () => {
    const [result] = await lookup({
      contacts: [{ email: 'jane@acme.example' }],
      include: ['scores', 'teleportation'],
    });
    expect(result?.scores).toHaveLength(1);
    expect(result).not.toHaveProperty('engagements');
    expect(result).not.toHaveProperty('campaigns');
    expect(result).not.toHaveProperty('messaging');
  });

  it('honours engagementLimit (with a cursor) and since', async () => {
    const [limited] = await lookup({
      contacts: [{ email: 'jane@acme.example' }],
      engagementLimit: 1,
    });
    expect(limited?.engagements?.map((e) => e.id)).toEqual(['jane-download']);
    expect(typeof limited?.engagementsCursor).toBe('string');
    const next = await server.call(
      'GET',
      `/v1/contacts/${limited?.contact?.id}/engagements?cursor=${limited?.engagementsCursor}`,
      { key: 'read' },
    );
    expect(next.body).toMatchObject({ engagements: [{ id: 'jane-open' }], nextCursor: null });

    const [recent] = await lookup({
      contacts: [{ email: 'jane@acme.example' }],
      since: '2026-02-02T00:00:00Z',
    });
    expect(recent?.engagements?.map((e) => e.id)).toEqual(['jane-download']);
  });

  it('rejects a bad reference with the path named', async () => {
    const response = await server.call('POST', '/v1/lookup', {
      key: 'read',
      json: { contacts: [{ email: 'jane@acme.example' }, { email: 'not-an-email' }] },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: { code: 'invalid_request', details: [{ path: 'contacts[1].email' }] },
    });
  });
});

describe('GET /v1/messaging', () => {
  it('lists the library, by ids and by campaign', async () => {
    const all = await server.call('GET', '/v1/messaging', { key: 'read' });
    expect((all.body as { messaging: unknown[] }).messaging).toHaveLength(3);
    const byIds = await server.call('GET', '/v1/messaging?ids=msg-roi,missing', { key: 'read' });
    // `campaigns` (additive): the campaigns the listed messaging references, none here.
    expect(byIds.body).toEqual({
      messaging: [expect.objectContaining({ id: 'msg-roi' })],
      campaigns: [],
    });
    const byCampaign = await server.call('GET', '/v1/messaging?campaignId=cmp-q1', {
      key: 'read',
    });
    expect(byCampaign.body).toEqual({
      messaging: [expect.objectContaining({ id: 'msg-security' })],
      campaigns: [expect.objectContaining({ id: 'cmp-q1' })],
    });
  });
});

describe('upserts', () => {
  it('answers 200 with the stored object and rejects a mismatching id', async () => {
    const stored = await server.call('PUT', '/v1/assets/asset-deck', {
      key: 'write',
      json: { title: 'Deck', extra: { nested: true } },
    });
    expect(stored).toMatchObject({
      status: 200,
      body: { id: 'asset-deck', title: 'Deck', extra: { nested: true } },
    });
    const mismatch = await server.call('PUT', '/v1/assets/asset-deck', {
      key: 'write',
      json: { id: 'other', title: 'Deck' },
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('refuses a membership in an unknown campaign', async () => {
    const response = await server.call(
      'PUT',
      '/v1/campaigns/cmp-missing/members/jane%40acme.example',
      { key: 'write', json: {} },
    );
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('stores a contact under the normalised path email', async () => {
    const response = await server.call('PUT', '/v1/contacts/%20Kim%40Gamma.example', {
      key: 'write',
      json: { name: 'Kim' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ email: 'kim@gamma.example', name: 'Kim' });
  });
});
