import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../server/demo-keys';
import { DEMO_PROMINENT_CONTACTS } from '../../server/seed/demo';
import {
  CACHE_FRESH_MS,
  createContextClient,
  type CacheStore,
  type ContextClientOptions,
  type LookupAuditEntry,
} from '../../utils/backend-client/context-client';
import type { EngagementCursor } from '../../utils/backend-client/context-merge';
import type { BackendConfig } from '../../utils/settings/schema';
import { startTestServer, type TestServer } from './harness';

/**
 * The background's context client against the real reference server (temp SQLite, demo
 * data) and tiny node:http fakes for the failures a real backend can have.
 */

const DANA = DEMO_PROMINENT_CONTACTS[0] as string;
const MARCUS = DEMO_PROMINENT_CONTACTS[1] as string;
const NOBODY = 'nobody@nowhere.example';

/** The cache as the extension's storage keeps it: a copy in, a copy out. */
function createMemoryCacheStore(): CacheStore {
  const entries = new Map<string, unknown>();
  return {
    get: async (key) => structuredClone(entries.get(key)),
    set: async (key, value) => void entries.set(key, structuredClone(value)),
    delete: async (key) => void entries.delete(key),
    clear: async () => entries.clear(),
  };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: 'demo' });
});
afterAll(() => server.dispose());

const fakes: Server[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) {
    fake.closeAllConnections();
    await new Promise((resolve) => fake.close(resolve));
  }
});

interface Seen {
  method: string;
  path: string;
  body: string;
}

