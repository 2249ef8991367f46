import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/server/postgres-test-db';
import type { IngestEvent } from '../../utils/contract/schemas';
import { sha256Hex } from './email-hash';
import { PostgresStore } from './postgres';
import { SqliteStore } from './sqlite';
import type { Store } from './types';

/**
 * What every store must do alike, run against SQLite and a real PostgreSQL: each test gets a
 * fresh SQLite file or a fresh PostgreSQL database, so tests share no state.
 */
const STORES: Array<{
  name: string;
  open: () => Promise<{ store: Store; dispose(): Promise<void> }>;
}> = [
  {
    name: 'SQLite',
    async open() {
      const dir = await mkdtemp(join(tmpdir(), 'touchpoint-store-'));
      const store = new SqliteStore(join(dir, 'nested', 'store.db'));
      return {
        store,
        async dispose() {
          await store.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const database = await createTestDatabase();
      const store = await PostgresStore.open(database.url);
      return {
        store,
        async dispose() {
          await store.close();
          await database.drop();
        },
      };
    },
  },
];

function event(id: string, occurredAt: string, extra: Partial<IngestEvent> = {}): IngestEvent {
  return {
    id,
    type: 'email.clicked',
    occurredAt,
    title: id,
    contact: { email: 'jane@acme.example' },
    ...extra,
  };
}

describe.each(STORES)('$name store', ({ open }) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await open());
  });
  afterEach(async () => {
    await dispose?.();
  });

  it('round-trips fields it does not know, and orders by instant, not by string', async () => {
    await store.ingestEvents([
      event('late-in-utc', '2026-03-01T09:30:00Z', { vendorScore: { a: [1, 2] } }),
      // 10:00 at +02:00 is 08:00Z: older, although its string sorts later.
      event('early-with-offset', '2026-03-01T10:00:00+02:00'),
    ]);
    const [contact] = await store.findContacts({ email: 'jane@acme.example' });
    const page = await store.listEngagements({ contactId: contact?.id ?? '', limit: 10 });
    expect(page.engagements.map((e) => e.id)).toEqual(['late-in-utc', 'early-with-offset']);
    expect(page.engagements[0]).toMatchObject({ vendorScore: { a: [1, 2] } });
    expect(page.engagements[1]?.occurredAt).toBe('2026-03-01T10:00:00+02:00');
  });

  it('merges contacts from events and replaces them on PUT, keeping the id', async () => {
    const [created] = await store.upsertContacts(
      [
        {
          email: 'kim@gamma.example',
          name: 'Kim',
          title: 'CTO',
          externalIds: [{ system: 'hubspot', id: '9' }],
        },
      ],
      'merge',
    );
    const [merged] = await store.upsertContacts(
      [{ email: 'kim@gamma.example', title: 'CEO' }],
      'merge',
    );
    expect(merged).toMatchObject({ id: created?.id, name: 'Kim', title: 'CEO' });
    const [replaced] = await store.upsertContacts(
      [{ email: 'kim@gamma.example', name: 'K' }],
      'replace',
    );
    expect(replaced?.id).toBe(created?.id);
    expect(replaced).not.toHaveProperty('title');
    // Replacing without externalIds drops the CRM link too.
    expect(
      await store.findContacts({ crm: { system: 'HubSpot', objectType: 'contact', id: '9' } }),
    ).toEqual([]);
  });

  it('erases feedback that named the contact only by hash', async () => {
    await store.ingestEvents([event('e1', '2026-03-01T09:30:00Z')]);
    await store.addFeedback(
      {
        id: 'feedback-by-hash',
        contact: { emailSha256: sha256Hex('jane@acme.example') },
        kind: 'note',
      },
      null,
      '2026-03-02T00:00:00Z',
    );
    expect((await store.listFeedback({ limit: 10 })).feedback).toHaveLength(1);
    expect(await store.eraseContact('jane@acme.example')).toBe(true);
    expect((await store.listFeedback({ limit: 10 })).feedback).toEqual([]);
    expect(await store.countContacts()).toBe(0);
    expect(await store.eraseContact('jane@acme.example')).toBe(false);
  });

  describe('messaging exposure', () => {
    const withMessaging = (id: string, messagingIds: string[]) =>
      event(id, '2026-03-01T09:30:00Z', { messagingIds });

    it('keeps the messaging ids a contact was exposed to, once each, and erases them', async () => {
      await store.ingestEvents([
        withMessaging('m1', ['tco-v1', 'speed']),
        withMessaging('m2', ['tco-v1']),
      ]);
      const [contact] = await store.findContacts({ email: 'jane@acme.example' });
      expect((await store.listEngagedMessagingIds(contact!.id)).sort()).toEqual([
        'speed',
        'tco-v1',
      ]);

      await store.eraseContact('jane@acme.example');
      await store.ingestEvents([event('after-erasure', '2026-03-02T09:30:00Z')]);
      const [again] = await store.findContacts({ email: 'jane@acme.example' });
      expect(await store.listEngagedMessagingIds(again!.id)).toEqual([]);
    });
  });

  describe('engaged assets', () => {
    it('lists the most recently touched assets first, at most the limit', async () => {
      await store.upsertAssets(['old', 'mid', 'new'].map((id) => ({ id, title: id })));
      await store.ingestEvents([
        event('e-old', '2026-03-01T09:00:00Z', { assetId: 'old' }),
        event('e-new', '2026-03-03T09:00:00Z', { assetId: 'new' }),
        event('e-mid', '2026-03-02T09:00:00Z', { assetId: 'mid' }),
        // Touched again later: recency counts the latest touch.
        event('e-old-again', '2026-03-04T09:00:00Z', { assetId: 'old' }),
      ]);
      const [contact] = await store.findContacts({ email: 'jane@acme.example' });
      const ids = async (limit: number) =>
        (await store.listEngagedAssets(contact!.id, limit)).map((a) => a.id);
      expect(await ids(10)).toEqual(['old', 'new', 'mid']);
      expect(await ids(2)).toEqual(['old', 'new']);
    });

    it('answers with the latest version of an asset or messaging entry after an update', async () => {
      await store.upsertAssets([{ id: 'a', title: 'First title' }]);
      await store.upsertMessaging([{ id: 'm', theme: 'v1', statement: 's', talkingPoints: [] }]);
      await store.ingestEvents([event('e-a', '2026-03-01T09:00:00Z', { assetId: 'a' })]);
      const [contact] = await store.findContacts({ email: 'jane@acme.example' });
      expect((await store.listEngagedAssets(contact!.id, 5))[0]?.title).toBe('First title');
      expect((await store.listMessaging({ ids: ['m'] }))[0]?.theme).toBe('v1');

      await store.upsertAssets([{ id: 'a', title: 'Second title' }]);
      await store.upsertMessaging([{ id: 'm', theme: 'v2', statement: 's', talkingPoints: [] }]);
      expect((await store.listEngagedAssets(contact!.id, 5))[0]?.title).toBe('Second title');
      expect((await store.listMessaging({ ids: ['m', 'missing'] })).map((m) => m.theme)).toEqual([
        'v2',
      ]);
    });
  });
});
