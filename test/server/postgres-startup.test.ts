import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../server/demo-keys';
import { DEMO_PROMINENT_CONTACTS } from '../../server/seed/demo';
import { LookupResponse } from '../../utils/contract/schemas';
import { startTestServer, type TestServer } from './harness';
import { createTestDatabase, type TestDatabase } from './postgres-test-db';

const ROOT = join(import.meta.dirname, '..', '..');
const children: ChildProcessWithoutNullStreams[] = [];
const servers: TestServer[] = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const server of servers.splice(0)) await server.dispose();
  for (const database of databases.splice(0)) await database.drop();
});

function runCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, TOUCHPOINT_KEYS: '', ...env },
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function summary(url: string, emails: readonly string[]) {
  const response = await fetch(`${url}/v1/lookup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_KEYS.read}`, 'content-type': 'application/json' },
    body: JSON.stringify({ contacts: emails.map((email) => ({ email })), engagementLimit: 200 }),
  });
  return LookupResponse.parse(await response.json()).results.map((r) => ({
    status: r.match.status,
    engagements: r.engagements?.map((e) => e.id),
    campaigns: r.campaigns?.map((c) => c.id),
    messaging: r.messaging?.map((m) => m.id),
  }));
}

describe('server on PostgreSQL, from the command line', () => {
  it('takes the database from TOUCHPOINT_DB and logs it without the password', async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const withPassword = database.url.replace('postgres@', 'postgres:hunter2@');
    const cli = runCli(['--port', '0', '--seed', 'demo'], { TOUCHPOINT_DB: withPassword });
    const listening = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no listen line: ${JSON.stringify(cli.output())}`)),
        30_000,
      );
      cli.child.stdout.on('data', () => {
        const line = cli
          .output()
          .stdout.split('\n')
          .find((l) => l.includes('listening on'));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line) as Record<string, unknown>);
        }
      });
    });
    expect(listening.db).toMatch(/^postgres:\/\/127\.0\.0\.1:\d+\/touchpoint_test_/);
    expect(cli.output().stdout).not.toContain('hunter2');
    const prominent = DEMO_PROMINENT_CONTACTS;
    const found = await summary(String(listening.url), prominent);
    expect(found.every((r) => r.status === 'matched')).toBe(true);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('exits 1 with one line naming the unreachable server, without the password', async () => {
    const cli = runCli(['--port', '0'], {
      TOUCHPOINT_DB: 'postgres://someone:hunter2@127.0.0.1:1/touchpoint',
    });
    expect(await cli.exited).toBe(1);
    const { stderr } = cli.output();
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^Cannot start: PostgreSQL at 127\.0\.0\.1:1\/touchpoint: .*ECONNREFUSED/,
      ),
    ]);
    expect(stderr).not.toContain('hunter2');
  });
});

describe('the demo dataset on both stores', () => {
  it('answers the same lookups from SQLite and from PostgreSQL', async () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const prominent = DEMO_PROMINENT_CONTACTS;
    const [sqlite, postgres] = await Promise.all(
      (['sqlite', 'postgres'] as const).map((store) =>
        startTestServer({ store, seed: 'demo', now }),
      ),
    );
    servers.push(sqlite!, postgres!);
    expect(await postgres!.store.countContacts()).toBe(await sqlite!.store.countContacts());
    expect(await summary(postgres!.url, prominent)).toEqual(await summary(sqlite!.url, prominent));
  });
});