/** A fake backend; `handle` answers each request (or never, to hang). */
async function startFake(
  handle: (request: Seen, response: ServerResponse, index: number) => void,
): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const fake = createServer(async (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const entry = {
      method: request.method ?? '',
      path: request.url ?? '',
      body: Buffer.concat(chunks).toString('utf8'),
    };
    seen.push(entry);
    handle(entry, response, seen.length - 1);
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  fakes.push(fake);
  return { url: `http://127.0.0.1:${(fake.address() as AddressInfo).port}`, seen };
}

function json(response: ServerResponse, status: number, body: unknown, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** A fake lookup answer: every contact not found. */
function notFoundAnswer(body: string) {
  const { contacts } = JSON.parse(body) as { contacts: unknown[] };
  return { results: contacts.map((ref) => ({ ref, match: { status: 'not_found' } })) };
}

function backend(id: string, baseUrl: string, apiKey: string = DEMO_KEYS.read): BackendConfig {
  return { id, name: `Backend ${id}`, baseUrl, apiKey, enabled: true };
}

/** Records every request (URL and body) on its way to the real fetch. */
function countingFetch() {
  const calls: { url: string; body: string }[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    calls.push({ url: request.url, body: await request.clone().text() });
    return fetch(request);
  };
  return {
    calls,
    fetch: wrapped,
    lookups: () => calls.filter((c) => c.url.endsWith('/v1/lookup')),
  };
}

function client(backends: BackendConfig[], options: Partial<ContextClientOptions> = {}) {
  return createContextClient({ backends, cache: createMemoryCacheStore(), ...options });
}

describe('lookup at the reference server', () => {
  it('returns a matched demo contact with its engagements, campaigns and more', async () => {
    const audit: LookupAuditEntry[] = [];
    const contexts = await client([backend('ref', server.url)], {
      onLookup: (entry) => audit.push(entry),
    }).lookup([` ${DANA.toUpperCase()} `]);
    const context = contexts.get(DANA);
    expect(context).toMatchObject({
      state: 'ok',
      stale: false,
      contact: { email: DANA },
      contactBackendId: 'ref',
      sources: [{ backendId: 'ref', name: 'Backend ref', state: 'ok' }],
    });
    expect(context?.engagements.length).toBeGreaterThan(0);
    expect(context?.campaigns.length).toBeGreaterThan(0);
    const times = context?.engagements.map((e) => Date.parse(e.occurredAt)) ?? [];
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(context?.engagements[0]?.backendId).toBe('ref');
    expect(audit).toEqual([
      expect.objectContaining({ contact: DANA, backendId: 'ref', outcome: 'matched' }),
    ]);
  });

  it('says not_found for an unknown address', async () => {
    const context = (await client([backend('ref', server.url)]).lookup([NOBODY])).get(NOBODY);
    expect(context).toMatchObject({ state: 'not_found', sources: [{ state: 'not_found' }] });
    expect(context?.message).toContain(NOBODY);
    expect(context?.contact).toBeUndefined();
  });

  it('says not_configured without backends, and sends nothing', async () => {
    const context = (await client([]).lookup([DANA])).get(DANA);
    expect(context).toMatchObject({ state: 'not_configured' });
    expect(context?.message).toMatch(/options page/);
  });

  it('batches 60 contacts into 2 requests of at most 50', async () => {
    const counter = countingFetch();
    const emails = Array.from({ length: 58 }, (_, i) => `person${i}@batch.example`);
    emails.push(DANA, MARCUS);
    const contexts = await client([backend('ref', server.url)], { fetch: counter.fetch }).lookup(
      emails,
    );
    expect(counter.lookups()).toHaveLength(2);
    const sizes = counter.lookups().map((c) => (JSON.parse(c.body) as { contacts: [] }).contacts);
    expect(sizes.map((s) => s.length)).toEqual([50, 10]);
    expect(contexts.size).toBe(60);
    expect(contexts.get(MARCUS)?.state).toBe('ok');
    expect(contexts.get('person3@batch.example')?.state).toBe('not_found');
  });

  it('shares one in-flight request between concurrent lookups of the same contact', async () => {
    const counter = countingFetch();
    const shared = client([backend('ref', server.url)], { fetch: counter.fetch });
    const [a, b] = await Promise.all([shared.lookup([DANA]), shared.lookup([DANA])]);
    expect(counter.lookups()).toHaveLength(1);
    expect(a.get(DANA)?.contact?.email).toBe(DANA);
    expect(b.get(DANA)?.contact?.email).toBe(DANA);
  });

  it('pages engagements through the cursor and reads messaging by id', async () => {
    const ref = client([backend('ref', server.url)]);
    const context = (await ref.lookup([DANA])).get(DANA);
    const cursor = context?.engagementCursors[0];
    expect(cursor).toMatchObject({ backendId: 'ref', contactId: context?.contact?.id });
    const page = await ref.loadMoreEngagements(cursor as EngagementCursor, 5);
    if (page.state !== 'ok') throw new Error(page.message);
    expect(page.engagements).toHaveLength(5);
    const firstIds = new Set(context?.engagements.map((e) => e.id));
    expect(page.engagements.some((e) => firstIds.has(e.id))).toBe(false);
    expect(page.engagements[0]?.backendId).toBe('ref');
    const ids = context?.messaging.map((m) => m.id) ?? [];
    expect(ids.length).toBeGreaterThan(0);
    const library = await ref.messaging(ids);
    expect(library.messaging.map((m) => m.id).sort()).toEqual([...ids].sort());
    expect(library.sources).toEqual([expect.objectContaining({ backendId: 'ref', state: 'ok' })]);
  });

  it('looks up by emailSha256 only, and finds the contact', async () => {
    const counter = countingFetch();
    const context = (
      await client([backend('ref', server.url)], {
        fetch: counter.fetch,
        hashedLookups: true,
      }).lookup([DANA])
    ).get(DANA);
    expect(context).toMatchObject({ state: 'ok', contact: { email: DANA } });
    const [lookup] = counter.lookups();
    const hash = createHash('sha256').update(DANA).digest('hex');
    expect(JSON.parse(lookup?.body ?? '{}')).toMatchObject({ contacts: [{ emailSha256: hash }] });
    expect(counter.calls.some((c) => c.body.includes(DANA))).toBe(false);
  });
});

describe('failures become states', () => {
  it('retries a 503 and honours Retry-After, then succeeds', async () => {
    const fake = await startFake((request, response, index) => {
      if (index === 0)
        json(
          response,
          503,
          { error: { code: 'internal', message: 'busy' } },
          { 'retry-after': '1' },
        );
      else json(response, 200, notFoundAnswer(request.body));
    });
    const started = Date.now();
    const context = (await client([backend('fake', fake.url)]).lookup([NOBODY])).get(NOBODY);
    expect(context?.state).toBe('not_found');
    expect(fake.seen).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('gives up after 2 retries on 5xx with server_error', async () => {
    const fake = await startFake((_request, response) =>
      json(response, 500, { error: { code: 'internal', message: 'db down' } }),
    );
    const context = (await client([backend('fake', fake.url)]).lookup([NOBODY])).get(NOBODY);
    expect(fake.seen).toHaveLength(3);
    expect(context?.state).toBe('server_error');
    expect(context?.message).toMatch(/HTTP 500.*db down/);
  });

  it('does not wait for a Retry-After longer than 10 s: reports the rate limit at once', async () => {
    const fake = await startFake((_request, response) =>
      json(
        response,
        429,
        { error: { code: 'rate_limited', message: 'slow down' } },
        { 'retry-after': '60' },
      ),
    );
    const started = Date.now();
    const context = (await client([backend('fake', fake.url)]).lookup([NOBODY])).get(NOBODY);
    expect(fake.seen).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(context?.state).toBe('server_error');
    expect(context?.message).toMatch(/HTTP 429.*in 60 s/);
  });

  it('retries network errors twice', async () => {
    const fake = await startFake(() => {});
    const url = fake.url;
    const closing = fakes.pop() as Server;
    await new Promise((resolve) => closing.close(resolve));
    const counter = countingFetch();
    const context = (
      await client([backend('gone', url)], { fetch: counter.fetch }).lookup([NOBODY])
    ).get(NOBODY);
    expect(counter.lookups()).toHaveLength(3);
    expect(context?.state).toBe('unreachable');
  });

  it('does not retry a 401 and says the key was refused', async () => {
    const counter = countingFetch();
    const context = (
      await client([backend('ref', server.url, 'wrong-key')], { fetch: counter.fetch }).lookup([
        DANA,
      ])
    ).get(DANA);
    expect(counter.lookups()).toHaveLength(1);
    expect(context?.state).toBe('unauthorized');
    expect(context?.message).toMatch(/refused the API key/);
  });

  it('times out on a backend that never answers', async () => {
    const fake = await startFake(() => {});
    const context = (
      await client([backend('fake', fake.url)], { timeoutMs: 200 }).lookup([NOBODY])
    ).get(NOBODY);
    expect(context?.state).toBe('timeout');
    expect(context?.message).toMatch(/did not answer in time/);
  });

  it('says unreachable for a closed port', async () => {
    const fake = await startFake(() => {});
    const url = fake.url;
    const closing = fakes.pop() as Server;
    await new Promise((resolve) => closing.close(resolve));
    const context = (await client([backend('gone', url)], { retries: 0 }).lookup([NOBODY])).get(
      NOBODY,
    );
    expect(context?.state).toBe('unreachable');
    expect(context?.message).toContain(url);
  });

  it('names the field when the answer is not a Context API lookup', async () => {
    const fake = await startFake((request, response) => {
      const { contacts } = JSON.parse(request.body) as { contacts: unknown[] };
      json(response, 200, {
        results: contacts.map((ref) => ({
          ref,
          match: { status: 'matched' },
          contact: { id: 'x', email: NOBODY, updatedAt: 1767225600 },
        })),
      });
    });
    const context = (await client([backend('fake', fake.url)]).lookup([NOBODY])).get(NOBODY);
    expect(context?.state).toBe('not_context_api');
    expect(context?.message).toContain('results[0].contact.updatedAt');
  });

  it('keeps one backend’s data when another fails, and reports the failure', async () => {
    const fake = await startFake((_request, response) =>
      json(response, 401, { error: { code: 'unauthorized', message: 'no' } }),
    );
    const context = (
      await client([backend('broken', fake.url), backend('ref', server.url)]).lookup([DANA])
    ).get(DANA);
    expect(context).toMatchObject({
      state: 'ok',
      contact: { email: DANA },
      contactBackendId: 'ref',
      sources: [
        { backendId: 'broken', state: 'unauthorized' },
        { backendId: 'ref', state: 'ok' },
      ],
    });
    expect(context?.message).toMatch(/^Backend broken refused the API key/);
  });

  it('sends no address to a backend that does not announce emailSha256', async () => {
    const fake = await startFake((request, response) => {
      if (request.path === '/v1/health')
        json(response, 200, { status: 'ok', apiVersion: '1', features: [] });
      else json(response, 200, notFoundAnswer(request.body));
    });
    const context = (
      await client([backend('plain', fake.url)], { hashedLookups: true }).lookup([NOBODY])
    ).get(NOBODY);
    expect(context?.state).toBe('not_configured');
    expect(context?.message).toMatch(/does not announce emailSha256/);
    expect(fake.seen.map((s) => s.path)).toEqual(['/v1/health']);
  });

  it('sends the hash, not the address, to a fake announcing emailSha256', async () => {
    const fake = await startFake((request, response) => {
      if (request.path === '/v1/health') {
        json(response, 200, { status: 'ok', apiVersion: '1', features: ['emailSha256'] });
      } else json(response, 200, notFoundAnswer(request.body));
    });
    await client([backend('hash', fake.url)], { hashedLookups: true }).lookup([NOBODY, NOBODY]);
    const lookups = fake.seen.filter((s) => s.path === '/v1/lookup');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.body).not.toContain(NOBODY);
    expect(JSON.parse(lookups[0]?.body ?? '{}')).toMatchObject({
      contacts: [{ emailSha256: createHash('sha256').update(NOBODY).digest('hex') }],
    });
  });
});

describe('several backends', () => {
  it('merges two backends with the same data without duplicates', async () => {
    const single = (await client([backend('a', server.url)]).lookup([DANA])).get(DANA);
    const both = (
      await client([backend('a', server.url), backend('b', server.url)]).lookup([DANA])
    ).get(DANA);
    expect(both?.sources.map((s) => s.state)).toEqual(['ok', 'ok']);
    expect(both?.contactBackendId).toBe('a');
    const key = (e: { id: string; source?: { system: string } }) => `${e.source?.system}:${e.id}`;
    const keys = both?.engagements.map(key) ?? [];
    expect(new Set(keys).size).toBe(keys.length);
    expect(both?.engagements.length).toBe(single?.engagements.length);
    expect(both?.campaigns.length).toBe(single?.campaigns.length);
    expect(both?.messaging.length).toBe(single?.messaging.length);
    expect(both?.assets.length).toBe(single?.assets.length);
  });
});

describe('cache (stale-while-revalidate)', () => {
  it('serves a second lookup within 5 minutes from the cache, without a request', async () => {
    const counter = countingFetch();
    let clock = Date.parse('2026-06-01T10:00:00Z');
    const cached = client([backend('ref', server.url)], {
      fetch: counter.fetch,
      now: () => clock,
    });
    await cached.lookup([DANA]);
    clock += CACHE_FRESH_MS - 1000;
    const again = (await cached.lookup([DANA])).get(DANA);
    expect(counter.lookups()).toHaveLength(1);
    expect(again).toMatchObject({ state: 'ok', stale: false, contact: { email: DANA } });
    await cached.lookup([DANA], { refresh: true });
    expect(counter.lookups()).toHaveLength(2);
  });

  it('returns stale data, marked with its age, when the backend is down after 5 minutes', async () => {
    let down = false;
    const fake = await startFake((request, response) => {
      if (down) {
        json(response, 503, { error: { code: 'internal', message: 'maintenance' } });
        return;
      }
      const { contacts } = JSON.parse(request.body) as { contacts: unknown[] };
      json(response, 200, {
        results: contacts.map((ref) => ({
          ref,
          match: { status: 'matched' },
          contact: { id: 'c1', email: NOBODY, name: 'Nobody', updatedAt: '2026-05-01T00:00:00Z' },
        })),
      });
    });
    let clock = Date.parse('2026-06-01T10:00:00Z');
    const cached = client([backend('fake', fake.url)], { now: () => clock, retries: 0 });
    expect((await cached.lookup([NOBODY])).get(NOBODY)?.stale).toBe(false);
    down = true;
    clock += 6 * 60_000;
    const stale = (await cached.lookup([NOBODY])).get(NOBODY);
    expect(stale).toMatchObject({
      state: 'ok',
      stale: true,
      ageMs: 6 * 60_000,
      contact: { name: 'Nobody' },
      sources: [{ backendId: 'fake', state: 'server_error', stale: true, ageMs: 6 * 60_000 }],
    });
    expect(stale?.message).toMatch(/HTTP 503/);
    // What the sidebar paints before revalidating: the cache alone, marked stale.
    expect((await cached.cached([NOBODY, MARCUS])).get(NOBODY)).toMatchObject({
      state: 'ok',
      stale: true,
      ageMs: 6 * 60_000,
    });
    expect((await cached.cached([MARCUS])).size).toBe(0);
    // Past 24 h the cache is no longer usable: only the failure remains.
    clock += 24 * 60 * 60_000;
    expect((await cached.lookup([NOBODY])).get(NOBODY)).toMatchObject({
      state: 'server_error',
      stale: false,
    });
  });
});
