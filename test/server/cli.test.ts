import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { request, type ClientRequest } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventsResponse } from '../../utils/contract/schemas';
import { DEMO_KEYS } from '../../server/demo-keys';
import { SqliteStore } from '../../server/store/sqlite';
import { makeEvent, makeTempDir } from './harness';

const ROOT = join(import.meta.dirname, '..', '..');
const children: ChildProcessWithoutNullStreams[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The CLI in one Node process (no npx/tsx wrapper), so signals reach the server itself. */
function runCli(args: string[], env: Record<string, string> = {}) {
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

async function tempDb() {
  const dir = await makeTempDir();
  dirs.push(dir);
  return join(dir, 'nested', 'touchpoint.db');
}

describe('server CLI', () => {
  it('refuses a non-loopback host without keys (exit 1, says what to do)', async () => {
    const cli = runCli(['--host', '0.0.0.0', '--port', '0', '--db', await tempDb()]);
    expect(await cli.exited).toBe(1);
    expect(cli.output().stderr).toMatch(/Refusing to listen on 0\.0\.0\.0 without API keys/);
    expect(cli.output().stderr).toMatch(/TOUCHPOINT_KEYS/);
  });

  it('answers bad flags with usage and exit 2, and malformed keys with exit 1', async () => {
    const [unknown, badPort, badKeys] = [
      runCli(['--prot', '80']),
      runCli(['--port', 'eighty']),
      runCli(['--port', '0', '--db', await tempDb()], { TOUCHPOINT_KEYS: 'reader:abcdefgh1' }),
    ];
    expect(await unknown.exited).toBe(2);
    expect(unknown.output().stderr).toMatch(/Unknown option '--prot'[\s\S]*Usage:/);
    expect(await badPort.exited).toBe(2);
    expect(badPort.output().stderr).toMatch(/--port must be a whole number/);
    expect(await badKeys.exited).toBe(1);
    expect(badKeys.output().stderr).toMatch(/scope "reader"; scopes are read, write and admin/);
  });

  it('finishes an ingestion request in flight at SIGTERM; its events survive a restart', async () => {
    const dbPath = await tempDb();
    const cli = runCli(['--port', '0', '--db', dbPath]);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no listen line: ${JSON.stringify(cli.output())}`)),
        15_000,
      );
      cli.child.stdout.on('data', () => {
        const match = /listening on (http:\/\/[^\s"]+)/.exec(cli.output().stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    // The first log line says the public demo keys are in use.
    expect(cli.output().stdout.split('\n')[0]).toMatch(/public demo keys/);

    const events = Array.from({ length: 200 }, () =>
      makeEvent({ contact: { email: 'term@acme.example' } }),
    );
    const body = Buffer.from(JSON.stringify({ events }));
    const half = Math.floor(body.length / 2);
    let inFlight!: ClientRequest;
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = (inFlight = request(
        `${url}/v1/events`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${DEMO_KEYS.write}`,
            'content-type': 'application/json',
            'content-length': body.length,
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      ));
      req.on('error', reject);
      req.write(body.subarray(0, half));
    });
    // SIGTERM arrives while the server is still reading this request's body.
    await delay(200);
    cli.child.kill('SIGTERM');
    await delay(200);
    // Already stopped accepting: a new connection is refused.
    await expect(fetch(`${url}/v1/health`)).rejects.toThrow();
    inFlight.end(body.subarray(half));

    const result = await response;
    expect(result.status).toBe(200);
    expect(EventsResponse.parse(JSON.parse(result.text))).toEqual({
      accepted: 200,
      duplicates: 0,
      rejected: [],
    });
    expect(await cli.exited).toBe(0);
    expect(cli.output().stdout).toMatch(/SIGTERM[\s\S]*database closed/);

    const store = new SqliteStore(dbPath);
    try {
      const [contact] = await store.findContacts({ email: 'term@acme.example' });
      const page = await store.listEngagements({ contactId: contact?.id ?? '', limit: 200 });
      expect(page.engagements).toHaveLength(200);
    } finally {
      await store.close();
    }
  });
});
