import { describe, expect, it } from 'vitest';
import type { ContactContext } from '../protocol/page-to-background';
import type { Asset, CampaignMembership, Engagement, Messaging } from '../contract/schemas';
import { buildDemoDataset, DEMO_PROMINENT_CONTACTS, DEMO_SCENARIOS } from '../../server/seed/demo';
import type { Dataset } from '../../server/seed/dataset';
import { exposureTouches, messagingExposure } from './exposure';

type Context = Pick<ContactContext, 'engagements' | 'campaigns' | 'assets' | 'messaging'>;
const NOW = Date.parse('2026-05-01T12:00:00Z');

const msg = (id: string, extra: Partial<Messaging> = {}): Messaging => ({
  id,
  theme: `Theme of ${id}`,
  statement: `Statement of ${id}.`,
  talkingPoints: [],
  ...extra,
});
const touch = (id: string, occurredAt: string, extra: Partial<Engagement> = {}) => ({
  id,
  type: 'email.opened',
  occurredAt,
  title: `Touch ${id}`,
  backendId: 'b1',
  ...extra,
});
const context = (parts: Partial<Context>): Context => ({
  engagements: [],
  campaigns: [],
  assets: [],
  messaging: [],
  ...parts,
});

describe('messagingExposure', () => {
  it('lists messaging carried by engagements in time order, with first, last and touches', () => {
    const result = messagingExposure(
      context({
        messaging: [msg('m-a'), msg('m-b')],
        engagements: [
          touch('e3', '2026-04-03T10:00:00Z', { messagingIds: ['m-a'] }),
          touch('e1', '2026-04-01T10:00:00Z', { messagingIds: ['m-b', 'm-b'] }),
          touch('e2', '2026-04-02T10:00:00Z', { messagingIds: ['m-a', 'm-b'] }),
        ],
      }),
      { now: NOW },
    );
    expect(result.map((e) => [e.messagingId, e.firstExposure, e.lastExposure, e.touches])).toEqual([
      ['m-b', '2026-04-01T10:00:00Z', '2026-04-02T10:00:00Z', 2],
      ['m-a', '2026-04-02T10:00:00Z', '2026-04-03T10:00:00Z', 2],
    ]);
    expect(result[0]!.via.map((r) => [r.kind, r.id, r.touches])).toEqual([
      ['engagement', 'e1', 1],
      ['engagement', 'e2', 1],
    ]);
  });

  it('counts an engagement once per entry even when it carries it by several routes', () => {
    const asset: Asset = { id: 'a1', title: 'TCO guide', messagingIds: ['m-a'] };
    const result = messagingExposure(
      context({
        messaging: [msg('m-a')],
        assets: [asset],
        engagements: [
          touch('e1', '2026-04-01T10:00:00Z', { messagingIds: ['m-a'], assetId: 'a1' }),
        ],
      }),
      { now: NOW },
    );
    expect(result[0]!.touches).toBe(1);
    expect(result[0]!.via.map((r) => [r.kind, r.id, r.label])).toEqual([
      ['engagement', 'e1', 'Touch e1'],
      ['asset', 'a1', 'TCO guide'],
    ]);
  });

  it('does not credit an asset with messaging that was not valid when it was touched', () => {
    const asset: Asset = { id: 'a1', title: 'Pricing page', messagingIds: ['m-new'] };
    const result = messagingExposure(
      context({
        messaging: [msg('m-new', { validFrom: '2026-04-10T00:00:00Z' })],
        assets: [asset],
        engagements: [
          touch('e1', '2026-03-01T10:00:00Z', { assetId: 'a1' }),
          touch('e2', '2026-04-20T10:00:00Z', { assetId: 'a1' }),
        ],
      }),
      { now: NOW },
    );
    expect(result.map((e) => [e.messagingId, e.touches, e.firstExposure])).toEqual([
      ['m-new', 1, '2026-04-20T10:00:00Z'],
    ]);
  });

  it('infers a campaign touch’s messaging from what was valid at the time', () => {
    const v1 = msg('m-v1', { validUntil: '2026-03-15T00:00:00Z', campaignIds: ['c1'] });
    const v2 = msg('m-v2', { validFrom: '2026-03-15T00:00:00Z' });
    const campaign: CampaignMembership = { id: 'c1', name: 'Nurture', messagingIds: ['m-v2'] };
    const result = messagingExposure(
      context({
        messaging: [v1, v2],
        campaigns: [campaign],
        engagements: [
          touch('e1', '2026-03-01T10:00:00Z', { campaignId: 'c1' }),
          touch('e2', '2026-04-01T10:00:00Z', { campaignId: 'c1' }),
        ],
      }),
      { now: NOW },
    );
    expect(result.map((e) => [e.messagingId, e.touches, e.outdated, e.via[0]?.kind])).toEqual([
      ['m-v1', 1, true, 'campaign'],
      ['m-v2', 1, false, 'campaign'],
    ]);
  });

  it('counts membership without touches, from joining or from when the messaging started', () => {
    const result = messagingExposure(
      context({
        messaging: [
          msg('m-early', { validUntil: '2026-01-01T00:00:00Z' }),
          msg('m-later', { validFrom: '2026-03-01T00:00:00Z' }),
          msg('m-future', { validFrom: '2026-06-01T00:00:00Z' }),
        ],
        campaigns: [
          {
            id: 'c1',
            name: 'Webinar',
            joinedAt: '2026-02-01T00:00:00Z',
            messagingIds: ['m-early', 'm-later', 'm-future'],
          },
        ],
      }),
      { now: NOW },
    );
    expect(result.map((e) => [e.messagingId, e.firstExposure, e.touches, e.via[0]?.kind])).toEqual([
      ['m-later', '2026-03-01T00:00:00.000Z', 0, 'campaign'],
    ]);
  });

  it('keeps assets and listed messaging without a loaded touch, with no time, last', () => {
    const result = messagingExposure(
      context({
        messaging: [msg('m-a'), msg('m-listed'), msg('m-b')],
        assets: [{ id: 'a9', title: 'Old deck', messagingIds: ['m-b', 'm-unknown'] }],
        engagements: [touch('e1', '2026-04-01T10:00:00Z', { messagingIds: ['m-a'] })],
      }),
      { now: NOW },
    );
    expect(result.map((e) => [e.messagingId, e.firstExposure, e.via.map((r) => r.kind)])).toEqual([
      ['m-a', '2026-04-01T10:00:00Z', ['engagement']],
      ['m-b', undefined, ['asset']],
      ['m-listed', undefined, ['listed']],
    ]);
  });

  it('ignores touches that did not reach the person', () => {
    const result = messagingExposure(
      context({
        messaging: [msg('m-a')],
        engagements: [
          touch('e1', '2026-04-01T10:00:00Z', { type: 'email.bounced', messagingIds: ['m-a'] }),
          touch('e2', '2026-04-02T10:00:00Z', { type: 'highlight', messagingIds: ['m-a'] }),
        ],
      }),
      { now: NOW },
    );
    expect(result.map((e) => [e.messagingId, e.touches, e.via[0]?.kind])).toEqual([
      ['m-a', 0, 'listed'],
    ]);
  });

  it('flags conflicts between entries the contact saw, both ways, and only those', () => {
    const a = msg('m-a', {
      talkingPoints: ['We rip and replace old schedulers'],
      theme: 'TCO',
      version: 1,
    });
    const b = msg('m-b', { avoid: ['rip-and-replace'], theme: 'tco', version: 2 });
    const c = msg('m-c', { avoid: ['old schedulers'] });
    const seen = context({
      messaging: [a, b, c],
      engagements: [
        touch('e1', '2026-04-01T10:00:00Z', { messagingIds: ['m-a'] }),
        touch('e2', '2026-04-02T10:00:00Z', { messagingIds: ['m-b'] }),
      ],
    });
    const result = messagingExposure(seen, { now: NOW });
    const [ea, eb, ec] = result;
    expect(ea!.conflicts.map((x) => [x.withId, x.reason, x.phrase])).toEqual([
      ['m-b', 'uses-phrase-other-avoids', 'rip-and-replace'],
      ['m-c', 'uses-phrase-other-avoids', 'old schedulers'],
      ['m-b', 'same-theme', undefined],
    ]);
    expect(eb!.conflicts.map((x) => [x.withId, x.reason])).toEqual([
      ['m-a', 'avoids-phrase-other-uses'],
      ['m-a', 'same-theme'],
    ]);
    expect(ec!.messagingId).toBe('m-c'); // listed by the backend, so seen
    expect(messagingExposure(context({ messaging: [b, c] }), { now: NOW })[0]!.conflicts).toEqual(
      [],
    );
  });

  it('returns nothing for an empty context', () => {
    expect(messagingExposure(context({}), { now: NOW })).toEqual([]);
  });

  it('gives checkDraft its engagement map', () => {
    const result = messagingExposure(
      context({
        messaging: [msg('m-a')],
        engagements: [touch('e1', '2026-04-01T10:00:00Z', { messagingIds: ['m-a'] })],
      }),
      { now: NOW },
    );
    expect([...exposureTouches(result)]).toEqual([['m-a', 1]]);
  });
});

