import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type * as Api from '../../utils/contract/schemas';
import { MIGRATIONS, type Migration } from './postgres-migrations';
import { sha256Hex } from './email-hash';
import { summarizeFeedback } from './feedback-summary';
import type * as S from './types';

/**
 * The store for a team that outgrows one machine: PostgreSQL through a `pg.Pool`, behaving
 * exactly as `SqliteStore` does (same ids, orders, idempotency and erasure). Every statement
 * is parameterised. It keeps nothing in memory that another server process could change
 * (no catalog cache, unlike SQLite's), so any number of processes can share one database;
 * the only process state is which engagement partitions are known to exist.
 */

type Queryable = pg.Pool | pg.PoolClient;

interface ContactRow {
  id: string;
  email: string;
  updated_at: string;
  data: Record<string, unknown>;
}

const CONTACT_COLUMNS = 'id, email, updated_at, data';

/** Rows per multi-row statement when ingesting (arrays are one parameter each). */
const ROWS_PER_STATEMENT = 5_000;

/** Months outside this window go to the default partition instead of a partition each. */
const PARTITION_YEARS_BACK = 20;
const PARTITION_YEARS_AHEAD = 2;

/** Serialisation failures and deadlocks: the transaction is safe to run again. */
const RETRYABLE_CODES = new Set(['40001', '40P01']);
const TRANSACTION_ATTEMPTS = 3;

function contactFromRow(row: ContactRow): S.StoredContact {
  return {
    ...row.data,
    id: row.id,
    email: row.email,
    updatedAt: row.updated_at,
  } as S.StoredContact;
}

