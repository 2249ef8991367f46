import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IngestEvent } from '../../utils/contract/schemas';
import { SqliteStore } from './sqlite';

// What both stores do alike is in store.test.ts; this file holds what only SQLite has.

let dir: string;
let store: SqliteStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'touchpoint-store-'));
  store = new SqliteStore(join(dir, 'nested', 'store.db'));
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

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

describe('SqliteStore', () => {
  it('keeps the hot queries index searches, never full scans', () => {
    const plans = store.queryPlans();
    expect(plans.contactByEmail).toMatch(/SEARCH contacts USING INDEX .*\(email=\?\)/);
    expect(plans.contactByEmailSha256).toMatch(/\(email_sha256=\?\)/);
    expect(plans.contactsByCrmId).toMatch(
      /contact_external_ids_lookup \(system=\? AND external_id=\?\)/,
    );
    expect(plans.engagementFirstPage).toMatch(/engagements_contact_newest \(contact_id=\?\)/);
    // A page filtered by one type seeks the (contact, type, newest) index.
    expect(plans.engagementNextPage).toMatch(
      /engagements_contact_type_newest \(contact_id=\? AND type=\? AND \(occurred_ms,id\)<\(\?,\?\)\)/,
    );
    expect(plans.highlights).toMatch(/engagements_contact_type_newest \(contact_id=\? AND type=\?/);
    expect(plans.engagedMessagingIds).toMatch(
      /contact_messaging USING PRIMARY KEY \(contact_id=\?\)/,
    );
    expect(plans.engagedAssets).toMatch(/COVERING INDEX engagements_contact_asset_time/);
    // Newest first comes from the index order, not from a sort.
    expect(plans.engagementFirstPage).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    for (const [name, plan] of Object.entries(plans)) {
      expect(plan, name).not.toMatch(
        /\bSCAN (contacts|engagements|memberships|contact_external_ids)\b/,
      );
    }
  });
});

describe('SqliteStore messaging exposure', () => {
  const withMessaging = (id: string, messagingIds: string[]) =>
    event(id, '2026-03-01T09:30:00Z', { messagingIds });

  it('fills them in when it opens a database written before they were kept (schema 1)', async () => {
    const path = join(dir, 'v1.db');
    const old = new SqliteStore(path);
    await old.ingestEvents([withMessaging('m1', ['tco-v1', 'speed'])]);
    // What a version-1 database looks like: no contact_messaging rows, schema_version 1.
    const raw = (old as unknown as { db: import('better-sqlite3').Database }).db;
    raw.exec(
      "DELETE FROM contact_messaging; UPDATE meta SET value = '1' WHERE key = 'schema_version'",
    );
    await old.close();

    const reopened = new SqliteStore(path);
    const [contact] = await reopened.findContacts({ email: 'jane@acme.example' });
    expect((await reopened.listEngagedMessagingIds(contact!.id)).sort()).toEqual([
      'speed',
      'tco-v1',
    ]);
    await reopened.close();
  });
});
