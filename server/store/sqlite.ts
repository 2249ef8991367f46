import { sha256Hex } from './email-hash';
import { summarizeFeedback } from './feedback-summary';
import { openSqliteFile } from './sqlite-file';
import { ParsedCache } from './parsed-cache';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  Asset,
  Campaign,
  CampaignMembership,
  ContactRef,
  Engagement,
  Feedback,
  FeedbackRequest,
  IngestEvent,
  Messaging,
} from '../../utils/contract/schemas';
import type {
  ContactInput,
  EngagementPageResult,
  EngagementQuery,
  FeedbackPageResult,
  FeedbackQuery,
  IngestOutcome,
  MembershipInput,
  Store,
  StoredContact,
} from './types';

/**
 * The embedded store: one SQLite file in WAL mode. Objects are kept as JSON (so fields this
 * server does not know round-trip untouched) next to the indexed columns lookups need:
 * email, emailSha256, CRM external ids, and (contact, occurredAt, id) for newest-first pages.
 * Every statement is prepared and parameterised.
 */

const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS contacts (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  email_sha256 TEXT NOT NULL UNIQUE,
  updated_at TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS contact_external_ids (
  contact_id TEXT NOT NULL,
  system TEXT NOT NULL,
  type TEXT,
  external_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS contact_external_ids_lookup ON contact_external_ids (system, external_id);
CREATE INDEX IF NOT EXISTS contact_external_ids_contact ON contact_external_ids (contact_id);
CREATE TABLE IF NOT EXISTS engagements (
  id TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL,
  type TEXT NOT NULL,
  occurred_ms INTEGER NOT NULL,
  asset_id TEXT,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS engagements_contact_newest ON engagements (contact_id, occurred_ms DESC, id DESC);
-- Highlights and type-filtered pages seek instead of walking a busy contact's timeline.
CREATE INDEX IF NOT EXISTS engagements_contact_type_newest ON engagements (contact_id, type, occurred_ms DESC, id DESC);
DROP INDEX IF EXISTS engagements_contact_asset;
CREATE INDEX IF NOT EXISTS engagements_contact_asset_time ON engagements (contact_id, asset_id, occurred_ms) WHERE asset_id IS NOT NULL;
-- The messaging a contact's engagements carried, kept at ingestion: reading it from every
-- engagement's JSON cost ~4 ms per lookup for the busiest contacts (npm run bench:server).
CREATE TABLE IF NOT EXISTS contact_messaging (
  contact_id TEXT NOT NULL,
  messaging_id TEXT NOT NULL,
  PRIMARY KEY (contact_id, messaging_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS campaigns (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS assets (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS messaging (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS memberships (
  contact_id TEXT NOT NULL,
  campaign_id TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (contact_id, campaign_id)
);
CREATE INDEX IF NOT EXISTS memberships_campaign ON memberships (campaign_id);
CREATE TABLE IF NOT EXISTS feedback (
  id TEXT PRIMARY KEY,
  contact_id TEXT,
  contact_email TEXT,
  received_ms INTEGER NOT NULL,
  kind TEXT NOT NULL,
  messaging_id TEXT,
  asset_id TEXT,
  campaign_id TEXT,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS feedback_newest ON feedback (received_ms DESC, id DESC);
CREATE INDEX IF NOT EXISTS feedback_contact ON feedback (contact_id);
CREATE INDEX IF NOT EXISTS feedback_contact_email ON feedback (contact_email);
`;

export { sha256Hex };

interface ContactRow {
  id: string;
  email: string;
  updated_at: string;
  data: string;
}

function contactFromRow(row: ContactRow): StoredContact {
  const data = JSON.parse(row.data) as Omit<StoredContact, 'id' | 'email' | 'updatedAt'>;
  return { ...data, id: row.id, email: row.email, updatedAt: row.updated_at };
}

function parseRows<T>(rows: Array<{ data: string }>): T[] {
  return rows.map((row) => JSON.parse(row.data) as T);
}

/** Shallow merge where a field the input leaves out keeps its stored value. */
function mergeContact(stored: Record<string, unknown>, input: Record<string, unknown>) {
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly assetCache = new ParsedCache<Asset>();
  private readonly messagingCache = new ParsedCache<Messaging>();

  constructor(path: string) {
    this.db = openSqliteFile(path);
    // 64 MiB of page cache keeps the engagement indexes hot at millions of rows.
    this.db.pragma('cache_size = -65536');
    this.db.exec(SCHEMA);
    this.migrate();
    const db = this.db;
    this.statements = {
      contactByEmail: db.prepare<[string], ContactRow>(
        'SELECT id, email, updated_at, data FROM contacts WHERE email = ?',
      ),
      contactBySha: db.prepare<[string], ContactRow>(
        'SELECT id, email, updated_at, data FROM contacts WHERE email_sha256 = ?',
      ),
      contactById: db.prepare<[string], ContactRow>(
        'SELECT id, email, updated_at, data FROM contacts WHERE id = ?',
      ),
      contactsByExternalId: db.prepare<[string, string, string], ContactRow>(
        `SELECT DISTINCT c.id, c.email, c.updated_at, c.data FROM contact_external_ids x
         JOIN contacts c ON c.id = x.contact_id
         WHERE x.system = ? AND x.external_id = ? AND (x.type IS NULL OR x.type = ?)
         ORDER BY c.email`,
      ),
      insertContact: db.prepare(
        'INSERT INTO contacts (id, email, email_sha256, updated_at, data) VALUES (?, ?, ?, ?, ?)',
      ),
      updateContact: db.prepare('UPDATE contacts SET updated_at = ?, data = ? WHERE id = ?'),
      deleteExternalIds: db.prepare('DELETE FROM contact_external_ids WHERE contact_id = ?'),
      insertExternalId: db.prepare(
        'INSERT INTO contact_external_ids (contact_id, system, type, external_id) VALUES (?, ?, ?, ?)',
      ),
      countContacts: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM contacts'),
      busiestContacts: db.prepare<[number], ContactRow>(
        `SELECT c.id, c.email, c.updated_at, c.data FROM contacts c
         JOIN (SELECT contact_id, COUNT(*) AS n FROM engagements GROUP BY contact_id) e
           ON e.contact_id = c.id
         ORDER BY e.n DESC, c.email LIMIT ?`,
      ),
      insertContactMessaging: db.prepare(
        'INSERT OR IGNORE INTO contact_messaging (contact_id, messaging_id) VALUES (?, ?)',
      ),
      deleteContactMessaging: db.prepare('DELETE FROM contact_messaging WHERE contact_id = ?'),
      insertEngagement: db.prepare(
        `INSERT INTO engagements (id, contact_id, type, occurred_ms, asset_id, data)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      ),
      highlights: db.prepare<[string, number, number], { data: string }>(
        `SELECT data FROM engagements
         WHERE contact_id = ? AND type = 'highlight' AND occurred_ms >= ?
         ORDER BY occurred_ms DESC, id DESC LIMIT ?`,
      ),
      engagedAssets: db.prepare<[string, number], { id: string }>(
        `SELECT e.asset_id AS id FROM
           (SELECT asset_id, MAX(occurred_ms) AS last_ms FROM engagements
             WHERE contact_id = ? AND asset_id IS NOT NULL
             GROUP BY asset_id) e
           JOIN assets a ON a.id = e.asset_id
         ORDER BY e.last_ms DESC, e.asset_id LIMIT ?`,
      ),
      assetById: db.prepare<[string], { data: string }>('SELECT data FROM assets WHERE id = ?'),
      engagedMessagingIds: db.prepare<[string], { id: string }>(
        'SELECT messaging_id AS id FROM contact_messaging WHERE contact_id = ?',
      ),
      upsertCampaign: db.prepare(
        'INSERT INTO campaigns (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data',
      ),
      campaignById: db.prepare<[string], { data: string }>(
        'SELECT data FROM campaigns WHERE id = ?',
      ),
      upsertAsset: db.prepare(
        'INSERT INTO assets (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data',
      ),
      upsertMessaging: db.prepare(
        'INSERT INTO messaging (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data',
      ),
      upsertMembership: db.prepare(
        `INSERT INTO memberships (contact_id, campaign_id, data) VALUES (?, ?, ?)
         ON CONFLICT (contact_id, campaign_id) DO UPDATE SET data = excluded.data`,
      ),
      membershipsOfContact: db.prepare<
        [string],
        { campaign_id: string; membership: string; campaign: string | null }
      >(
        `SELECT m.campaign_id, m.data AS membership, c.data AS campaign FROM memberships m
         LEFT JOIN campaigns c ON c.id = m.campaign_id
         WHERE m.contact_id = ? ORDER BY m.campaign_id`,
      ),
      allMessaging: db.prepare<[], { data: string }>('SELECT data FROM messaging ORDER BY id'),
      messagingById: db.prepare<[string], { data: string }>(
        'SELECT data FROM messaging WHERE id = ?',
      ),
      messagingOfCampaign: db.prepare<[string], { data: string }>(
        `SELECT m.data FROM messaging m WHERE EXISTS
           (SELECT 1 FROM json_each(m.data, '$.campaignIds') j WHERE j.value = ?)
         ORDER BY m.id`,
      ),
      deleteContact: db.prepare('DELETE FROM contacts WHERE id = ?'),
      deleteEngagements: db.prepare('DELETE FROM engagements WHERE contact_id = ?'),
      deleteMemberships: db.prepare('DELETE FROM memberships WHERE contact_id = ?'),
      // Feedback that named the contact by hash but arrived before the contact is erased too.
      deleteFeedback: db.prepare(
        `DELETE FROM feedback WHERE contact_id = ? OR contact_email = ?
           OR json_extract(data, '$.contact.emailSha256') = ?`,
      ),
      insertFeedback: db.prepare(
        `INSERT INTO feedback (id, contact_id, contact_email, received_ms, kind, messaging_id, asset_id, campaign_id, data)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      ),
    };
  }

  private readonly dynamicStatements = new Map<string, Database.Statement<unknown[], unknown>>();

  /** Prepared once per distinct SQL text (filters vary only in how many placeholders). */
  private prepareCached<Row>(sql: string): Database.Statement<Array<string | number>, Row> {
    let statement = this.dynamicStatements.get(sql);
    if (!statement) {
      if (this.dynamicStatements.size >= 200) this.dynamicStatements.clear();
      statement = this.db.prepare(sql);
      this.dynamicStatements.set(sql, statement);
    }
    return statement as Database.Statement<Array<string | number>, Row>;
  }

  private findContactRowByEmail(email: string): ContactRow | undefined {
    return this.statements.contactByEmail.get(email);
  }

  /** Insert or update one contact; call inside a transaction. */
  private writeContact(input: ContactInput, mode: 'merge' | 'replace', now: string): ContactRow {
    // id and updatedAt are the server's to assign, whatever a writer sends.
    const {
      email,
      id: _id,
      updatedAt: _updatedAt,
      ...fields
    } = input as ContactInput & { id?: unknown; updatedAt?: unknown };
    const existing = this.findContactRowByEmail(email);
    if (!existing) {
      const id = `ct_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
      const data = JSON.stringify(fields);
      this.statements.insertContact.run(id, email, sha256Hex(email), now, data);
      this.writeExternalIds(id, fields.externalIds);
      return { id, email, updated_at: now, data };
    }
    const stored = JSON.parse(existing.data) as Record<string, unknown>;
    const next = mode === 'replace' ? fields : mergeContact(stored, fields);
    const data = JSON.stringify(next);
    if (data === existing.data) return existing;
    this.statements.updateContact.run(now, data, existing.id);
    if (mode === 'replace' || fields.externalIds !== undefined) {
      this.writeExternalIds(existing.id, next.externalIds as ContactInput['externalIds']);
    }
    return { ...existing, updated_at: now, data };
  }

  private writeExternalIds(contactId: string, externalIds: ContactInput['externalIds']) {
    this.statements.deleteExternalIds.run(contactId);
    for (const externalId of externalIds ?? []) {
      this.statements.insertExternalId.run(
        contactId,
        externalId.system.toLowerCase(),
        externalId.type?.toLowerCase() ?? null,
        externalId.id,
      );
    }
  }

  async upsertContacts(
    contacts: ContactInput[],
    mode: 'merge' | 'replace',
  ): Promise<StoredContact[]> {
    const now = new Date().toISOString();
    const rows = this.db.transaction(() => contacts.map((c) => this.writeContact(c, mode, now)))();
    return rows.map(contactFromRow);
  }

  async findContacts(ref: ContactRef): Promise<StoredContact[]> {
    let rows: ContactRow[] = [];
    if (ref.email !== undefined) {
      rows = [this.statements.contactByEmail.get(ref.email)].filter((r) => r !== undefined);
    } else if (ref.emailSha256 !== undefined) {
      rows = [this.statements.contactBySha.get(ref.emailSha256)].filter((r) => r !== undefined);
    } else if (ref.crm !== undefined) {
      rows = this.statements.contactsByExternalId.all(
        ref.crm.system.toLowerCase(),
        ref.crm.id,
        ref.crm.objectType.toLowerCase(),
      );
    }
    return rows.map(contactFromRow);
  }

  async getContactById(id: string): Promise<StoredContact | null> {
    const row = this.statements.contactById.get(id);
    return row ? contactFromRow(row) : null;
  }

  async listBusiestContacts(limit: number): Promise<StoredContact[]> {
    return this.statements.busiestContacts.all(limit).map(contactFromRow);
  }

  async countContacts(): Promise<number> {
    return this.statements.countContacts.get()?.n ?? 0;
  }

  async ingestEvents(events: IngestEvent[]): Promise<IngestOutcome> {
    const now = new Date().toISOString();
    return this.db.transaction(() => {
      let accepted = 0;
      let duplicates = 0;
      // Events of one batch usually share a few contacts: resolve each email once.
      const contactIds = new Map<string, string>();
      for (const event of events) {
        const { contact, ...engagement } = event;
        let contactId = contactIds.get(contact.email);
        const onlyEmail = Object.keys(contact).length === 1;
        if (contactId === undefined || !onlyEmail) {
          contactId = this.writeContact(contact, 'merge', now).id;
          contactIds.set(contact.email, contactId);
        }
        // The primary key decides: an id already stored (or earlier in this batch) is a
        // duplicate, however many clients send it at once.
        const inserted = this.statements.insertEngagement.run(
          engagement.id,
          contactId,
          engagement.type,
          Date.parse(engagement.occurredAt),
          engagement.assetId ?? null,
          JSON.stringify(engagement),
        );
        if (inserted.changes > 0) {
          accepted += 1;
          for (const messagingId of engagement.messagingIds ?? []) {
            this.statements.insertContactMessaging.run(contactId, messagingId);
          }
        } else duplicates += 1;
      }
      return { accepted, duplicates };
    })();
  }

  /** The newest-first page query: keyset on (occurred_ms, id), one row more than asked. */
  private engagementPageQuery(query: EngagementQuery) {
    const conditions = ['contact_id = ?'];
    const params: Array<string | number> = [query.contactId];
    if (query.types && query.types.length > 0) {
      conditions.push(`type IN (${query.types.map(() => '?').join(', ')})`);
      params.push(...query.types);
    } else {
      // Highlights are summaries of other touches: listed in `highlights`, not in the timeline.
      conditions.push("type <> 'highlight'");
    }
    if (query.sinceMs !== undefined) {
      conditions.push('occurred_ms >= ?');
      params.push(query.sinceMs);
    }
    if (query.before) {
      // A row-value comparison lets SQLite seek into the index instead of filtering from the top.
      conditions.push('(occurred_ms, id) < (?, ?)');
      params.push(query.before.occurredMs, query.before.id);
    }
    // One more row than asked tells whether another page exists.
    params.push(query.limit + 1);
    return {
      sql: `SELECT id, occurred_ms, data FROM engagements WHERE ${conditions.join(' AND ')} ORDER BY occurred_ms DESC, id DESC LIMIT ?`,
      params,
    };
  }

  async listEngagements(query: EngagementQuery): Promise<EngagementPageResult> {
    const { sql, params } = this.engagementPageQuery(query);
    const rows = this.prepareCached<{ id: string; occurred_ms: number; data: string }>(sql).all(
      ...params,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      engagements: parseRows<Engagement>(page),
      next:
        rows.length > query.limit && last ? { occurredMs: last.occurred_ms, id: last.id } : null,
    };
  }

  async listHighlightEvents(
    contactId: string,
    limit: number,
    sinceMs?: number,
  ): Promise<Engagement[]> {
    return parseRows<Engagement>(
      this.statements.highlights.all(contactId, sinceMs ?? Number.MIN_SAFE_INTEGER, limit),
    );
  }

  async upsertCampaigns(campaigns: Campaign[]): Promise<Campaign[]> {
    this.db.transaction(() => {
      for (const c of campaigns) this.statements.upsertCampaign.run(c.id, JSON.stringify(c));
    })();
    return campaigns;
  }

  async getCampaign(id: string): Promise<Campaign | null> {
    const row = this.statements.campaignById.get(id);
    return row ? (JSON.parse(row.data) as Campaign) : null;
  }

  async listCampaignsOfMessaging(messaging: readonly Messaging[]): Promise<Campaign[]> {
    if (messaging.length === 0) return [];
    const named = [...new Set(messaging.flatMap((m) => m.campaignIds ?? []))];
    const messagingIds = messaging.map((m) => m.id);
    // The second condition scans the campaigns table: campaigns number in the hundreds, not
    // millions, so an index on a JSON array is not worth its upkeep.
    return parseRows<Campaign>(
      this.prepareCached<{ data: string }>(
        `SELECT data FROM campaigns c
         WHERE c.id IN (SELECT value FROM json_each(?))
            OR EXISTS (SELECT 1 FROM json_each(c.data, '$.messagingIds') j
                        WHERE j.value IN (SELECT value FROM json_each(?)))
         ORDER BY c.id`,
      ).all(JSON.stringify(named), JSON.stringify(messagingIds)),
    );
  }

  async upsertAssets(assets: Asset[]): Promise<Asset[]> {
    this.db.transaction(() => {
      for (const a of assets) this.statements.upsertAsset.run(a.id, JSON.stringify(a));
    })();
    for (const a of assets) this.assetCache.set(a.id, structuredClone(a));
    return assets;
  }

  async upsertMessaging(messaging: Messaging[]): Promise<Messaging[]> {
    this.db.transaction(() => {
      for (const m of messaging) this.statements.upsertMessaging.run(m.id, JSON.stringify(m));
    })();
    for (const m of messaging) this.messagingCache.set(m.id, structuredClone(m));
    return messaging;
  }

  async upsertMemberships(memberships: MembershipInput[]): Promise<CampaignMembership[]> {
    const now = new Date().toISOString();
    return this.db.transaction(() =>
      memberships.map((m) => {
        const contactId =
          this.findContactRowByEmail(m.email)?.id ??
          this.writeContact({ email: m.email }, 'merge', now).id;
        const membership = { memberStatus: m.memberStatus, joinedAt: m.joinedAt };
        this.statements.upsertMembership.run(contactId, m.campaignId, JSON.stringify(membership));
        const campaignRow = this.statements.campaignById.get(m.campaignId);
        return this.toMembership(m.campaignId, membership, campaignRow?.data ?? null);
      }),
    )();
  }

  private toMembership(
    campaignId: string,
    membership: { memberStatus?: string; joinedAt?: string },
    campaignData: string | null,
  ): CampaignMembership {
    const campaign = campaignData
      ? (JSON.parse(campaignData) as Campaign)
      : { id: campaignId, name: campaignId };
    const result: CampaignMembership = { ...campaign };
    if (membership.memberStatus !== undefined) result.memberStatus = membership.memberStatus;
    if (membership.joinedAt !== undefined) result.joinedAt = membership.joinedAt;
    return result;
  }

  async listCampaignMemberships(contactId: string): Promise<CampaignMembership[]> {
    return this.statements.membershipsOfContact
      .all(contactId)
      .map((row) => this.toMembership(row.campaign_id, JSON.parse(row.membership), row.campaign));
  }

  async listEngagedAssets(contactId: string, limit: number): Promise<Asset[]> {
    const load = (id: string) => this.statements.assetById.get(id);
    return this.statements.engagedAssets
      .all(contactId, limit)
      .map((row) => this.assetCache.get(row.id, load))
      .filter((asset) => asset !== null);
  }

  async listEngagedMessagingIds(contactId: string): Promise<string[]> {
    return this.statements.engagedMessagingIds
      .all(contactId)
      .map((row) => row.id)
      .filter((id): id is string => typeof id === 'string');
  }

  async listMessaging(filter: { ids?: string[]; campaignId?: string }): Promise<Messaging[]> {
    let found: Messaging[];
    if (filter.ids) {
      const load = (id: string) => this.statements.messagingById.get(id);
      found = filter.ids.map((id) => this.messagingCache.get(id, load)).filter((m) => m !== null);
    } else if (filter.campaignId !== undefined) {
      found = this.messagingOfCampaign(filter.campaignId);
    } else {
      found = parseRows<Messaging>(this.statements.allMessaging.all());
    }
    if (filter.ids && filter.campaignId !== undefined) {
      const ofCampaign = new Set(this.messagingOfCampaign(filter.campaignId).map((m) => m.id));
      found = found.filter((m) => ofCampaign.has(m.id));
    }
    return found;
  }

  /** Messaging that names the campaign, plus messaging the campaign names. */
  private messagingOfCampaign(campaignId: string): Messaging[] {
    const byId = new Map<string, Messaging>();
    for (const m of parseRows<Messaging>(this.statements.messagingOfCampaign.all(campaignId))) {
      byId.set(m.id, m);
    }
    const campaignRow = this.statements.campaignById.get(campaignId);
    const named = campaignRow
      ? ((JSON.parse(campaignRow.data) as Campaign).messagingIds ?? [])
      : [];
    for (const id of named) {
      const row = this.statements.messagingById.get(id);
      if (row && !byId.has(id)) byId.set(id, JSON.parse(row.data) as Messaging);
    }
    return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async eraseContact(email: string): Promise<boolean> {
    return this.db.transaction(() => {
      const row = this.findContactRowByEmail(email);
      if (!row) return false;
      this.statements.deleteEngagements.run(row.id);
      this.statements.deleteContactMessaging.run(row.id);
      this.statements.deleteMemberships.run(row.id);
      this.statements.deleteExternalIds.run(row.id);
      this.statements.deleteFeedback.run(row.id, row.email, sha256Hex(row.email));
      this.statements.deleteContact.run(row.id);
      return true;
    })();
  }

  async addFeedback(
    feedback: FeedbackRequest,
    contactId: string | null,
    receivedAt: string,
  ): Promise<{ created: boolean }> {
    const stored: Feedback = { ...feedback, receivedAt };
    const info = this.statements.insertFeedback.run(
      feedback.id,
      contactId,
      feedback.contact.email ?? null,
      Date.parse(receivedAt),
      feedback.kind,
      feedback.messagingId ?? null,
      feedback.assetId ?? null,
      feedback.campaignId ?? null,
      JSON.stringify(stored),
    );
    return { created: info.changes > 0 };
  }

  async listFeedback(query: FeedbackQuery): Promise<FeedbackPageResult> {
    const conditions: string[] = [];
    const params: Array<string | number> = [];
    const filters: Array<[string, string | undefined]> = [
      ['messaging_id', query.messagingId],
      ['asset_id', query.assetId],
      ['campaign_id', query.campaignId],
    ];
    for (const [column, value] of filters) {
      if (value !== undefined) {
        conditions.push(`${column} = ?`);
        params.push(value);
      }
    }
    if (query.sinceMs !== undefined) {
      conditions.push('received_ms >= ?');
      params.push(query.sinceMs);
    }
    const where = (extra: string[]) => (extra.length > 0 ? `WHERE ${extra.join(' AND ')}` : '');
    const pageConditions = [...conditions];
    const pageParams = [...params];
    if (query.before) {
      pageConditions.push('(received_ms, id) < (?, ?)');
      pageParams.push(query.before.receivedMs, query.before.id);
    }
    const rows = this.prepareCached<{ id: string; received_ms: number; data: string }>(
      `SELECT id, received_ms, data FROM feedback ${where(pageConditions)} ORDER BY received_ms DESC, id DESC LIMIT ?`,
    ).all(...pageParams, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];

    // The summary covers every feedback item the filters match, not just this page.
    const counts = this.prepareCached<{
      kind: string;
      messaging_id: string | null;
      asset_id: string | null;
      n: number;
    }>(
      `SELECT kind, messaging_id, asset_id, COUNT(*) AS n FROM feedback ${where(conditions)} GROUP BY kind, messaging_id, asset_id`,
    ).all(...params);
    const summary = summarizeFeedback(counts);
    return {
      feedback: parseRows<Feedback>(page),
      next:
        rows.length > query.limit && last ? { receivedMs: last.received_ms, id: last.id } : null,
      summary,
    };
  }

  /**
   * SQLite's plan for each hot query, so a test can prove they stay index searches (a full
   * scan is harmless at 100 rows and fatal at 2M).
   */
  queryPlans(): Record<string, string> {
    const explain = (sql: string, params: Array<string | number>) =>
      this.db
        .prepare<Array<string | number>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => row.detail)
        .join(' | ');
    const page = (query: EngagementQuery) => {
      const { sql, params } = this.engagementPageQuery(query);
      return explain(sql, params);
    };
    return {
      contactByEmail: explain(this.statements.contactByEmail.source, ['a@b.example']),
      contactByEmailSha256: explain(this.statements.contactBySha.source, ['0'.repeat(64)]),
      contactsByCrmId: explain(this.statements.contactsByExternalId.source, ['s', 'i', 't']),
      engagementFirstPage: page({ contactId: 'c', limit: 50 }),
      engagementNextPage: page({
        contactId: 'c',
        limit: 50,
        before: { occurredMs: 1, id: 'e' },
        types: ['email.opened'],
      }),
      highlights: explain(this.statements.highlights.source, ['c', 0, 10]),
      engagedMessagingIds: explain(this.statements.engagedMessagingIds.source, ['c']),
      engagedAssets: explain(this.statements.engagedAssets.source, ['c', 50]),
      memberships: explain(this.statements.membershipsOfContact.source, ['c']),
    };
  }

  /** Brings a database written by an older version up to SCHEMA_VERSION, in one transaction. */
  private migrate(): void {
    const stored = this.db
      .prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema_version'")
      .get();
    this.db.transaction(() => {
      if (stored && Number(stored.value) < 2) {
        // Version 2 keeps each contact's messaging ids in contact_messaging.
        this.db.exec(`INSERT OR IGNORE INTO contact_messaging (contact_id, messaging_id)
          SELECT DISTINCT e.contact_id, j.value FROM engagements e, json_each(e.data, '$.messagingIds') j
          WHERE json_type(e.data, '$.messagingIds') = 'array' AND j.type = 'text'`);
      }
      this.db
        .prepare(
          'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        )
        .run('schema_version', String(SCHEMA_VERSION));
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
