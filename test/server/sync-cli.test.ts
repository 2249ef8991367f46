import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeActivities, startFakeMarketo, type FakeMarketo } from './fake-marketo';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const CLI = join(process.cwd(), 'server/sync/cli.ts');

let dir: string;
let dbPath: string;
let fake: FakeMarketo;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tp-sync-cli-'));
  dbPath = join(dir, 'touchpoint.db');
  fake = await startFakeMarketo();
});
afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

function runCli(args: string[], killWhen?: (stderr: string) => boolean) {
  return new Promise<{
    code: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
  }>((resolve) => {
    const child = spawn(TSX, [CLI, ...args], {
      env: { ...process.env, MARKETO_CLIENT_ID: 'id', MARKETO_CLIENT_SECRET: 'secret' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (killWhen?.(stderr)) child.kill('SIGKILL');
    });
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

function storedIds() {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare<[], { id: string }>('SELECT id FROM engagements')
      .all()
      .map((r) => r.id);
  } finally {
    db.close();
  }
}

const marketoArgs = () => [
  'marketo',
  '--db',
  dbPath,
  '--base-url',
  fake.url,
  '--since',
  '2026-01-01',
];

describe('npm run sync', () => {
  it('killed mid-run and run again: every activity stored exactly once', async () => {
    const data = makeActivities(3000, 50);
    fake.activities = data.activities;
    fake.leads = data.leads;
    fake.pageSize = 300;
    fake.delayMs = 100;
    const killed = await runCli(marketoArgs(), (stderr) => /page 3:/.test(stderr));
    expect(killed.signal).toBe('SIGKILL');
    const partial = storedIds().length;
    expect(partial).toBeGreaterThan(0);

    fake.delayMs = 0;
    const rerun = await runCli([...marketoArgs(), '--json']);
    expect(rerun.code).toBe(0);
    const summary = JSON.parse(rerun.stdout) as { ok: boolean; stored: number; duplicates: number };
    expect(summary.ok).toBe(true);
    const expected = data.activities
      .filter((a) => a.activityTypeId !== 12)
      .map((a) => `marketo:${a.id}`)
      .sort();
    const ids = storedIds().sort();
    expect(ids).toEqual(expected);
    expect(partial + summary.stored).toBe(expected.length);
    expect(rerun.stderr).toMatch(/resuming from the last stored page/);
  });

  it('exits 1 with one line naming the source and the fault', async () => {
    fake.clientSecret = 'other';
    const run = await runCli(marketoArgs());
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').at(-1)).toBe(
      'sync marketo failed: marketo: wrong credentials (Bad client credentials): check --client-id and --client-secret',
    );
    expect(run.stderr).not.toContain('secret=');
  });

  it('exits 2 on a wrong command line', async () => {
    const run = await runCli(['marketo', '--db', dbPath, '--base-url', 'http://example.com']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/must be https/);
    const unknown = await runCli(['hubspot']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown source "hubspot"/);
  });
});
