import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/main';
import { DEMO_KEYS } from '../../server/demo-keys';
import { runConformance, type CheckResult } from '../../utils/contract/conformance';
import {
  BROKEN_BACKEND_BREAKS,
  BROKEN_KNOWN_EMAIL,
  BROKEN_MESSAGING_DELAY_MS,
  startBrokenBackend,
} from './broken-backend';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function byStatus(results: CheckResult[], status: CheckResult['status']): string[] {
  return results.filter((r) => r.status === status).map((r) => r.id);
}

function messageOf(results: CheckResult[], id: string): string {
  const result = results.find((r) => r.id === id);
  if (!result) throw new Error(`no check with id ${id}`);
  return result.message;
}

/** Failures as readable lines, so a failing assertion shows the checker's own reasons. */
function failures(results: CheckResult[]): string[] {
  return results.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.message}`);
}

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'scripts/conformance.ts', ...args],
      { cwd: repoRoot, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('conformance checker against the reference server', () => {
  let server: RunningServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'touchpoint-conformance-'));
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dbPath: join(dir, 'context.db'),
      seed: 'demo',
    });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes every check with a read and a write key', async () => {
    const results = await runConformance({
      url: server.url,
      key: DEMO_KEYS.read,
      writeKey: DEMO_KEYS.write,
    });
    expect(failures(results)).toEqual([]);
    expect(byStatus(results, 'skip')).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(20);
  });

  it('passes with a read key and a demo contact', async () => {
    const [busiest] = await server.store.listBusiestContacts(1);
    expect(busiest, 'the demo seed has contacts').toBeDefined();
    const results = await runConformance({
      url: server.url,
      key: DEMO_KEYS.read,
      email: busiest!.email,
    });
    expect(failures(results)).toEqual([]);
    expect(byStatus(results, 'skip').sort()).toEqual([
      'feedback',
      'ingest.create',
      'ingest.idempotent',
    ]);
    expect(messageOf(results, 'lookup.engagements')).toMatch(/\d+ engagements, newest first/);
  });

  it('skips, with a reason, what needs a known contact when given only a read key', async () => {
    const results = await runConformance({ url: server.url, key: DEMO_KEYS.read });
    expect(failures(results)).toEqual([]);
    expect(messageOf(results, 'lookup.order')).toMatch(/--email <address> or --write-key/);
  });

  it('blames the key when the read key is refused', async () => {
    const results = await runConformance({ url: server.url, key: 'not-a-key-at-all' });
    expect(byStatus(results, 'pass')).toEqual(
      expect.arrayContaining(['auth.missing_key', 'auth.wrong_key']),
    );
    expect(messageOf(results, 'lookup.shape')).toMatch(
      /expected HTTP 200, got 401 .*the key was refused: check it and its scope/,
    );
  });
});

describe('conformance checker against a broken backend', () => {
  let broken: { url: string; close(): Promise<void> };
  let results: CheckResult[];

  beforeAll(async () => {
    broken = await startBrokenBackend();
    results = await runConformance({
      url: broken.url,
      key: 'any-key',
      email: BROKEN_KNOWN_EMAIL,
      slowMs: BROKEN_MESSAGING_DELAY_MS - 100,
    });
  });

  afterAll(() => broken?.close());

  it('fails exactly the checks the backend breaks', () => {
    expect(byStatus(results, 'fail').sort()).toEqual(
      [...Object.keys(BROKEN_BACKEND_BREAKS), 'response_time'].sort(),
    );
    expect(byStatus(results, 'pass').sort()).toEqual(
      [
        'health',
        'errors.no_contacts',
        'errors.too_many_contacts',
        'errors.engagement_limit',
        'lookup.engagement_limit',
      ].sort(),
    );
    expect(byStatus(results, 'skip').sort()).toEqual(
      ['feedback', 'ingest.create', 'ingest.idempotent', 'lookup.email_sha256', 'openapi'].sort(),
    );
  });

  it('says what was expected and names the field that broke it', () => {
    expect(messageOf(results, 'auth.missing_key')).toMatch(
      /^POST \/v1\/lookup: expected HTTP 401, got 200/,
    );
    expect(messageOf(results, 'auth.wrong_key')).toMatch(/expected HTTP 401, got 200/);
    expect(messageOf(results, 'lookup.shape')).toMatch(
      /not a valid LookupResponse: results\[\d\]\.(match|contact\.updatedAt): /,
    );
    expect(messageOf(results, 'lookup.order')).toMatch(
      /results\[0\]\.ref\.email: expected "conformance-\w+-1@invalid\.example" \(request order\), got "conformance-\w+-2@invalid\.example"/,
    );
    expect(messageOf(results, 'lookup.not_found')).toMatch(/results\[0\]\.match: missing/);
    expect(messageOf(results, 'lookup.engagements')).toMatch(
      /results\[0\]\.engagements\[1\]\.occurredAt \(2026-03-02T10:00:00Z\) is newer than results\[0\]\.engagements\[0\]\.occurredAt/,
    );
    expect(messageOf(results, 'engagements.paging')).toMatch(
      /page 2: engagements\[0\]\.id "b-e\d" was already on page 1/,
    );
    expect(messageOf(results, 'messaging')).toMatch(/messaging\[0\]\.statement: /);
    expect(messageOf(results, 'errors.malformed_json')).toMatch(
      /expected HTTP 400, got 500 with an HTML page/,
    );
    expect(messageOf(results, 'errors.unknown_route')).toMatch(
      /expected content-type application\/json, got text\/plain "Not Found"/,
    );
    expect(messageOf(results, 'errors.no_html')).toMatch(
      /POST \/v1\/lookup \(HTTP 500\) answered an HTML page/,
    );
    expect(messageOf(results, 'response_time')).toMatch(/GET \/v1\/messaging took \d+ ms/);
  });

  it('the CLI prints one line per check and the summary, and exits 1', async () => {
    const { code, stdout } = await runCli([
      '--url',
      broken.url,
      '--key',
      'any-key',
      '--email',
      BROKEN_KNOWN_EMAIL,
    ]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAIL {2}lookup results have the same length and order/m);
    expect(stdout).toMatch(/^PASS {2}GET \/v1\/health answers the health check/m);
    expect(stdout).toMatch(/^SKIP {2}.*needs --write-key/m);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 1\d failed, 5 skipped$/);
  });
});

describe('conformance checker edge cases', () => {
  it('reports an unreachable backend as one clear failure, not a stack trace', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const results = await runConformance({ url: `http://127.0.0.1:${port}`, key: 'k' });
    expect(failures(results)).toEqual([
      `health: cannot connect to http://127.0.0.1:${port} (ECONNREFUSED); is the backend running and the --url right?`,
    ]);
    expect(byStatus(results, 'skip')).toHaveLength(results.length - 1);
  });

  it('reports a request that outlives --timeout-ms with the figure', async () => {
    const broken = await startBrokenBackend();
    try {
      const timeoutMs = BROKEN_MESSAGING_DELAY_MS / 3;
      const results = await runConformance({ url: broken.url, key: 'k', timeoutMs });
      expect(messageOf(results, 'messaging')).toBe(
        `/v1/messaging did not answer within ${timeoutMs} ms (raise --timeout-ms if the backend is slow)`,
      );
      // A slow endpoint is not an unreachable backend: later checks still run.
      expect(results.find((r) => r.id === 'errors.no_contacts')?.status).toBe('pass');
    } finally {
      await broken.close();
    }
  });

  it('the CLI answers bad arguments with usage and exit code 2', async () => {
    const missingKey = await runCli(['--url', 'http://127.0.0.1:1']);
    expect(missingKey.code).toBe(2);
    expect(missingKey.stderr).toMatch(/Missing --key/);
    expect(missingKey.stderr).toMatch(/Usage: npm run conformance/);
    const unknownFlag = await runCli(['--url', 'http://x.example', '--key', 'k', '--nope']);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/--nope/);
  });
});
