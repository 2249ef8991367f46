import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  Asset,
  Campaign,
  ENGAGEMENT_TYPES,
  FeedbackRequest,
  IngestContact,
  IngestEvent,
  Messaging,
  Score,
} from '../../utils/contract/schemas';
import {
  buildDemoDataset,
  DEMO_PROMINENT_CONTACTS,
  DEMO_SCENARIOS,
  DEMO_VENDOR_DOMAIN,
  DEMO_WINDOW_DAYS,
  salesforceChecksum,
} from './demo';
import type { Dataset } from './dataset';

const DAY = 86_400_000;
const NOW = new Date('2026-05-15T12:00:00.000Z');
const data = buildDemoDataset({ now: NOW });
const engagements = data.events.filter((e) => e.type !== 'highlight');
const highlights = data.events.filter((e) => e.type === 'highlight');

/** Every item that fails its schema, with zod's message, so a failure names the culprit. */
function failures(items: readonly unknown[], schema: z.ZodType): string[] {
  return items.flatMap((item, i) => {
    const result = schema.safeParse(item);
    return result.success ? [] : [`#${i}: ${result.error.message}`];
  });
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Every ISO timestamp in the dataset, with the path it was found at. */
function timestamps(value: unknown, path = ''): Array<{ path: string; ms: number }> {
  if (typeof value === 'string') return ISO.test(value) ? [{ path, ms: Date.parse(value) }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => timestamps(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => timestamps(v, `${path}.${k}`));
  }
  return [];
}

/** The dataset with every timestamp replaced by its offset from `now`. */
function relativeTo(dataset: Dataset, now: Date): unknown {
  return JSON.parse(JSON.stringify(dataset), (_key, value: unknown) =>
    typeof value === 'string' && ISO.test(value) ? Date.parse(value) - now.getTime() : value,
  );
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Messaging ids a contact was exposed to: touches that carried them and campaigns joined. */
function exposure(email: string): Set<string> {
  const ids = new Set<string>();
  for (const e of engagements) {
    if (e.contact.email === email) e.messagingIds?.forEach((id) => ids.add(id));
  }
  for (const m of data.memberships) {
    if (m.email !== email) continue;
    data.campaigns.find((c) => c.id === m.campaignId)?.messagingIds?.forEach((id) => ids.add(id));
  }
  return ids;
}

/** Pairs (a, b) where a talking point of `a` contains a phrase `b` says to avoid. */
function conflicts(): Array<{ a: string; b: string; phrase: string }> {
  const found: Array<{ a: string; b: string; phrase: string }> = [];
  for (const a of data.messaging) {
    for (const b of data.messaging) {
      if (a.id === b.id) continue;
      for (const phrase of b.avoid ?? []) {
        if (a.talkingPoints.some((tp) => tp.toLowerCase().includes(phrase.toLowerCase()))) {
          found.push({ a: a.id, b: b.id, phrase });
        }
      }
    }
  }
  return found;
}

describe('demo dataset: contract', () => {
  it('every object parses with its Context API schema', () => {
    expect(failures(data.contacts, IngestContact)).toEqual([]);
    expect(
      failures(
        data.contacts.flatMap((c) => c.scores ?? []),
        Score,
      ),
    ).toEqual([]);
    expect(failures(data.campaigns, Campaign)).toEqual([]);
    expect(failures(data.assets, Asset)).toEqual([]);
    expect(failures(data.messaging, Messaging)).toEqual([]);
    expect(failures(data.events, IngestEvent)).toEqual([]);
    expect(failures(data.feedback ?? [], FeedbackRequest)).toEqual([]);
  });

  it('uses only https URLs and .example domains, with our reps as owners', () => {
    const urls = [
      ...data.contacts.map((c) => c.crmUrl),
      ...data.campaigns.map((c) => c.url),
      ...data.assets.map((a) => a.url),
      ...data.events.map((e) => e.url),
    ].filter((u): u is string => u !== undefined);
    expect(urls.length).toBeGreaterThan(data.events.length / 2);
    expect(urls.filter((u) => !/^https:\/\/\S+$/.test(u))).toEqual([]);
    for (const c of data.contacts) {
      expect(c.email.endsWith('.example')).toBe(true);
      expect(c.company?.domain?.endsWith('.example')).toBe(true);
      expect(c.email.endsWith(`@${c.company?.domain}`)).toBe(true);
      if (c.owner) expect(c.owner.email?.endsWith(`@${DEMO_VENDOR_DOMAIN}`)).toBe(true);
    }
    expect(new Set(data.contacts.map((c) => c.email)).size).toBe(data.contacts.length);
  });

  it('gives CRM ids the real shapes (18-char Salesforce ids with a valid checksum)', () => {
    const ids = data.contacts.flatMap((c) => c.externalIds ?? []);
    const salesforce = ids.filter((x) => x.system === 'salesforce');
    expect(salesforce.length).toBeGreaterThan(30);
    expect(ids.some((x) => x.system === 'hubspot')).toBe(true);
    for (const { id } of salesforce) {
      expect(id).toMatch(/^003[A-Za-z0-9]{15}$/);
      expect(id.slice(15)).toBe(salesforceChecksum(id.slice(0, 15)));
    }
    // Known pair from Salesforce's documentation of the 15→18 conversion.
    expect(salesforceChecksum('001A0000006Vm9r')).toBe('IAC');
  });
});

describe('demo dataset: determinism and time', () => {
  it('is deep-equal for the same now', () => {
    expect(buildDemoDataset({ now: new Date(NOW) })).toStrictEqual(data);
  });

  it('shifts every time, and nothing else, when now moves', () => {
    const later = new Date(NOW.getTime() + 3 * DAY + 17);
    const shifted = buildDemoDataset({ now: later });
    expect(shifted.events[0]?.occurredAt).not.toBe(data.events[0]?.occurredAt);
    expect(relativeTo(shifted, later)).toStrictEqual(relativeTo(data, NOW));
  });

  it('defaults now to the current time', () => {
    const before = Date.now();
    const fresh = buildDemoDataset();
    const newest = Math.max(...fresh.events.map((e) => Date.parse(e.occurredAt)));
    expect(newest).toBeLessThanOrEqual(Date.now());
    expect(newest).toBeGreaterThan(before - 2 * DAY);
  });

  it('keeps times inside the window; only plans and validity ends reach the future', () => {
    const all = timestamps(data);
    expect(all.length).toBeGreaterThan(data.events.length);
    const start = NOW.getTime() - DEMO_WINDOW_DAYS * DAY;
    expect(all.filter((t) => t.ms < start)).toEqual([]);
    const mayBeFuture = new Set<string>();
    data.campaigns.forEach((c, i) => {
      if (c.status === 'planned') mayBeFuture.add(`.campaigns[${i}].startsAt`);
      if (c.status !== 'completed') mayBeFuture.add(`.campaigns[${i}].endsAt`);
    });
    data.messaging.forEach((_m, i) => mayBeFuture.add(`.messaging[${i}].validUntil`));
    const future = all.filter((t) => t.ms > NOW.getTime() && !mayBeFuture.has(t.path));
    expect(future).toEqual([]);
    // Campaign status agrees with its dates.
    for (const c of data.campaigns) {
      const starts = Date.parse(c.startsAt ?? '');
      const ends = Date.parse(c.endsAt ?? '');
      if (c.status === 'planned') expect(starts).toBeGreaterThan(NOW.getTime());
      if (c.status === 'active')
        expect([starts < NOW.getTime(), ends > NOW.getTime()]).toEqual([true, true]);
      if (c.status === 'completed') expect(ends).toBeLessThan(NOW.getTime());
    }
  });
});

describe('demo dataset: size and variety', () => {
  it('has the expected amounts', () => {
    expect(data.contacts.length).toBeGreaterThanOrEqual(55);
    expect(data.contacts.length).toBeLessThanOrEqual(65);
    expect(new Set(data.contacts.map((c) => c.company?.domain)).size).toBeGreaterThanOrEqual(10);
    expect(data.campaigns).toHaveLength(8);
    expect(data.assets.length).toBeGreaterThanOrEqual(25);
    expect(engagements.length).toBeGreaterThanOrEqual(2500);
    expect(engagements.length).toBeLessThanOrEqual(4000);
    expect(data.feedback?.length ?? 0).toBeGreaterThanOrEqual(10);
    expect(data.memberships.length).toBeGreaterThan(60);
  });

  it('covers the vocabularies: stages, campaign types and statuses, asset types', () => {
    expect(new Set(data.contacts.map((c) => c.lifecycleStage))).toEqual(
      new Set([
        'subscriber',
        'lead',
        'marketingqualifiedlead',
        'salesqualifiedlead',
        'opportunity',
        'customer',
      ]),
    );
    expect(new Set(data.campaigns.map((c) => c.type)).size).toBeGreaterThanOrEqual(7);
    expect(new Set(data.campaigns.map((c) => c.status))).toEqual(
      new Set(['planned', 'active', 'completed']),
    );
    const assetTypes = new Set(data.assets.map((a) => a.type));
    for (const t of [
      'case_study',
      'document',
      'landing_page',
      'video',
      'deck',
      'webinar',
      'email',
    ]) {
      expect(assetTypes).toContain(t);
    }
    expect(data.assets.filter((a) => !a.summary)).toEqual([]);
    for (const m of data.messaging) {
      expect(m.talkingPoints.length).toBeGreaterThanOrEqual(3);
      expect(m.talkingPoints.length).toBeLessThanOrEqual(5);
      expect(m.avoid?.length).toBeGreaterThan(0);
    }
    const memberStatuses = new Set(data.memberships.map((m) => m.memberStatus));
    for (const s of ['Registered', 'Attended', 'No Show', 'Member', 'Responded', 'Clicked']) {
      expect(memberStatuses).toContain(s);
    }
  });

  it('uses every engagement type of the contract, plus custom ones', () => {
    const types = new Set(data.events.map((e) => e.type));
    expect(ENGAGEMENT_TYPES.filter((t) => !types.has(t))).toEqual([]);
    expect([...types].filter((t) => t.startsWith('custom.')).length).toBeGreaterThanOrEqual(2);
    const systems = new Set(data.events.map((e) => e.source?.system));
    expect(systems).toEqual(new Set(['marketo', 'hubspot', 'on24', 'salesforce']));
  });

  it('flags a realistic share of machine opens and scanner clicks', () => {
    const opens = engagements.filter((e) => e.type === 'email.opened');
    const machineOpens = opens.filter((e) => e.confidence === 'machine_suspected');
    expect(machineOpens.length / opens.length).toBeGreaterThan(0.1);
    expect(machineOpens.length / opens.length).toBeLessThan(0.5);
    const clicks = engagements.filter((e) => e.type === 'email.clicked');
    const scannerClicks = clicks.filter((e) => e.confidence === 'machine_suspected');
    expect(scannerClicks.length).toBeGreaterThan(0);
    expect(scannerClicks.length).toBeLessThan(clicks.length);
    // A machine touch comes within a minute of its email's delivery.
    for (const e of [...machineOpens, ...scannerClicks]) {
      expect(typeof e.details?.userAgent).toBe('string');
      const delivered = engagements.find(
        (d) =>
          d.type === 'email.delivered' &&
          d.contact.email === e.contact.email &&
          d.assetId === e.assetId &&
          Math.abs(Date.parse(e.occurredAt) - Date.parse(d.occurredAt)) <= 60_000,
      );
      expect(delivered, e.id).toBeDefined();
    }
  });

  it('varies intensity: a few hot contacts, many light ones, a couple untouched', () => {
    const perContact = countBy(engagements, (e) => e.contact.email);
    const counts = data.contacts.map((c) => perContact.get(c.email) ?? 0);
    expect(counts.filter((n) => n >= 150).length).toBeGreaterThanOrEqual(3);
    expect(counts.filter((n) => n >= 150).length).toBeLessThanOrEqual(6);
    expect(counts.filter((n) => n > 0 && n <= 30).length).toBeGreaterThanOrEqual(20);
    expect(counts.filter((n) => n === 0).length).toBeGreaterThanOrEqual(2);
  });

  it('gives contacts scores with the documented names', () => {
    for (const c of data.contacts) {
      const byName = new Map((c.scores ?? []).map((s) => [s.name, s]));
      const lead = byName.get('lead_score');
      expect(typeof lead?.value).toBe('number');
      expect(lead?.value as number).toBeGreaterThanOrEqual(0);
      expect(lead?.value as number).toBeLessThanOrEqual(100);
      expect(['A', 'B', 'C', 'D']).toContain(byName.get('grade')?.value);
      expect(['High', 'Medium', 'Low']).toContain(byName.get('intent')?.value);
    }
  });
});

describe('demo dataset: references', () => {
  const campaignIds = new Set(data.campaigns.map((c) => c.id));
  const assetIds = new Set(data.assets.map((a) => a.id));
  const messagingIds = new Set(data.messaging.map((m) => m.id));
  const emails = new Set(data.contacts.map((c) => c.email));
  const missing = (ids: Iterable<string | undefined>, known: Set<string>) =>
    [...ids].filter((id): id is string => id !== undefined && !known.has(id));

  it('has unique ids everywhere', () => {
    for (const list of [
      data.events,
      data.campaigns,
      data.assets,
      data.messaging,
      data.feedback ?? [],
    ]) {
      expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
    }
    const memberKeys = data.memberships.map((m) => `${m.campaignId} ${m.email}`);
    expect(new Set(memberKeys).size).toBe(memberKeys.length);
  });

  it('points only at objects that exist', () => {
    expect(
      missing(
        data.events.map((e) => e.campaignId),
        campaignIds,
      ),
    ).toEqual([]);
    expect(
      missing(
        data.events.map((e) => e.assetId),
        assetIds,
      ),
    ).toEqual([]);
    expect(
      missing(
        data.events.flatMap((e) => e.messagingIds ?? []),
        messagingIds,
      ),
    ).toEqual([]);
    expect(
      missing(
        data.events.map((e) => e.contact.email),
        emails,
      ),
    ).toEqual([]);
    expect(
      missing(
        data.campaigns.flatMap((c) => c.messagingIds ?? []),
        messagingIds,
      ),
    ).toEqual([]);
    expect(
      missing(
        data.assets.flatMap((a) => a.campaignIds ?? []),
        campaignIds,
      ),
    ).toEqual([]);
    expect(
      missing(
        data.assets.flatMap((a) => a.messagingIds ?? []),
        messagingIds,
      ),
    ).toEqual([]);
    expect(
      missing(
        data.messaging.flatMap((m) => m.campaignIds ?? []),
        campaignIds,
      ),
    ).toEqual([]);
    expect(
      missing(
        data.memberships.map((m) => m.campaignId),
        campaignIds,
      ),
    ).toEqual([]);
    expect(
      missing(
        data.memberships.map((m) => m.email),
        emails,
      ),
    ).toEqual([]);
    const feedback = data.feedback ?? [];
    expect(
      missing(
        feedback.map((f) => f.contact.email),
        emails,
      ),
    ).toEqual([]);
    expect(
      missing(
        feedback.map((f) => f.messagingId),
        messagingIds,
      ),
    ).toEqual([]);
    expect(
      missing(
        feedback.map((f) => f.assetId),
        assetIds,
      ),
    ).toEqual([]);
    expect(
      missing(
        feedback.map((f) => f.campaignId),
        campaignIds,
      ),
    ).toEqual([]);
  });

  it('keeps campaigns and messaging listing each other', () => {
    for (const c of data.campaigns) {
      expect(c.messagingIds?.length).toBeGreaterThan(0);
      for (const id of c.messagingIds ?? []) {
        expect(data.messaging.find((m) => m.id === id)?.campaignIds).toContain(c.id);
      }
    }
  });

  it('joins each campaign touch to a membership', () => {
    const members = new Set(data.memberships.map((m) => `${m.campaignId} ${m.email}`));
    const joined = engagements.filter((e) => e.type === 'campaign.joined');
    expect(joined.length).toBe(data.memberships.length);
    for (const e of joined) expect(members).toContain(`${e.campaignId} ${e.contact.email}`);
  });

  it('anchors each highlight on a real engagement of the same contact', () => {
    expect(highlights.length).toBeGreaterThan(20);
    const byId = new Map(engagements.map((e) => [e.id, e]));
    for (const h of highlights) {
      const weight = h.details?.weight;
      expect(typeof weight === 'number' && weight >= 0 && weight <= 1).toBe(true);
      expect(typeof h.details?.description).toBe('string');
      const target = byId.get(String(h.details?.engagementId));
      expect(target?.contact.email, h.id).toBe(h.contact.email);
      expect(target?.occurredAt).toBe(h.occurredAt);
    }
  });
});

describe('demo dataset: planted cases', () => {
  it('never has a touch carry messaging before that messaging existed', () => {
    const validFrom = new Map(data.messaging.map((m) => [m.id, Date.parse(m.validFrom ?? '')]));
    const early = engagements.filter((e) =>
      (e.messagingIds ?? []).some((id) => Date.parse(e.occurredAt) < (validFrom.get(id) ?? 0)),
    );
    expect(early.map((e) => `${e.type} ${e.occurredAt} ${e.messagingIds?.join(',')}`)).toEqual([]);
  });

  it('has expired messaging still attached to an active campaign', () => {
    const expiredOnActive = data.messaging.filter(
      (m) =>
        Date.parse(m.validUntil ?? '') < NOW.getTime() &&
        data.campaigns.some((c) => c.status === 'active' && (c.messagingIds ?? []).includes(m.id)),
    );
    expect(expiredOnActive.map((m) => m.id)).toContain(DEMO_SCENARIOS.expiredOnActive.messagingId);
    // …and still sent after it expired.
    const m = expiredOnActive.find((x) => x.id === DEMO_SCENARIOS.expiredOnActive.messagingId);
    expect(
      engagements.some(
        (e) =>
          e.type === 'email.sent' &&
          e.messagingIds?.includes(m?.id ?? '') &&
          Date.parse(e.occurredAt) > Date.parse(m?.validUntil ?? ''),
      ),
    ).toBe(true);
  });

  it('has a conflicting pair: same theme in two versions, one says what the other avoids', () => {
    const [v1, v2] = DEMO_SCENARIOS.conflictingPair;
    expect(conflicts()).toContainEqual({ a: v1, b: v2, phrase: DEMO_SCENARIOS.conflictingPhrase });
    const first = data.messaging.find((m) => m.id === v1);
    const second = data.messaging.find((m) => m.id === v2);
    expect(first?.theme).toBe(second?.theme);
    expect(first?.version).not.toBe(second?.version);
  });

  it('exposes several contacts to both sides of the conflicting pair', () => {
    const [v1, v2] = DEMO_SCENARIOS.conflictingPair;
    const both = data.contacts.filter((c) => {
      const ids = exposure(c.email);
      return ids.has(v1) && ids.has(v2);
    });
    expect(both.length).toBeGreaterThanOrEqual(3);
    // Through the touches themselves, not only through campaign membership.
    const viaTouches = both.filter((c) => {
      const ids = new Set(
        engagements.filter((e) => e.contact.email === c.email).flatMap((e) => e.messagingIds ?? []),
      );
      return ids.has(v1) && ids.has(v2);
    });
    expect(viaTouches.length).toBeGreaterThanOrEqual(3);
  });

  it('stops email after an opt-out and marks do-not-contact', () => {
    const optedOut = data.contacts.filter((c) => c.consent?.emailOptOut);
    expect(optedOut.length).toBeGreaterThanOrEqual(1);
    const doNotContact = data.contacts.filter((c) => c.consent?.doNotContact);
    expect(doNotContact.length).toBeGreaterThanOrEqual(1);
    for (const c of doNotContact) {
      expect(
        engagements.filter((e) => e.contact.email === c.email && e.type === 'email.sent'),
      ).toEqual([]);
    }
    for (const c of optedOut) {
      const touches = engagements.filter((e) => e.contact.email === c.email);
      const unsub = touches.find((e) => e.type === 'email.unsubscribed');
      expect(unsub).toBeDefined();
      const after = touches.filter(
        (e) =>
          e.type === 'email.sent' && Date.parse(e.occurredAt) > Date.parse(unsub?.occurredAt ?? ''),
      );
      expect(after).toEqual([]);
    }
  });
});

describe('demo dataset: prominent contacts', () => {
  const perContact = countBy(engagements, (e) => e.contact.email);

  it('lists 4 to 6 known contacts, the richest first', () => {
    expect(DEMO_PROMINENT_CONTACTS.length).toBeGreaterThanOrEqual(4);
    expect(DEMO_PROMINENT_CONTACTS.length).toBeLessThanOrEqual(6);
    const emails = new Set(data.contacts.map((c) => c.email));
    for (const email of DEMO_PROMINENT_CONTACTS) {
      expect(emails).toContain(email);
      expect(perContact.get(email) ?? 0).toBeGreaterThanOrEqual(100);
      expect(highlights.filter((h) => h.contact.email === email).length).toBeGreaterThanOrEqual(2);
    }
    const max = Math.max(...perContact.values());
    expect(perContact.get(DEMO_PROMINENT_CONTACTS[0] ?? '')).toBe(max);
  });

  it('gives the first one highlights, several campaigns, feedback and the conflicting pair', () => {
    const email = DEMO_PROMINENT_CONTACTS[0] ?? '';
    expect(highlights.filter((h) => h.contact.email === email).length).toBeGreaterThanOrEqual(4);
    expect(data.memberships.filter((m) => m.email === email).length).toBeGreaterThanOrEqual(4);
    expect((data.feedback ?? []).filter((f) => f.contact.email === email).length).toBeGreaterThan(
      0,
    );
    const ids = exposure(email);
    for (const id of DEMO_SCENARIOS.conflictingPair) expect(ids).toContain(id);
    expect(
      highlights.some(
        (h) =>
          h.contact.email === email && /^Viewed pricing page \d+ times this week$/.test(h.title),
      ),
    ).toBe(true);
  });
});
