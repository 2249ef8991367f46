/**
 * The PostgreSQL schema as numbered migrations. A database records the versions it has in
 * `schema_migrations`; `PostgresStore.open` applies the missing ones in order, each in its
 * own transaction, under an advisory lock (see `applyMigrations` in postgres.ts). Never edit
 * a migration that has shipped: add the next number.
 *
 * Objects are kept as `json` (the exact text, so fields this server does not know round-trip
 * untouched, as in SQLite) beside columns for everything a query filters or sorts on. Key
 * columns use the "C" collation: byte order, as SQLite sorts, whatever the cluster's locale.
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema, engagements partitioned by month',
    sql: `
CREATE TABLE contacts (
  id text COLLATE "C" PRIMARY KEY,
  email text COLLATE "C" NOT NULL UNIQUE,
  email_sha256 text COLLATE "C" NOT NULL UNIQUE,
  updated_at text NOT NULL,
  data json NOT NULL
);
CREATE TABLE contact_external_ids (
  contact_id text COLLATE "C" NOT NULL,
  system text COLLATE "C" NOT NULL,
  type text COLLATE "C",
  external_id text COLLATE "C" NOT NULL
);
CREATE INDEX contact_external_ids_lookup ON contact_external_ids (system, external_id);
CREATE INDEX contact_external_ids_contact ON contact_external_ids (contact_id);

-- A partitioned table's unique keys must contain the partition key, so (id, occurred_at)
-- could not keep an event id unique across months: this unpartitioned table does, and its
-- primary key decides what is a duplicate, however many processes insert at once.
CREATE TABLE engagement_ids (
  id text COLLATE "C" PRIMARY KEY,
  contact_id text COLLATE "C" NOT NULL
);
CREATE INDEX engagement_ids_contact ON engagement_ids (contact_id);

-- One partition per month, created on demand by the store before it writes that month; the
-- default partition takes whatever has none (far past or future dates), so no write is lost.
CREATE TABLE engagements (
  id text COLLATE "C" NOT NULL,
  contact_id text COLLATE "C" NOT NULL,
  type text COLLATE "C" NOT NULL,
  occurred_at timestamptz NOT NULL,
  asset_id text COLLATE "C",
  data json NOT NULL
) PARTITION BY RANGE (occurred_at);
CREATE TABLE engagements_default PARTITION OF engagements DEFAULT;
CREATE INDEX engagements_contact_newest ON engagements (contact_id, occurred_at DESC, id DESC);
-- Highlights and type-filtered pages seek instead of walking a busy contact's timeline.
CREATE INDEX engagements_contact_type_newest ON engagements (contact_id, type, occurred_at DESC, id DESC);
CREATE INDEX engagements_contact_asset_time ON engagements (contact_id, asset_id, occurred_at) WHERE asset_id IS NOT NULL;

-- The messaging a contact's engagements carried, kept at ingestion (as in SQLite).
CREATE TABLE contact_messaging (
  contact_id text COLLATE "C" NOT NULL,
  messaging_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (contact_id, messaging_id)
);

-- The id arrays that queries filter on are columns, searched through GIN indexes.
CREATE TABLE campaigns (
  id text COLLATE "C" PRIMARY KEY,
  messaging_ids text[] NOT NULL DEFAULT '{}',
  data json NOT NULL
);
CREATE INDEX campaigns_messaging_ids ON campaigns USING gin (messaging_ids);
CREATE TABLE assets (id text COLLATE "C" PRIMARY KEY, data json NOT NULL);
CREATE TABLE messaging (
  id text COLLATE "C" PRIMARY KEY,
  campaign_ids text[] NOT NULL DEFAULT '{}',
  data json NOT NULL
);
CREATE INDEX messaging_campaign_ids ON messaging USING gin (campaign_ids);
CREATE TABLE memberships (
  contact_id text COLLATE "C" NOT NULL,
  campaign_id text COLLATE "C" NOT NULL,
  data json NOT NULL,
  PRIMARY KEY (contact_id, campaign_id)
);
CREATE INDEX memberships_campaign ON memberships (campaign_id);

CREATE TABLE feedback (
  id text COLLATE "C" PRIMARY KEY,
  contact_id text COLLATE "C",
  contact_email text COLLATE "C",
  -- Feedback may name its contact only by hash: erasure finds it by this column.
  contact_email_sha256 text COLLATE "C",
  received_ms bigint NOT NULL,
  kind text COLLATE "C" NOT NULL,
  messaging_id text COLLATE "C",
  asset_id text COLLATE "C",
  campaign_id text COLLATE "C",
  data json NOT NULL
);
CREATE INDEX feedback_newest ON feedback (received_ms DESC, id DESC);
CREATE INDEX feedback_contact ON feedback (contact_id);
CREATE INDEX feedback_contact_email ON feedback (contact_email);
CREATE INDEX feedback_contact_email_sha256 ON feedback (contact_email_sha256);
`,
  },
];
