import type { TestProject } from 'vitest/node';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throw-away cluster's URL, or why there is none (the PostgreSQL tests then fail). */
    postgres: { url: string } | { error: string };
  }
}

/**
 * Starts one PostgreSQL cluster for the server project. Without PostgreSQL the SQLite tests
 * still run; every PostgreSQL test fails with the reason (see postgres-test-db.ts).
 */
export default async function setup(project: TestProject) {
  let cluster: PostgresCluster | undefined;
  try {
    cluster = await startPostgresCluster();
    project.provide('postgres', { url: cluster.url });
  } catch (error) {
    project.provide('postgres', { error: error instanceof Error ? error.message : String(error) });
  }
  return async () => {
    await cluster?.stop();
  };
}
