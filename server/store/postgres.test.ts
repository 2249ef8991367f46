import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/server/postgres-test-db';
import type { IngestEvent } from '../../utils/contract/schemas';
import { openStore } from './open';
import { applyMigrations, PostgresStore } from './postgres';
import { MIGRATIONS } from './postgres-migrations';
import { SqliteStore } from './sqlite';

// What both stores do alike is in store.test.ts; this file holds what only PostgreSQL has.

let database: TestDatabase;
const opened: PostgresStore[] = [];
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  await database.drop();
});

async function open(): Promise<PostgresStore> {
  const store = await PostgresStore.open(database.url);
  opened.push(store);
  return store;
}

async function sql<Row extends pg.QueryResultRow>(text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<Row>(text)).rows;
  } finally {
    await client.end();
  }
}

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

describe('PostgresStore', () => {
  it('keeps the hot queries index scans, pruning partitions by time', async () => {
    const store = await open();
    // Enough rows over three months that the planner's choice means something.
    const months = ['2026-01', '2026-02', '2026-03'];
    const events: IngestEvent[] = [];
    for (let c = 0; c < 100; c += 1) {
      for (let n = 0; n < 24; n += 1) {
        const day = String((n % 28) + 1).padStart(2, '0');
        events.push(
          event(`e-${c}-${n}`, `${months[n % 3]}-${day}T09:00:00Z`, {
            type: n % 4 === 0 ? 'email.opened' : 'page.viewed',
            contact: { email: `c${c}@acme.example` },
            assetId: n % 5 === 0 ? `asset-${n}` : undefined,
          }),
        );
      }
    }
    await store.upsertContacts(
      Array.from({ length: 100 }, (_, c) => ({
        email: `c${c}@acme.example`,
        externalIds: [{ system: 'hubspot', id: String(c) }],
      })),
      'merge',
    );
    await store.upsertAssets(
      Array.from({ length: 24 }, (_, n) => ({ id: `asset-${n}`, title: `A${n}` })),
    );
    await store.upsertCampaigns(
      Array.from({ length: 20 }, (_, n) => ({ id: `cmp-${n}`, name: `C${n}` })),
    );
    await store.upsertMemberships(
      Array.from({ length: 100 }, (_, c) => ({
        campaignId: `cmp-${c % 20}`,
        email: `c${c}@acme.example`,
      })),
    );
    await store.ingestEvents(events);
    await sql('ANALYZE');

    const plans = await store.queryPlans();
    expect(plans.contactByEmail).toMatch(/Index Scan using contacts_email_key/);
    expect(plans.contactByEmailSha256).toMatch(/Index Scan using contacts_email_sha256_key/);
    expect(plans.contactsByCrmId).toMatch(/contact_external_ids_lookup/);
    expect(plans.engagementFirstPage).toMatch(/engagements_p202603_contact_id/);
    // A page before mid-February never opens March; one since March never opens January.
    expect(plans.engagementNextPage).not.toMatch(/engagements_p202603/);
    expect(plans.engagementNextPage).toMatch(/engagements_p202602_contact_id_type/);
    expect(plans.engagementSince).toMatch(/engagements_p202603/);
    expect(plans.engagementSince).not.toMatch(/engagements_p202601|engagements_p202602/);
    expect(plans.highlights).not.toMatch(/engagements_p202601|engagements_p202602/);
    expect(plans.engagedMessagingIds).toMatch(/contact_messaging_pkey/);
    expect(plans.engagedAssets).toMatch(/contact_id_asset_id_occurred_at_idx/);
    expect(plans.memberships).toMatch(/memberships_pkey/);
    // Newest first comes from the indexes, merged across partitions, not from a sort.
    for (const name of ['engagementFirstPage', 'engagementNextPage', 'highlights']) {
      expect(plans[name], name).toMatch(/^Limit .*Merge Append/);
      expect(plans[name], name).not.toMatch(/(^|-> {2})Sort {2}\(/);
    }
    for (const [name, plan] of Object.entries(plans)) {
      expect(plan, name).not.toMatch(/Seq Scan/);
    }
  });

  it('creates a partition per month written, and keeps far-off dates in the default one', async () => {
    const store = await open();
    await store.ingestEvents([
      event('jan', '2026-01-31T23:59:59.999Z'),
      event('feb', '2026-02-01T00:00:00+01:00'), // 23:00 on 31 January in UTC
      event('ancient', '1970-01-02T00:00:00Z'),
    ]);
    const where = await sql<{ partition: string; id: string }>(
      'SELECT tableoid::regclass::text AS partition, id FROM engagements ORDER BY id',
    );
    expect(where).toEqual([
      { partition: 'engagements_default', id: 'ancient' },
      { partition: 'engagements_p202601', id: 'feb' },
      { partition: 'engagements_p202601', id: 'jan' },
    ]);

    const [contact] = await store.findContacts({ email: 'jane@acme.example' });
    const page = await store.listEngagements({ contactId: contact!.id, limit: 10 });
    expect(page.engagements.map((e) => e.id)).toEqual(['jan', 'feb', 'ancient']);
    // Erasure reaches every partition, the default one included.
    expect(await store.eraseContact('jane@acme.example')).toBe(true);
    expect(await sql('SELECT id FROM engagements UNION ALL SELECT id FROM engagement_ids')).toEqual(
      [],
    );
  });

  it('stores an event sent to several processes at once exactly once', async () => {
    const stores = await Promise.all([open(), open(), open()]);
    const batch = Array.from({ length: 40 }, (_, n) =>
      event(`dup-${n}`, '2026-03-01T09:30:00Z', { contact: { email: `p${n % 4}@acme.example` } }),
    );
    const outcomes = await Promise.all(
      stores.flatMap((store) => [store.ingestEvents(batch), store.ingestEvents(batch)]),
    );
    expect(outcomes.reduce((sum, o) => sum + o.accepted, 0)).toBe(40);
    expect(outcomes.reduce((sum, o) => sum + o.duplicates, 0)).toBe(40 * 5);
    expect(await stores[0]!.countContacts()).toBe(4);

    const feedback = { id: 'fb-1', contact: { email: 'p0@acme.example' }, kind: 'note' as const };
    const created = await Promise.all(
      stores.map((store) => store.addFeedback(feedback, null, '2026-03-02T00:00:00Z')),
    );
    expect(created.filter((c) => c.created)).toHaveLength(1);
  });

  it('applies migrations once when several processes start at once', async () => {
    await Promise.all([open(), open(), open(), open()]);
    expect(await sql('SELECT version FROM schema_migrations ORDER BY version')).toEqual(
      MIGRATIONS.map((m) => ({ version: m.version })),
    );
  });

  it('leaves the schema as it was when a migration fails', async () => {
    const broken = [
      ...MIGRATIONS,
      {
        version: 999,
        name: 'half a change',
        sql: 'ALTER TABLE contacts ADD COLUMN region text; SELECT no_such_function();',
      },
    ];
    const pool = new pg.Pool({ connectionString: database.url });
    try {
      await expect(applyMigrations(pool, broken)).rejects.toThrow(
        /migration 999 \(half a change\) failed and was rolled back/,
      );
    } finally {
      await pool.end();
    }
    expect(
      await sql("SELECT column_name FROM information_schema.columns WHERE column_name = 'region'"),
    ).toEqual([]);
    expect(await sql('SELECT max(version) AS v FROM schema_migrations')).toEqual([
      { v: Math.max(...MIGRATIONS.map((m) => m.version)) },
    ]);
    // The lock was released: a normal start still works.
    await open();
  });

  it('says in one line which server it could not reach, without the password', async () => {
    await expect(
      PostgresStore.open('postgres://someone:secret@127.0.0.1:1/touchpoint'),
    ).rejects.toThrow(/^PostgreSQL at 127\.0\.0\.1:1\/touchpoint: .*ECONNREFUSED/);
    await expect(
      PostgresStore.open('postgres://someone:secret@127.0.0.1:1/touchpoint'),
    ).rejects.not.toThrow(/secret/);
  });
});

describe('openStore', () => {
  it('opens PostgreSQL for a postgres:// or postgresql:// URL and SQLite for a path', async () => {
    for (const url of [database.url, database.url.replace(/^postgres:/, 'postgresql:')]) {
      const store = await openStore(url);
      expect(store).toBeInstanceOf(PostgresStore);
      await store.close();
    }
    const sqlite = await openStore(':memory:');
    expect(sqlite).toBeInstanceOf(SqliteStore);
    await sqlite.close();
  });
});
