import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Opens the server's SQLite file as every part of the server does (the store, the sync
 * state): its folder created, WAL, durable across process crashes (NORMAL is enough in WAL
 * mode; only power loss can drop the tail), and a wait for a writer in another process.
 */
export function openSqliteFile(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return db;
}
