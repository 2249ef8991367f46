import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** The cluster started by postgres-global-setup.ts; throws its reason when there is none. */
export function postgresAdminUrl(): string {
  const postgres = inject('postgres');
  if ('error' in postgres) throw new Error(postgres.error);
  return postgres.url;
}

export interface TestDatabase {
  url: string;
  /** Drops the database, closing whatever connections are still open to it. */
  drop(): Promise<void>;
}

/** A fresh, empty database on the test cluster, so tests never share state. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = postgresAdminUrl();
  const name = `touchpoint_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
