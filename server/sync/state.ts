import type Database from 'better-sqlite3';
import { openSqliteFile } from '../store/sqlite-file';

/** Counts of one run, as the summary and `GET /v1/health` show them. */
export interface SyncCounts {
  pages: number;
  stored: number;
  duplicates: number;
  skipped: number;
  machineSuspected: number;
  rateLimitWaits: number;
}

export interface SyncRun {
  startedAt: string;
  finishedAt: string | null;
  ok: boolean | null;
  error: string | null;
  counts: SyncCounts | null;
}

export interface SyncState {
  source: string;
  checkpoint: string | null;
  /** When the last run that finished without error finished. */
  lastSuccessAt: string | null;
  lastRun: SyncRun | null;
}

/**
 * Where each connector stands: a checkpoint per source and its last run. Kept apart from
 * `Store` (the Context API's data) so each store backend adds its own small implementation.
 * Credentials never go here.
 */
export interface SyncStateStore {
  get(source: string): Promise<SyncState | null>;
  list(): Promise<SyncState[]>;
  saveCheckpoint(source: string, checkpoint: string | null): Promise<void>;
  startRun(source: string, startedAt: string): Promise<void>;
  finishRun(
    source: string,
    run: { finishedAt: string; ok: boolean; error: string | null; counts: SyncCounts },
  ): Promise<void>;
  close(): Promise<void>;
}

interface StateRow {
  source: string;
  checkpoint: string | null;
  last_success_at: string | null;
  run_started_at: string | null;
  run_finished_at: string | null;
  run_ok: number | null;
  run_error: string | null;
  run_counts: string | null;
}

function stateFromRow(row: StateRow): SyncState {
  return {
    source: row.source,
    checkpoint: row.checkpoint,
    lastSuccessAt: row.last_success_at,
    lastRun:
      row.run_started_at === null
        ? null
        : {
            startedAt: row.run_started_at,
            finishedAt: row.run_finished_at,
            ok: row.run_ok === null ? null : row.run_ok === 1,
            error: row.run_error,
            counts: row.run_counts === null ? null : (JSON.parse(row.run_counts) as SyncCounts),
          },
  };
}

/** Sync state in its own table of the server's SQLite file (created if missing). */
export class SqliteSyncStateStore implements SyncStateStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    this.db = openSqliteFile(path);
    this.db.exec(`CREATE TABLE IF NOT EXISTS sync_state (
      source TEXT PRIMARY KEY,
      checkpoint TEXT,
      last_success_at TEXT,
      run_started_at TEXT,
      run_finished_at TEXT,
      run_ok INTEGER,
      run_error TEXT,
      run_counts TEXT
    )`);
  }

  private ensure(source: string) {
    this.db.prepare('INSERT OR IGNORE INTO sync_state (source) VALUES (?)').run(source);
  }

  async get(source: string): Promise<SyncState | null> {
    const row = this.db
      .prepare<[string], StateRow>('SELECT * FROM sync_state WHERE source = ?')
      .get(source);
    return row ? stateFromRow(row) : null;
  }

  async list(): Promise<SyncState[]> {
    return this.db
      .prepare<[], StateRow>('SELECT * FROM sync_state ORDER BY source')
      .all()
      .map(stateFromRow);
  }

  async saveCheckpoint(source: string, checkpoint: string | null): Promise<void> {
    this.ensure(source);
    this.db
      .prepare('UPDATE sync_state SET checkpoint = ? WHERE source = ?')
      .run(checkpoint, source);
  }

  async startRun(source: string, startedAt: string): Promise<void> {
    this.ensure(source);
    this.db
      .prepare(
        `UPDATE sync_state SET run_started_at = ?, run_finished_at = NULL, run_ok = NULL,
         run_error = NULL, run_counts = NULL WHERE source = ?`,
      )
      .run(startedAt, source);
  }

  async finishRun(
    source: string,
    run: { finishedAt: string; ok: boolean; error: string | null; counts: SyncCounts },
  ): Promise<void> {
    this.ensure(source);
    this.db
      .prepare(
        `UPDATE sync_state SET run_finished_at = ?, run_ok = ?, run_error = ?, run_counts = ?,
         last_success_at = CASE WHEN ? = 1 THEN ? ELSE last_success_at END WHERE source = ?`,
      )
      .run(
        run.finishedAt,
        run.ok ? 1 : 0,
        run.error,
        JSON.stringify(run.counts),
        run.ok ? 1 : 0,
        run.finishedAt,
        source,
      );
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