/** Shallow merge where a field the input leaves out keeps its stored value. */
function mergeContact(stored: Record<string, unknown>, input: Record<string, unknown>) {
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/** `host:port/database` of a connection URL, without the credentials. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured PostgreSQL server';
  }
}

/** Start of the UTC month containing `ms`. */
function monthStart(ms: number): Date {
  const date = new Date(ms);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

function partitionName(month: Date): string {
  const mm = String(month.getUTCMonth() + 1).padStart(2, '0');
  return `engagements_p${month.getUTCFullYear()}${mm}`;
}

/**
 * Brings the database up to the newest migration. A session advisory lock makes processes
 * that start at once take turns: the first applies, the others then find nothing to do.
 * Each migration commits with its `schema_migrations` row or not at all.
 */
export async function applyMigrations(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('touchpoint:migrations'))");
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const { rows } = await client.query<{ version: number }>(
        'SELECT version FROM schema_migrations',
      );
      const applied = new Set(rows.map((row) => row.version));
      const newest = Math.max(0, ...migrations.map((m) => m.version));
      const ahead = [...applied].filter((version) => version > newest);
      if (ahead.length > 0) {
        throw new Error(
          `the database has schema version ${Math.max(...ahead)}, newer than this server knows (${newest}): run a newer server.`,
        );
      }
      for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (applied.has(migration.version)) continue;
        try {
          await client.query('BEGIN');
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
            migration.version,
            migration.name,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw new Error(
            `migration ${migration.version} (${migration.name}) failed and was rolled back: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('touchpoint:migrations'))");
    }
  } finally {
    client.release();
  }
}

export interface PostgresStoreOptions {
  /** Largest number of connections this process opens. Default 10. */
  maxConnections?: number;
  /** For tests of the migration machinery; default MIGRATIONS. */
  migrations?: readonly Migration[];
}

export class PostgresStore implements S.Store {
  private readonly knownPartitions = new Set<string>();
  private closed: Promise<void> | undefined;

  private constructor(private readonly pool: pg.Pool) {}

  /** Connects, migrates, and fails with one clear line when the server is unreachable. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
    // An idle connection that drops (server restart) emits here; without a listener the
    // process would crash. The pool replaces it, and the next query reports any lasting fault.
    pool.on('error', () => {});
    try {
      await applyMigrations(pool, options.migrations);
    } catch (error) {
      await pool.end().catch(() => {});
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`PostgreSQL at ${describePostgresUrl(url)}: ${message}`);
    }
    return new PostgresStore(pool);
  }

  /** Runs `work` in one transaction, again (up to 3 times) after a deadlock. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const client = await this.pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        if (attempt < TRANSACTION_ATTEMPTS && RETRYABLE_CODES.has(errorCode(error) ?? '')) {
          continue;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    }
  }

  private async contactRowByEmail(
    db: Queryable,
    email: string,
    forUpdate = false,
  ): Promise<ContactRow | undefined> {
    const { rows } = await db.query<ContactRow>(
      `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE email = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [email],
    );
    return rows[0];
  }

  /** Insert or update one contact inside the caller's transaction. */
  private async writeContact(
    client: pg.PoolClient,
    input: S.ContactInput,
    mode: 'merge' | 'replace',
    now: string,
  ): Promise<ContactRow> {
    // id and updatedAt are the server's to assign, whatever a writer sends.
    const {
      email,
      id: _id,
      updatedAt: _updatedAt,
      ...fields
    } = input as S.ContactInput & { id?: unknown; updatedAt?: unknown };
    let existing = await this.contactRowByEmail(client, email, true);
    if (!existing) {
      const id = `ct_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
      const inserted = await client.query(
        `INSERT INTO contacts (id, email, email_sha256, updated_at, data) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING`,
        [id, email, sha256Hex(email), now, JSON.stringify(fields)],
      );
      if (inserted.rowCount) {
        await this.writeExternalIds(client, id, fields.externalIds);
        return { id, email, updated_at: now, data: JSON.parse(JSON.stringify(fields)) };
      }
      // Another process created it since our read: update theirs instead.
      existing = await this.contactRowByEmail(client, email, true);
      if (!existing) throw new Error(`contact ${email} could not be written`);
    }
    const next = mode === 'replace' ? fields : mergeContact(existing.data, fields);
    const data = JSON.stringify(next);
    if (data === JSON.stringify(existing.data)) return existing;
    await client.query('UPDATE contacts SET updated_at = $1, data = $2 WHERE id = $3', [
      now,
      data,
      existing.id,
    ]);
    if (mode === 'replace' || fields.externalIds !== undefined) {
      await this.writeExternalIds(
        client,
        existing.id,
        next.externalIds as S.ContactInput['externalIds'],
      );
    }
    return { ...existing, updated_at: now, data: JSON.parse(data) };
  }

  private async writeExternalIds(
    client: pg.PoolClient,
    contactId: string,
    externalIds: S.ContactInput['externalIds'],
  ) {
    await client.query('DELETE FROM contact_external_ids WHERE contact_id = $1', [contactId]);
    const ids = externalIds ?? [];
    if (ids.length === 0) return;
    await client.query(
      `INSERT INTO contact_external_ids (contact_id, system, type, external_id)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])`,
      [
        contactId,
        ids.map((x) => x.system.toLowerCase()),
        ids.map((x) => x.type?.toLowerCase() ?? null),
        ids.map((x) => x.id),
      ],
    );
  }

  async upsertContacts(
    contacts: S.ContactInput[],
    mode: 'merge' | 'replace',
  ): Promise<S.StoredContact[]> {
    const now = new Date().toISOString();
    const rows = await this.transaction(async (client) => {
      const written: ContactRow[] = [];
      for (const contact of contacts)
        written.push(await this.writeContact(client, contact, mode, now));
      return written;
    });
    return rows.map(contactFromRow);
  }

  private readonly sql = {
    contactBySha: `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE email_sha256 = $1`,
    contactById: `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE id = $1`,
    contactsByExternalId: `SELECT DISTINCT c.id, c.email, c.updated_at, c.data::text AS data
       FROM contact_external_ids x JOIN contacts c ON c.id = x.contact_id
       WHERE x.system = $1 AND x.external_id = $2 AND (x.type IS NULL OR x.type = $3)
       ORDER BY c.email`,
    // engagement_ids holds one narrow row per engagement: counting it skips the partitions.
    busiestContacts: `SELECT c.id, c.email, c.updated_at, c.data FROM contacts c
       JOIN (SELECT contact_id, COUNT(*) AS n FROM engagement_ids GROUP BY contact_id) e
         ON e.contact_id = c.id
       ORDER BY e.n DESC, c.email LIMIT $1`,
    engagedAssets: `SELECT a.data FROM
         (SELECT asset_id, MAX(occurred_at) AS last_at FROM engagements
           WHERE contact_id = $1 AND asset_id IS NOT NULL
           GROUP BY asset_id) e
         JOIN assets a ON a.id = e.asset_id
       ORDER BY e.last_at DESC, e.asset_id LIMIT $2`,
    engagedMessagingIds:
      'SELECT messaging_id AS id FROM contact_messaging WHERE contact_id = $1 ORDER BY messaging_id',
    membershipsOfContact: `SELECT m.campaign_id, m.data AS membership, c.data AS campaign
       FROM memberships m LEFT JOIN campaigns c ON c.id = m.campaign_id
       WHERE m.contact_id = $1 ORDER BY m.campaign_id`,
  };

  async findContacts(ref: Api.ContactRef): Promise<S.StoredContact[]> {
    let rows: ContactRow[] = [];
    if (ref.email !== undefined) {
      rows = [await this.contactRowByEmail(this.pool, ref.email)].filter((r) => r !== undefined);
    } else if (ref.emailSha256 !== undefined) {
      rows = (await this.pool.query<ContactRow>(this.sql.contactBySha, [ref.emailSha256])).rows;
    } else if (ref.crm !== undefined) {
      // DISTINCT cannot compare json values: the data goes out as text and is parsed here.
      const found = await this.pool.query<Omit<ContactRow, 'data'> & { data: string }>(
        this.sql.contactsByExternalId,
        [ref.crm.system.toLowerCase(), ref.crm.id, ref.crm.objectType.toLowerCase()],
      );
      rows = found.rows.map((row) => ({ ...row, data: JSON.parse(row.data) }));
    }
    return rows.map(contactFromRow);
  }

  async getContactById(id: string): Promise<S.StoredContact | null> {
    const { rows } = await this.pool.query<ContactRow>(this.sql.contactById, [id]);
    return rows[0] ? contactFromRow(rows[0]) : null;
  }

  async listBusiestContacts(limit: number): Promise<S.StoredContact[]> {
    const { rows } = await this.pool.query<ContactRow>(this.sql.busiestContacts, [limit]);
    return rows.map(contactFromRow);
  }

  async countContacts(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      'SELECT COUNT(*)::integer AS n FROM contacts',
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * Creates the monthly partitions these instants need, each in a short transaction of its
   * own: creating a partition locks the parent table, which must not last as long as an
   * ingest. An advisory lock keeps two processes from creating the same one at once.
   */
  private async ensurePartitions(instantsMs: Iterable<number>): Promise<void> {
    const now = new Date();
    const earliest = Date.UTC(now.getUTCFullYear() - PARTITION_YEARS_BACK, 0, 1);
    const latest = Date.UTC(now.getUTCFullYear() + PARTITION_YEARS_AHEAD + 1, 0, 1);
    const months = new Map<string, Date>();
    for (const ms of instantsMs) {
      if (!(ms >= earliest && ms < latest)) continue;
      const month = monthStart(ms);
      const name = partitionName(month);
      if (!this.knownPartitions.has(name)) months.set(name, month);
    }
    for (const [name, month] of months) {
      const next = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
      try {
        await this.transaction(async (client) => {
          await client.query("SELECT pg_advisory_xact_lock(hashtext('touchpoint:partitions'))");
          const { rows } = await client.query<{ found: string | null }>(
            'SELECT to_regclass($1)::text AS found',
            [name],
          );
          if (rows[0]?.found) return;
          // Identifiers cannot be parameters; the name and bounds are built from a Date above.
          await client.query(
            `CREATE TABLE ${name} PARTITION OF engagements
             FOR VALUES FROM ('${month.toISOString()}') TO ('${next.toISOString()}')`,
          );
        });
      } catch (error) {
        // 23514: the default partition already holds rows of that month (written while the
        // partition was missing); they stay there and are still found, so carry on.
        if (errorCode(error) !== '23514') throw error;
      }
      this.knownPartitions.add(name);
    }
  }

  async ingestEvents(events: Api.IngestEvent[]): Promise<S.IngestOutcome> {
    if (events.length === 0) return { accepted: 0, duplicates: 0 };
    await this.ensurePartitions(events.map((event) => Date.parse(event.occurredAt)));
    const now = new Date().toISOString();
    return this.transaction(async (client) => {
      // Events of one batch usually share a few contacts: resolve each email once.
      const contactIds = new Map<string, string>();
      const rows: Array<{ event: Api.Engagement; contactId: string }> = [];
      const seen = new Set<string>();
      let duplicates = 0;
      for (const event of events) {
        const { contact, ...engagement } = event;
        let contactId = contactIds.get(contact.email);
        const onlyEmail = Object.keys(contact).length === 1;
        if (contactId === undefined || !onlyEmail) {
          contactId = (await this.writeContact(client, contact, 'merge', now)).id;
          contactIds.set(contact.email, contactId);
        }
        // The first of a batch's repeats is the one kept, as one insert after another would.
        if (seen.has(engagement.id)) duplicates += 1;
        else {
          seen.add(engagement.id);
          rows.push({ event: engagement, contactId });
        }
      }
      let accepted = 0;
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
        // The primary key of engagement_ids decides: an id stored already is a duplicate,
        // however many processes send it at once (the later insert waits, then skips).
        const claimed = await client.query<{ id: string }>(
          `INSERT INTO engagement_ids (id, contact_id)
           SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (id) DO NOTHING RETURNING id`,
          [chunk.map((row) => row.event.id), chunk.map((row) => row.contactId)],
        );
        const claimedIds = new Set(claimed.rows.map((row) => row.id));
        const fresh = chunk.filter((row) => claimedIds.has(row.event.id));
        accepted += fresh.length;
        duplicates += chunk.length - fresh.length;
        if (fresh.length === 0) continue;
        await client.query(
          `INSERT INTO engagements (id, contact_id, type, occurred_at, asset_id, data)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::json[])`,
          [
            fresh.map((row) => row.event.id),
            fresh.map((row) => row.contactId),
            fresh.map((row) => row.event.type),
            fresh.map((row) => new Date(Date.parse(row.event.occurredAt))),
            fresh.map((row) => row.event.assetId ?? null),
            fresh.map((row) => JSON.stringify(row.event)),
          ],
        );
        const exposures = fresh.flatMap((row) =>
          (row.event.messagingIds ?? []).map((messagingId) => [row.contactId, messagingId]),
        );
        if (exposures.length > 0) {
          await client.query(
            `INSERT INTO contact_messaging (contact_id, messaging_id)
             SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
            [exposures.map((pair) => pair[0]), exposures.map((pair) => pair[1])],
          );
        }
      }
      return { accepted, duplicates };
    });
  }

  /** The newest-first page query: keyset on (occurred_at, id), one row more than asked. */
  private engagementPageQuery(query: S.EngagementQuery) {
    const params: unknown[] = [query.contactId];
    const placeholder = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const conditions = ['contact_id = $1'];
    if (query.types && query.types.length > 0) {
      // An IN list (not = ANY(array)) so one type is an equality the index can seek and order.
      conditions.push(`type IN (${query.types.map(placeholder).join(', ')})`);
    } else {
      // Highlights are summaries of other touches: listed in `highlights`, not in the timeline.
      conditions.push("type <> 'highlight'");
    }
    if (query.sinceMs !== undefined) {
      conditions.push(`occurred_at >= ${placeholder(new Date(query.sinceMs))}`);
    }
    if (query.before) {
      const at = placeholder(new Date(query.before.occurredMs));
      // The plain bound prunes newer partitions; the row comparison seeks within the index.
      conditions.push(
        `occurred_at <= ${at}`,
        `(occurred_at, id) < (${at}, ${placeholder(query.before.id)})`,
      );
    }
    const limit = placeholder(query.limit + 1);
    return {
      sql: `SELECT id, occurred_at, data FROM engagements WHERE ${conditions.join(' AND ')} ORDER BY occurred_at DESC, id DESC LIMIT ${limit}`,
      params,
    };
  }

  async listEngagements(query: S.EngagementQuery): Promise<S.EngagementPageResult> {
    const { sql, params } = this.engagementPageQuery(query);
    const { rows } = await this.pool.query<{ id: string; occurred_at: Date; data: Api.Engagement }>(
      sql,
      params,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      engagements: page.map((row) => row.data),
      next:
        rows.length > query.limit && last
          ? { occurredMs: last.occurred_at.getTime(), id: last.id }
          : null,
    };
  }

  private highlightsQuery(contactId: string, limit: number, sinceMs?: number) {
    const since = sinceMs === undefined ? '' : ' AND occurred_at >= $3';
    return {
      sql: `SELECT data FROM engagements
         WHERE contact_id = $1 AND type = 'highlight'${since}
         ORDER BY occurred_at DESC, id DESC LIMIT $2`,
      params: sinceMs === undefined ? [contactId, limit] : [contactId, limit, new Date(sinceMs)],
    };
  }

  async listHighlightEvents(
    contactId: string,
    limit: number,
    sinceMs?: number,
  ): Promise<Api.Engagement[]> {
    const { sql, params } = this.highlightsQuery(contactId, limit, sinceMs);
    const { rows } = await this.pool.query<{ data: Api.Engagement }>(sql, params);
    return rows.map((row) => row.data);
  }

  async upsertCampaigns(campaigns: Api.Campaign[]): Promise<Api.Campaign[]> {
    await this.transaction(async (client) => {
      for (const c of campaigns) {
        await client.query(
          `INSERT INTO campaigns (id, messaging_ids, data) VALUES ($1, $2, $3)
           ON CONFLICT (id) DO UPDATE SET messaging_ids = excluded.messaging_ids, data = excluded.data`,
          [c.id, c.messagingIds ?? [], JSON.stringify(c)],
        );
      }
    });
    return campaigns;
  }

  private async campaignById(db: Queryable, id: string): Promise<Api.Campaign | null> {
    const { rows } = await db.query<{ data: Api.Campaign }>(
      'SELECT data FROM campaigns WHERE id = $1',
      [id],
    );
    return rows[0]?.data ?? null;
  }

  async getCampaign(id: string): Promise<Api.Campaign | null> {
    return this.campaignById(this.pool, id);
  }

  async listCampaignsOfMessaging(messaging: readonly Api.Messaging[]): Promise<Api.Campaign[]> {
    if (messaging.length === 0) return [];
    const named = [...new Set(messaging.flatMap((m) => m.campaignIds ?? []))];
    const { rows } = await this.pool.query<{ data: Api.Campaign }>(
      `SELECT data FROM campaigns WHERE id = ANY($1::text[]) OR messaging_ids && $2::text[]
       ORDER BY id`,
      [named, messaging.map((m) => m.id)],
    );
    return rows.map((row) => row.data);
  }

  async upsertAssets(assets: Api.Asset[]): Promise<Api.Asset[]> {
    await this.transaction(async (client) => {
      for (const a of assets) {
        await client.query(
          'INSERT INTO assets (id, data) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET data = excluded.data',
          [a.id, JSON.stringify(a)],
        );
      }
    });
    return assets;
  }

  async upsertMessaging(messaging: Api.Messaging[]): Promise<Api.Messaging[]> {
    await this.transaction(async (client) => {
      for (const m of messaging) {
        await client.query(
          `INSERT INTO messaging (id, campaign_ids, data) VALUES ($1, $2, $3)
           ON CONFLICT (id) DO UPDATE SET campaign_ids = excluded.campaign_ids, data = excluded.data`,
          [m.id, m.campaignIds ?? [], JSON.stringify(m)],
        );
      }
    });
    return messaging;
  }

  async upsertMemberships(memberships: S.MembershipInput[]): Promise<Api.CampaignMembership[]> {
    const now = new Date().toISOString();
    return this.transaction(async (client) => {
      const result: Api.CampaignMembership[] = [];
      for (const m of memberships) {
        const contactId =
          (await this.contactRowByEmail(client, m.email))?.id ??
          (await this.writeContact(client, { email: m.email }, 'merge', now)).id;
        const membership = { memberStatus: m.memberStatus, joinedAt: m.joinedAt };
        await client.query(
          `INSERT INTO memberships (contact_id, campaign_id, data) VALUES ($1, $2, $3)
           ON CONFLICT (contact_id, campaign_id) DO UPDATE SET data = excluded.data`,
          [contactId, m.campaignId, JSON.stringify(membership)],
        );
        const campaign = await this.campaignById(client, m.campaignId);
        result.push(toMembership(m.campaignId, membership, campaign));
      }
      return result;
    });
  }

  async listCampaignMemberships(contactId: string): Promise<Api.CampaignMembership[]> {
    const { rows } = await this.pool.query<{
      campaign_id: string;
      membership: { memberStatus?: string; joinedAt?: string };
      campaign: Api.Campaign | null;
    }>(this.sql.membershipsOfContact, [contactId]);
    return rows.map((row) => toMembership(row.campaign_id, row.membership, row.campaign));
  }

  async listEngagedAssets(contactId: string, limit: number): Promise<Api.Asset[]> {
    const { rows } = await this.pool.query<{ data: Api.Asset }>(this.sql.engagedAssets, [
      contactId,
      limit,
    ]);
    return rows.map((row) => row.data);
  }

  async listEngagedMessagingIds(contactId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(this.sql.engagedMessagingIds, [
      contactId,
    ]);
    return rows.map((row) => row.id);
  }

  async listMessaging(filter: { ids?: string[]; campaignId?: string }): Promise<Api.Messaging[]> {
    let found: Api.Messaging[];
    if (filter.ids) {
      const { rows } = await this.pool.query<{ data: Api.Messaging }>(
        'SELECT data FROM messaging WHERE id = ANY($1::text[])',
        [filter.ids],
      );
      const byId = new Map(rows.map((row) => [row.data.id, row.data]));
      // In the order asked, as the SQLite store answers.
      found = filter.ids.map((id) => byId.get(id)).filter((m) => m !== undefined);
    } else if (filter.campaignId !== undefined) {
      found = await this.messagingOfCampaign(filter.campaignId);
    } else {
      const { rows } = await this.pool.query<{ data: Api.Messaging }>(
        'SELECT data FROM messaging ORDER BY id',
      );
      found = rows.map((row) => row.data);
    }
    if (filter.ids && filter.campaignId !== undefined) {
      const ofCampaign = new Set(
        (await this.messagingOfCampaign(filter.campaignId)).map((m) => m.id),
      );
      found = found.filter((m) => ofCampaign.has(m.id));
    }
    return found;
  }

  /** Messaging that names the campaign, plus messaging the campaign names. */
  private async messagingOfCampaign(campaignId: string): Promise<Api.Messaging[]> {
    const { rows } = await this.pool.query<{ data: Api.Messaging }>(
      `SELECT data FROM messaging WHERE campaign_ids @> ARRAY[$1::text]
       UNION ALL
       SELECT m.data FROM campaigns c JOIN messaging m ON m.id = ANY(c.messaging_ids)
       WHERE c.id = $1`,
      [campaignId],
    );
    const byId = new Map<string, Api.Messaging>();
    for (const row of rows) if (!byId.has(row.data.id)) byId.set(row.data.id, row.data);
    return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async eraseContact(email: string): Promise<boolean> {
    return this.transaction(async (client) => {
      const row = await this.contactRowByEmail(client, email, true);
      if (!row) return false;
      // No time bound: every partition's (contact, newest) index is searched.
      await client.query('DELETE FROM engagements WHERE contact_id = $1', [row.id]);
      await client.query('DELETE FROM engagement_ids WHERE contact_id = $1', [row.id]);
      await client.query('DELETE FROM contact_messaging WHERE contact_id = $1', [row.id]);
      await client.query('DELETE FROM memberships WHERE contact_id = $1', [row.id]);
      await client.query('DELETE FROM contact_external_ids WHERE contact_id = $1', [row.id]);
      // Feedback that named the contact by hash but arrived before the contact is erased too.
      await client.query(
        `DELETE FROM feedback WHERE contact_id = $1 OR contact_email = $2
           OR contact_email_sha256 = $3`,
        [row.id, row.email, sha256Hex(row.email)],
      );
      await client.query('DELETE FROM contacts WHERE id = $1', [row.id]);
      return true;
    });
  }

  async addFeedback(
    feedback: Api.FeedbackRequest,
    contactId: string | null,
    receivedAt: string,
  ): Promise<{ created: boolean }> {
    const stored: Api.Feedback = { ...feedback, receivedAt };
    const inserted = await this.pool.query(
      `INSERT INTO feedback (id, contact_id, contact_email, contact_email_sha256, received_ms,
         kind, messaging_id, asset_id, campaign_id, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
      [
        feedback.id,
        contactId,
        feedback.contact.email ?? null,
        feedback.contact.emailSha256 ?? null,
        Date.parse(receivedAt),
        feedback.kind,
        feedback.messagingId ?? null,
        feedback.assetId ?? null,
        feedback.campaignId ?? null,
        JSON.stringify(stored),
      ],
    );
    return { created: (inserted.rowCount ?? 0) > 0 };
  }

  async listFeedback(query: S.FeedbackQuery): Promise<S.FeedbackPageResult> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const filters: Array<[string, string | undefined]> = [
      ['messaging_id', query.messagingId],
      ['asset_id', query.assetId],
      ['campaign_id', query.campaignId],
    ];
    for (const [column, value] of filters) {
      if (value !== undefined) {
        params.push(value);
        conditions.push(`${column} = $${params.length}`);
      }
    }
    if (query.sinceMs !== undefined) {
      params.push(query.sinceMs);
      conditions.push(`received_ms >= $${params.length}`);
    }
    const where = (extra: string[]) => (extra.length > 0 ? `WHERE ${extra.join(' AND ')}` : '');
    const pageConditions = [...conditions];
    const pageParams = [...params];
    if (query.before) {
      pageParams.push(query.before.receivedMs, query.before.id);
      const n = pageParams.length;
      pageConditions.push(`(received_ms, id) < ($${n - 1}, $${n})`);
    }
    pageParams.push(query.limit + 1);
    const { rows } = await this.pool.query<{ id: string; received_ms: string; data: Api.Feedback }>(
      `SELECT id, received_ms, data FROM feedback ${where(pageConditions)}
       ORDER BY received_ms DESC, id DESC LIMIT $${pageParams.length}`,
      pageParams,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];

    // The summary covers every feedback item the filters match, not just this page.
    const counts = await this.pool.query<{
      kind: string;
      messaging_id: string | null;
      asset_id: string | null;
      n: number;
    }>(
      `SELECT kind, messaging_id, asset_id, COUNT(*)::integer AS n FROM feedback ${where(conditions)}
       GROUP BY kind, messaging_id, asset_id`,
      params,
    );
    const summary = summarizeFeedback(counts.rows);
    return {
      feedback: page.map((row) => row.data),
      next:
        rows.length > query.limit && last
          ? { receivedMs: Number(last.received_ms), id: last.id }
          : null,
      summary,
    };
  }

  /**
   * PostgreSQL's plan for each hot query, so a test can prove they have indexes to use and
   * prune partitions by time. At test sizes a sequential scan of a few pages is cheaper and
   * rightly chosen, so sequential scans and sorts are priced out here: a plan that still
   * shows one has no index for it (harmless at 100 rows, fatal at 2M).
   */
  async queryPlans(): Promise<Record<string, string>> {
    const client = await this.pool.connect();
    const explain = async (sql: string, params: unknown[]) => {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
      return rows.map((row) => row['QUERY PLAN'].trim()).join(' | ');
    };
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      await client.query('SET LOCAL enable_sort = off');
      // The priced-out costs would otherwise trigger JIT compilation, for nothing.
      await client.query('SET LOCAL jit = off');
      return await this.explainHotQueries(explain);
    } finally {
      await client.query('ROLLBACK').catch(() => {});
      client.release();
    }
  }

  private async explainHotQueries(
    explain: (sql: string, params: unknown[]) => Promise<string>,
  ): Promise<Record<string, string>> {
    const page = (query: S.EngagementQuery) => {
      const { sql, params } = this.engagementPageQuery(query);
      return explain(sql, params);
    };
    const highlights = this.highlightsQuery('c', 10, Date.UTC(2026, 2, 1));
    return {
      contactByEmail: await explain(`SELECT ${CONTACT_COLUMNS} FROM contacts WHERE email = $1`, [
        'a@b.example',
      ]),
      contactByEmailSha256: await explain(this.sql.contactBySha, ['0'.repeat(64)]),
      contactsByCrmId: await explain(this.sql.contactsByExternalId, ['s', 'i', 't']),
      engagementFirstPage: await page({ contactId: 'c', limit: 50 }),
      engagementNextPage: await page({
        contactId: 'c',
        limit: 50,
        before: { occurredMs: Date.UTC(2026, 1, 15), id: 'e' },
        types: ['email.opened'],
      }),
      engagementSince: await page({ contactId: 'c', limit: 50, sinceMs: Date.UTC(2026, 2, 1) }),
      highlights: await explain(highlights.sql, highlights.params),
      engagedMessagingIds: await explain(this.sql.engagedMessagingIds, ['c']),
      engagedAssets: await explain(this.sql.engagedAssets, ['c', 50]),
      memberships: await explain(this.sql.membershipsOfContact, ['c']),
    };
  }

  async close(): Promise<void> {
    // pg throws when a pool is ended twice; the server and tests may both close.
    this.closed ??= this.pool.end();
    await this.closed;
  }
}

function toMembership(
  campaignId: string,
  membership: { memberStatus?: string; joinedAt?: string },
  stored: Api.Campaign | null,
): Api.CampaignMembership {
  const campaign = stored ?? { id: campaignId, name: campaignId };
  const result: Api.CampaignMembership = { ...campaign };
  if (membership.memberStatus !== undefined) result.memberStatus = membership.memberStatus;
  if (membership.joinedAt !== undefined) result.joinedAt = membership.joinedAt;
  return result;
}