/** What the reference server's lookup returns for a demo contact (server/routes/read-routes.ts). */
function demoContext(dataset: Dataset, email: string): Context {
  const engagements = dataset.events
    .filter((e) => e.contact.email === email && e.type !== 'highlight')
    .map(({ contact: _contact, ...e }) => ({ ...e, backendId: 'demo' }));
  const campaigns = dataset.memberships
    .filter((m) => m.email === email)
    .map((m): CampaignMembership => {
      const c = dataset.campaigns.find((x) => x.id === m.campaignId)!;
      return { ...c, memberStatus: m.memberStatus, joinedAt: m.joinedAt };
    });
  const assetIds = new Set(engagements.flatMap((e) => (e.assetId ? [e.assetId] : [])));
  const assets = dataset.assets.filter((a) => assetIds.has(a.id));
  const ids = new Set(
    [...engagements, ...campaigns, ...assets].flatMap((x) => x.messagingIds ?? []),
  );
  return {
    engagements,
    campaigns,
    assets,
    messaging: dataset.messaging.filter((m) => ids.has(m.id)),
  };
}

describe('messagingExposure on the demo data', () => {
  const now = new Date('2026-05-01T09:00:00Z');
  const dataset = buildDemoDataset({ now });
  const [v1, v2] = DEMO_SCENARIOS.conflictingPair;

  it('shows the richest demo contact both TCO versions, v1 outdated, and their conflict', () => {
    const result = messagingExposure(demoContext(dataset, DEMO_PROMINENT_CONTACTS[0]!), {
      now: now.getTime(),
    });
    const old = result.find((e) => e.messagingId === v1)!;
    const current = result.find((e) => e.messagingId === v2)!;
    expect(old.outdated).toBe(true);
    expect(current.outdated).toBe(false);
    expect(old.touches).toBeGreaterThan(0);
    expect(current.touches).toBeGreaterThan(0);
    expect(old.conflicts).toContainEqual(
      expect.objectContaining({
        withId: v2,
        reason: 'uses-phrase-other-avoids',
        phrase: DEMO_SCENARIOS.conflictingPhrase,
      }),
    );
    expect(old.conflicts).toContainEqual(
      expect.objectContaining({ withId: v2, reason: 'same-theme' }),
    );
    expect(current.conflicts).toContainEqual(
      expect.objectContaining({ withId: v1, reason: 'avoids-phrase-other-uses' }),
    );
    const times = result.flatMap((e) => (e.firstExposure ? [Date.parse(e.firstExposure)] : []));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('finds contacts exposed to both versions, as the demo promises', () => {
    const emails = [...new Set(dataset.events.map((e) => e.contact.email))];
    const both = emails.filter((email) => {
      const ids = messagingExposure(demoContext(dataset, email), { now: now.getTime() }).map(
        (e) => e.messagingId,
      );
      return ids.includes(v1) && ids.includes(v2);
    });
    expect(both.length).toBeGreaterThanOrEqual(2);
  });
});
