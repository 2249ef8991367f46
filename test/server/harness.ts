import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_KEYS } from '../../server/demo-keys';
import { startServer, type RunningServer, type StartServerOptions } from '../../server/main';
import type { IngestEvent } from '../../utils/contract/schemas';

/**
 * A real server on a free port and a fresh SQLite file in a temp dir, or with
 * `store: 'postgres'` a fresh database on the test cluster (postgres-global-setup.ts).
 */
export interface TestServer extends RunningServer {
  dir: string;
  /** The SQLite file, or the PostgreSQL database's URL. */
  dbPath: string;
  call(
    method: string,
    path: string,
    options?: { key?: keyof typeof DEMO_KEYS | null; json?: unknown; body?: string },
  ): Promise<{ status: number; headers: Headers; body: unknown }>;
  /** Close the server and remove its files. */
  dispose(): Promise<void>;
}

export async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'touchpoint-server-'));
}

export async function startTestServer(
  options: Partial<StartServerOptions> & { dir?: string; store?: 'sqlite' | 'postgres' } = {},
): Promise<TestServer> {
  const { store: kind = 'sqlite', ...serverOptions } = options;
  const dir = options.dir ?? (await makeTempDir());
  // Loaded only here: it reads the cluster's URL from vitest, which scripts do not run under.
  const database =
    kind === 'postgres' && options.dbPath === undefined
      ? await (await import('./postgres-test-db')).createTestDatabase()
      : undefined;
  const dbPath = options.dbPath ?? database?.url ?? join(dir, 'touchpoint.db');
  const server = await startServer({ port: 0, log: () => {}, ...serverOptions, dbPath }).catch(
    async (error: unknown) => {
      await database?.drop();
      throw error;
    },
  );
  const call: TestServer['call'] = async (method, path, { key = 'admin', json, body } = {}) => {
    const headers: Record<string, string> = {};
    if (key) headers.authorization = `Bearer ${DEMO_KEYS[key]}`;
    if (json !== undefined || body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers,
      body: json !== undefined ? JSON.stringify(json) : body,
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // Non-JSON bodies (the demo page) stay text.
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };
  return {
    ...server,
    dir,
    dbPath,
    call,
    async dispose() {
      await server.close();
      await database?.drop();
      if (!options.dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** A valid event; override any field. Ids are unique per call unless given. */
export function makeEvent(overrides: Partial<IngestEvent> = {}): IngestEvent {
  counter += 1;
  return {
    id: `evt-${process.pid}-${counter}`,
    type: 'email.opened',
    occurredAt: new Date(Date.UTC(2026, 0, 1) + counter * 60_000).toISOString(),
    title: `Touch ${counter}`,
    contact: { email: 'jane@acme.example' },
    ...overrides,
  };
}
