import { describePostgresUrl, PostgresStore } from './postgres';
import { SqliteStore } from './sqlite';
import type { Store } from './types';

/** True for a PostgreSQL connection URL; anything else names a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/**
 * The one place that picks the store: a `postgres://` or `postgresql://` URL opens PostgreSQL
 * (connecting and migrating first), anything else is a SQLite file path.
 */
export async function openStore(db: string): Promise<Store> {
  return isPostgresUrl(db) ? PostgresStore.open(db) : new SqliteStore(db);
}

/** The database as it may appear in a log line: a URL loses its credentials. */
export function describeDb(db: string): string {
  return isPostgresUrl(db) ? `postgres://${describePostgresUrl(db)}` : db;
}
