/**
 * `npm run bench:server`: batch lookups against the reference server at scale.
 *
 *   npm run bench:server -- [--contacts 100000] [--engagements 2000000] [--duration 10]
 *                           [--connections 10] [--fresh]
 *
 * 1. Seeds a SQLite database with the scale generator (`scale-dataset.ts`) through
 *    `loadDataset`, cached under ./data/bench/ keyed by scale + generator version (reused
 *    on later runs; `--fresh` seeds again).
 * 2. Starts the real server (`startServer`, port 0, quiet log, rate limit out of the way) in
 *    a child process, so the load generator does not share the server's event loop.
 * 3. Times the store calls a lookup makes directly (in process, many iterations), then the
 *    in-process app (`app.fetch`: routing, zod, JSON, no socket), then drives `POST
 *    /v1/lookup` over HTTP with autocannon: single contacts by email (the goal), 50-contact
 *    batches, emailSha256, CRM ids, and the busiest contacts. Bodies come from pre-built
 *    pools of random existing contacts, so every request asks for a different contact.
 *
 * Prints figures only; never asserts timings (the machine is shared). It does check that
 * the lookups it measures are real matches, since a 404-fast benchmark measures nothing.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import type { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { ContactRef } from '../../utils/contract/schemas';
import { createApp, loadDataset, SqliteStore, startServer } from '../../server/main';
import { DEMO_KEYS } from '../../server/demo-keys';
import { MAX_LOOKUP_ASSETS } from '../../utils/contract/limits';
import { SeededRandom } from '../../server/seed/seeded-random';
import type { Store } from '../../server/store/types';
import {
  busiestContactIndexes,
  engagementCounts,
  SCALE_GENERATOR_VERSION,
  scaleContactCrmRef,
  scaleContactEmail,
  scaleContactEmailSha256,
  scaleDatasets,
  type ScaleOptions,
} from './scale-dataset';

// ---------------------------------------------------------------------------------------
// autocannon has no type declarations: the slice of its programmatic API used here.

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  method: 'POST';
  headers: Record<string, string>;
  requests: Array<{ setupRequest: (request: AutocannonRequest) => AutocannonRequest }>;
}
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  latency: { p50: number; p99: number };
}
type AutocannonInstance = EventEmitter & PromiseLike<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: AutocannonOptions,
) => AutocannonInstance;

// ---------------------------------------------------------------------------------------
// Flags

const SELF = fileURLToPath(import.meta.url);
const READ_KEY = DEMO_KEYS.read;
const ENGAGEMENT_LIMIT = 50;
const BATCH_SIZE = 50;
/** Mirrors the lookup route's highlight cap (server/routes/read-routes.ts). */
const MAX_HIGHLIGHTS = 10;
const GOAL_LOOKUPS_PER_S = 2000;
const GOAL_P99_MS = 25;

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function numberFlag(name: string, fallback: number): number {
  const raw = flag(name);
  if (raw === undefined) return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} must be a positive number (got "${raw}")`);
    process.exit(2);
  }
  return value;
}

// ---------------------------------------------------------------------------------------
// Child process: the server under test

async function serveChild(dbPath: string): Promise<void> {
  const running = await startServer({
    port: 0,
    dbPath,
    log: () => {},
    rateLimitPerMinute: 1e9,
  });
  process.on('message', (message: unknown) => {
    if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  });
  process.once('disconnect', () => {
    void running.close().then(() => process.exit(0));
  });
  process.send?.({ url: running.url });
}

interface ServerChild {
  url: string;
  child: ChildProcess;
  /** Server process CPU time so far, in ms (user + system). */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

function startServerChild(dbPath: string): Promise<ServerChild> {
  // tsx runs this file with its loader in execArgv; fork() passes execArgv on.
  const child = fork(SELF, ['--serve', dbPath], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server child exited with ${code}`)));
    child.once('message', (message) => {
      const { url } = message as { url: string };
      resolve({
        url,
        child,
        cpuMs: () =>
          new Promise((done) => {
            child.once('message', (reply) => {
              const { cpu } = reply as { cpu: NodeJS.CpuUsage };
              done((cpu.user + cpu.system) / 1000);
            });
            child.send('cpu');
          }),
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.disconnect();
          }),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------
// Seeding (cached)

function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

async function ensureDatabase(scale: ScaleOptions, fresh: boolean): Promise<string> {
  const dir = join(process.cwd(), 'data', 'bench');
  const path = join(
    dir,
    `server-c${scale.contacts}-e${scale.engagements}-g${SCALE_GENERATOR_VERSION}.db`,
  );
  if (existsSync(path) && !fresh) {
    console.log(
      `database: reused ${path} (${(statSync(path).size / 2 ** 20).toFixed(0)} MiB; --fresh to seed again)`,
    );
    return path;
  }
  // Seed beside the final name and rename at the end: an interrupted seed is never reused.
  const seeding = `${path}.seeding`;
  for (const file of [path, seeding].flatMap((p) => [p, `${p}-wal`, `${p}-shm`])) {
    rmSync(file, { force: true });
  }
  console.log(
    `database: seeding ${formatInt(scale.contacts)} contacts, ${formatInt(scale.engagements)} engagements into ${path}`,
  );
  const started = performance.now();
  const store = new SqliteStore(seeding);
  let generateMs = 0;
  let loadMs = 0;
  let events = 0;
  const datasets = scaleDatasets(scale);
  for (;;) {
    const t0 = performance.now();
    const next = datasets.next();
    const t1 = performance.now();
    generateMs += t1 - t0;
    if (next.done) break;
    await loadDataset(store, next.value);
    loadMs += performance.now() - t1;
    events += next.value.events.length;
    console.log(
      `  ${next.value.contacts.length > 0 ? `${formatInt(next.value.contacts.length)} contacts, ${formatInt(next.value.memberships.length)} memberships` : `${formatInt(events)} events`} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  await store.close();
  renameSync(seeding, path);
  const totalS = (performance.now() - started) / 1000;
  console.log(
    `database: seeded in ${totalS.toFixed(1)} s (generate ${(generateMs / 1000).toFixed(1)} s, loadDataset ${(loadMs / 1000).toFixed(1)} s = ${formatInt(events / (loadMs / 1000))} events/s), ${(statSync(path).size / 2 ** 20).toFixed(0)} MiB`,
  );
  return path;
}

// ---------------------------------------------------------------------------------------
// Lookup pools: random existing contacts, deterministic

type RefKind = 'email' | 'emailSha256' | 'crm';

function refOf(kind: RefKind, index: number, contacts: number): ContactRef {
  if (kind === 'email') return { email: scaleContactEmail(index, contacts) };
  if (kind === 'emailSha256') return { emailSha256: scaleContactEmailSha256(index, contacts) };
  return { crm: scaleContactCrmRef(index) };
}

/** `size` lookups of `perRequest` contacts each, drawn uniformly from `indexes` (or all). */
function buildPool(
  kind: RefKind,
  size: number,
  perRequest: number,
  scale: ScaleOptions,
  seed: number,
  indexes?: number[],
): ContactRef[][] {
  const random = new SeededRandom(`bench-pool:${seed}`);
  const draw = () => (indexes ? random.pick(indexes) : random.below(scale.contacts));
  return Array.from({ length: size }, () =>
    Array.from({ length: perRequest }, () => refOf(kind, draw(), scale.contacts)),
  );
}

function lookupBody(refs: ContactRef[]): string {
  // Default include (everything) and the default engagementLimit, stated explicitly.
  return JSON.stringify({ contacts: refs, engagementLimit: ENGAGEMENT_LIMIT });
}

// ---------------------------------------------------------------------------------------
// Measurement helpers

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function summarise(samples: number[]): { p50: number; p99: number; mean: number } {
  const sorted = Float64Array.from(samples).sort();
  const mean = samples.reduce((sum, v) => sum + v, 0) / Math.max(1, samples.length);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean };
}

const ms = (v: number) => (v < 1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v.toFixed(1));

/** The store calls POST /v1/lookup makes for one ref with the default include (all parts). */
async function storeLookup(store: Store, ref: ContactRef): Promise<number> {
  const found = await store.findContacts(ref);
  const contact = found[0];
  if (found.length !== 1 || !contact) return -1;
  await store.listHighlightEvents(contact.id, MAX_HIGHLIGHTS);
  const page = await store.listEngagements({ contactId: contact.id, limit: ENGAGEMENT_LIMIT });
  const campaigns = await store.listCampaignMemberships(contact.id);
  const assets = await store.listEngagedAssets(contact.id, MAX_LOOKUP_ASSETS);
  const ids = new Set(await store.listEngagedMessagingIds(contact.id));
  for (const item of [...campaigns, ...assets]) {
    for (const id of item.messagingIds ?? []) ids.add(id);
  }
  if (ids.size > 0) await store.listMessaging({ ids: [...ids].sort() });
  return page.engagements.length;
}

/** Times `fn` over the pool for about `budgetMs` (at least `minIterations`). */
async function timeLoop(
  pool: ContactRef[][],
  budgetMs: number,
  minIterations: number,
  fn: (refs: ContactRef[]) => Promise<unknown>,
): Promise<{ p50: number; p99: number; mean: number; n: number }> {
  for (let i = 0; i < Math.min(200, pool.length); i++) await fn(pool[i] as ContactRef[]);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; samples.length < minIterations || performance.now() - started < budgetMs; i++) {
    const refs = pool[i % pool.length] as ContactRef[];
    const t0 = performance.now();
    await fn(refs);
    samples.push(performance.now() - t0);
  }
  return { ...summarise(samples), n: samples.length };
}

/** Per-call breakdown of a single-contact lookup, to show where store time goes. */
async function storeBreakdown(store: Store, refs: ContactRef[], iterations: number) {
  const steps: Record<string, number[]> = {
    findContacts: [],
    listHighlightEvents: [],
    listEngagements: [],
    listCampaignMemberships: [],
    listEngagedAssets: [],
    listEngagedMessagingIds: [],
  };
  const time = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const value = await fn();
    steps[name]?.push(performance.now() - t0);
    return value;
  };
  for (let i = 0; i < iterations; i++) {
    const ref = refs[i % refs.length] as ContactRef;
    const [contact] = await time('findContacts', () => store.findContacts(ref));
    if (!contact) continue;
    await time('listHighlightEvents', () => store.listHighlightEvents(contact.id, MAX_HIGHLIGHTS));
    await time('listEngagements', () =>
      store.listEngagements({ contactId: contact.id, limit: ENGAGEMENT_LIMIT }),
    );
    await time('listCampaignMemberships', () => store.listCampaignMemberships(contact.id));
    await time('listEngagedAssets', () => store.listEngagedAssets(contact.id, MAX_LOOKUP_ASSETS));
    await time('listEngagedMessagingIds', () => store.listEngagedMessagingIds(contact.id));
  }
  return Object.entries(steps)
    .map(([name, samples]) => `${name} ${ms(summarise(samples).p50)}`)
    .join(', ');
}

interface HttpRun {
  name: string;
  perRequest: number;
  connections: number;
  lookupsPerS: number;
  requestsPerS: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  serverCpuPct: number;
  /** Server CPU time per request (user + system), in ms: what a free core would allow. */
  serverCpuMsPerRequest: number;
  load1: number;
}

async function httpRun(
  server: ServerChild,
  name: string,
  pool: string[],
  perRequest: number,
  connections: number,
  durationS: number,
): Promise<HttpRun> {
  let next = 0;
  const latencies: number[] = [];
  const cpuBefore = await server.cpuMs();
  const instance = autocannon({
    url: `${server.url}/v1/lookup`,
    connections,
    duration: durationS,
    method: 'POST',
    headers: { authorization: `Bearer ${READ_KEY}`, 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          request.body = pool[next++ % pool.length];
          return request;
        },
      },
    ],
  });
  // autocannon's own histogram is in whole milliseconds; keep exact response times too.
  instance.on('response', (_client: unknown, status: number, _bytes: number, time: number) => {
    if (status >= 200 && status < 300) latencies.push(time);
  });
  const result = await instance;
  const cpuMs = (await server.cpuMs()) - cpuBefore;
  const stats = summarise(latencies);
  const requestsPerS = result['2xx'] / result.duration;
  return {
    name,
    perRequest,
    connections,
    requestsPerS,
    lookupsPerS: requestsPerS * perRequest,
    p50: stats.p50,
    p99: stats.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    serverCpuPct: (cpuMs / (result.duration * 1000)) * 100,
    serverCpuMsPerRequest: cpuMs / Math.max(1, result['2xx'] + result.non2xx),
    load1: os.loadavg()[0] ?? 0,
  };
}

/** One request of each kind before measuring: every ref must be a real, full match. */
async function checkLookup(url: string, refs: ContactRef[]): Promise<number> {
  const response = await fetch(`${url}/v1/lookup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${READ_KEY}`, 'content-type': 'application/json' },
    body: lookupBody(refs),
  });
  if (response.status !== 200) throw new Error(`lookup answered ${response.status}`);
  const body = (await response.json()) as {
    results: Array<{ match: { status: string }; engagements?: unknown[] }>;
  };
  const unmatched = body.results.filter((r) => r.match.status !== 'matched').length;
  if (body.results.length !== refs.length || unmatched > 0) {
    throw new Error(`lookup of ${refs.length} refs: ${unmatched} not matched`);
  }
  return body.results.reduce((sum, r) => sum + (r.engagements?.length ?? 0), 0);
}

// ---------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const scale: ScaleOptions = {
    contacts: numberFlag('contacts', 100_000),
    engagements: numberFlag('engagements', 2_000_000),
  };
  const durationS = numberFlag('duration', 10);
  const connections = numberFlag('connections', 10);
  const fresh = process.argv.includes('--fresh');
  const cpus = os.cpus();
  const load = () =>
    os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(' ');

  console.log(
    `machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), node ${process.version}, ${os.platform()} ${os.arch()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; load average ${load()} (1/5/15 min)`,
  );
  const counts = engagementCounts(scale);
  const sortedCounts = Uint32Array.from(counts).sort();
  console.log(
    `scale: ${formatInt(scale.contacts)} contacts, ${formatInt(scale.engagements)} engagements (generator v${SCALE_GENERATOR_VERSION}); per contact: median ${sortedCounts[Math.floor(sortedCounts.length / 2)]}, p90 ${sortedCounts[Math.floor(sortedCounts.length * 0.9)]}, max ${sortedCounts[sortedCounts.length - 1]}, ${formatInt(counts.filter((c) => c >= 1000).length)} contacts with ≥ 1,000`,
  );

  const dbPath = await ensureDatabase(scale, fresh);

  // Pools (the same kinds of request for the store, the app and HTTP).
  const busiest = busiestContactIndexes(scale, 50);
  const pools = {
    email: buildPool('email', 20_000, 1, scale, 1),
    batch: buildPool('email', 400, BATCH_SIZE, scale, 2),
    emailSha256: buildPool('emailSha256', 20_000, 1, scale, 3),
    crm: buildPool('crm', 20_000, 1, scale, 4),
    busiest: buildPool('email', 2_000, 1, scale, 5, busiest),
  };

  // Direct store calls, in this process, on its own connection to the same file.
  const store = new SqliteStore(dbPath);
  const contactsStored = await store.countContacts();
  if (contactsStored !== scale.contacts) {
    throw new Error(`database has ${contactsStored} contacts, expected ${scale.contacts}`);
  }
  const lookupAll = async (refs: ContactRef[]) => {
    for (const ref of refs) {
      if ((await storeLookup(store, ref)) < 0) throw new Error('a pool contact did not match');
    }
  };
  console.log('\nstore calls of one lookup (default include, engagementLimit 50), in process:');
  const storeTimes = {
    email: await timeLoop(pools.email, 2000, 2000, lookupAll),
    batch: await timeLoop(pools.batch, 2000, 50, lookupAll),
    emailSha256: await timeLoop(pools.emailSha256, 2000, 2000, lookupAll),
    crm: await timeLoop(pools.crm, 2000, 2000, lookupAll),
    busiest: await timeLoop(pools.busiest, 2000, 200, lookupAll),
  };
  for (const [name, t] of Object.entries(storeTimes)) {
    console.log(
      `  ${name.padEnd(12)} p50 ${ms(t.p50)} ms, p99 ${ms(t.p99)} ms, mean ${ms(t.mean)} ms (${formatInt(t.n)} iterations)`,
    );
  }
  const flat = (pool: ContactRef[][]) => pool.slice(0, 500).flat();
  console.log(
    `  p50 per call, random contacts (ms): ${await storeBreakdown(store, flat(pools.email), 2000)}`,
  );
  console.log(
    `  p50 per call, 50 busiest contacts (ms): ${await storeBreakdown(store, flat(pools.busiest), 300)}`,
  );

  // The in-process app: routing, auth, zod, JSON, without sockets.
  const app = createApp({ store, keys: DEMO_KEYS, rateLimitPerMinute: 1e9, log: () => {} });
  const appFetch = async (refs: ContactRef[]) => {
    const response = await app.fetch(
      new Request('http://bench.local/v1/lookup', {
        method: 'POST',
        headers: { authorization: `Bearer ${READ_KEY}`, 'content-type': 'application/json' },
        body: lookupBody(refs),
      }),
    );
    if (response.status !== 200) throw new Error(`app.fetch answered ${response.status}`);
    await response.text();
  };
  const appTimes = {
    email: await timeLoop(pools.email, 2000, 1000, appFetch),
    batch: await timeLoop(pools.batch, 2000, 30, appFetch),
  };
  console.log('in-process app.fetch (no socket):');
  for (const [name, t] of Object.entries(appTimes)) {
    console.log(`  ${name.padEnd(12)} p50 ${ms(t.p50)} ms, p99 ${ms(t.p99)} ms`);
  }
  await store.close();

  // HTTP, the real server in a child process.
  const server = await startServerChild(dbPath);
  try {
    const sample = await checkLookup(server.url, pools.batch[0] as ContactRef[]);
    for (const kind of ['email', 'emailSha256', 'crm', 'busiest'] as const) {
      await checkLookup(server.url, pools[kind][0] as ContactRef[]);
    }
    console.log(
      `\nHTTP ${server.url} (server in a child process, autocannon in this one; ${durationS} s per run; a 50-contact batch returned ${formatInt(sample)} engagements)`,
    );
    const bodies = (pool: ContactRef[][]) => pool.map(lookupBody);
    const emailBodies = bodies(pools.email);
    await httpRun(server, 'warm-up', emailBodies, 1, connections, Math.min(3, durationS));
    const runs: Array<{ run: HttpRun; storeP50: number }> = [];
    const plan: Array<[string, string[], number, number, number]> = [
      ['email ×1', emailBodies, 1, connections, storeTimes.email.p50],
      ['email ×1', emailBodies, 1, 1, storeTimes.email.p50],
      [`email ×${BATCH_SIZE}`, bodies(pools.batch), BATCH_SIZE, connections, storeTimes.batch.p50],
      ['emailSha256 ×1', bodies(pools.emailSha256), 1, connections, storeTimes.emailSha256.p50],
      ['crm ×1', bodies(pools.crm), 1, connections, storeTimes.crm.p50],
      ['busiest ×1', bodies(pools.busiest), 1, connections, storeTimes.busiest.p50],
    ];
    console.log(
      'run               conns   lookups/s    req/s   p50 ms   p99 ms  errors  non-2xx  HTTP p50 / store p50  server CPU  CPU ms/req  load1',
    );
    for (const [name, pool, perRequest, conns, storeP50] of plan) {
      const run = await httpRun(server, name, pool, perRequest, conns, durationS);
      runs.push({ run, storeP50 });
      console.log(
        [
          name.padEnd(16),
          String(conns).padStart(6),
          formatInt(run.lookupsPerS).padStart(11),
          formatInt(run.requestsPerS).padStart(8),
          ms(run.p50).padStart(8),
          ms(run.p99).padStart(8),
          String(run.errors + run.timeouts).padStart(7),
          String(run.non2xx).padStart(8),
          `${(run.p50 / storeP50).toFixed(1)}×`.padStart(21),
          `${run.serverCpuPct.toFixed(0)}%`.padStart(11),
          ms(run.serverCpuMsPerRequest).padStart(11),
          run.load1.toFixed(2).padStart(6),
        ].join(' '),
      );
    }
    const goal = runs[0]?.run;
    if (goal) {
      console.log(
        `\ngoal ≥ ${formatInt(GOAL_LOOKUPS_PER_S)} single-contact lookups/s: ${goal.lookupsPerS >= GOAL_LOOKUPS_PER_S ? 'met' : 'NOT met'} (${formatInt(goal.lookupsPerS)}/s at ${goal.connections} connections)`,
      );
      console.log(
        `goal p99 ≤ ${GOAL_P99_MS} ms: ${goal.p99 <= GOAL_P99_MS ? 'met' : 'NOT met'} (${ms(goal.p99)} ms)`,
      );
      console.log(
        `server CPU per single-contact lookup: ${ms(goal.serverCpuMsPerRequest)} ms, so about ${formatInt(1000 / goal.serverCpuMsPerRequest)} lookups/s if the server had one core to itself (it had ${goal.serverCpuPct.toFixed(0)}% of one)`,
      );
    }
    console.log(
      `load average at the end: ${load()} (1/5/15 min; other processes share these cores)`,
    );
  } finally {
    await server.stop();
  }
}

if (process.argv[2] === '--serve' && process.argv[3]) {
  await serveChild(process.argv[3]);
} else {
  await main();
}
