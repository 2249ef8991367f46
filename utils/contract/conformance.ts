/**
 * Conformance checker: points at any backend and reports, check by check, where it follows
 * or breaks the Context API (`npm run conformance -- --url … --key …`).
 *
 * Pure apart from `fetch` (and Web Crypto for the emailSha256 check): runs in Node, in tests
 * and could run in a browser. Each failure says what was expected and what came back, naming
 * the field path.
 */
import type { z } from 'zod';
import { describeZodError } from './errors';
import {
  EngagementsPage,
  ErrorBody,
  EventsResponse,
  HealthResponse,
  LookupResponse,
  MAX_ENGAGEMENT_LIMIT,
  MAX_LOOKUP_CONTACTS,
  MessagingList,
  Contact,
  FeedbackList,
} from './schemas';

export interface ConformanceOptions {
  /** Base URL, the part before `/v1`. */
  url: string;
  /** A key with scope `read`. */
  key: string;
  /** A key with scope `write`: the checker then creates its own test contact and events. */
  writeKey?: string;
  /** A contact the backend knows (used for the lookup checks instead of a created one). */
  email?: string;
  /** Per request. Default 8000. */
  timeoutMs?: number;
  /** A response slower than this fails the response-time check. Default 2000. */
  slowMs?: number;
  fetch?: typeof fetch;
}

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  message: string;
  ms?: number;
}

export const DEFAULT_TIMEOUT_MS = 8000;
export const DEFAULT_SLOW_MS = 2000;

// ---------------------------------------------------------------------------------------
// HTTP

interface Exchange {
  label: string;
  status: number;
  contentType: string;
  text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  body: unknown;
  ms: number;
}

/** The request did not get an answer (refused, DNS, timeout): every check says so plainly. */
class RequestFailed extends Error {}

interface SendOptions {
  /** null = no Authorization header. */
  key: string | null;
  body?: unknown;
  rawBody?: string;
}

function createClient(options: ConformanceOptions) {
  const base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;
  const exchanges: Exchange[] = [];

  async function send(method: string, path: string, send: SendOptions): Promise<Exchange> {
    const url = new URL(path.replace(/^\//, ''), base);
    const label = `${method} /${path.replace(/^\//, '').split('?')[0]}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (send.key !== null) headers.authorization = `Bearer ${send.key}`;
    const payload =
      send.rawBody ?? (send.body === undefined ? undefined : JSON.stringify(send.body));
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method,
        headers,
        body: payload,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      });
      text = await response.text();
    } catch (error) {
      throw new RequestFailed(describeFetchError(error, url, timeoutMs));
    }
    const ms = Math.round(performance.now() - started);
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    const exchange: Exchange = {
      label,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text,
      body,
      ms,
    };
    exchanges.push(exchange);
    return exchange;
  }

  return { send, exchanges, base };
}

function describeFetchError(error: unknown, url: URL, timeoutMs: number): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `${url.pathname} did not answer within ${timeoutMs} ms (raise --timeout-ms if the backend is slow)`;
  }
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string }) : undefined;
  const reason =
    cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `cannot connect to ${url.origin} (${reason}); is the backend running and the --url right?`;
}

// ---------------------------------------------------------------------------------------
// Assertions: each returns a problem sentence, or null when fine

function idProblem(exchange: Exchange, id: string): string | null {
  const got = field(exchange.body, 'id');
  return got === id ? null : `${exchange.label}: id: expected "${id}", got ${show(got)}`;
}

function isHtml(exchange: Exchange): boolean {
  return (
    /html/i.test(exchange.contentType) || /^\s*<(!doctype|html|head|body)/i.test(exchange.text)
  );
}

function isJson(exchange: Exchange): boolean {
  return /^application\/([\w.+-]*\+)?json/i.test(exchange.contentType.trim());
}

function whatCameBack(exchange: Exchange): string {
  if (isHtml(exchange)) return `an HTML page (content-type "${exchange.contentType}")`;
  if (exchange.text === '') return 'an empty body';
  const snippet = exchange.text.replace(/\s+/g, ' ').slice(0, 80);
  return `${exchange.contentType ? `${exchange.contentType} ` : ''}"${snippet}${exchange.text.length > 80 ? '…' : ''}"`;
}

function expectStatus(exchange: Exchange, status: number): string | null {
  if (exchange.status === status) return null;
  const hint =
    status < 400 && (exchange.status === 401 || exchange.status === 403)
      ? ' (the key was refused: check it and its scope)'
      : '';
  return `${exchange.label}: expected HTTP ${status}, got ${exchange.status} with ${whatCameBack(exchange)}${hint}`;
}

function expectJsonBody(exchange: Exchange): string | null {
  if (!isJson(exchange)) {
    return `${exchange.label}: expected content-type application/json, got ${whatCameBack(exchange)}`;
  }
  if (exchange.body === undefined) {
    return `${exchange.label}: the body is not valid JSON (${whatCameBack(exchange)})`;
  }
  return null;
}

function expectSchema<T>(
  exchange: Exchange,
  schema: z.ZodType<T>,
  name: string,
): { ok: true; data: T } | { ok: false; problem: string } {
  const parsed = schema.safeParse(exchange.body);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    problem: `${exchange.label}: the body is not a valid ${name}: ${describeZodError(parsed.error)}`,
  };
}

/** A contract error: the status, JSON, `{error: {code, message}}` and the code. */
function expectError(exchange: Exchange, status: number, code: string): string | null {
  const problem = expectStatus(exchange, status) ?? expectJsonBody(exchange);
  if (problem) return problem;
  const parsed = expectSchema(exchange, ErrorBody, 'error body {"error": {"code", "message"}}');
  if (!parsed.ok) return parsed.problem;
  if (parsed.data.error.code !== code) {
    return `${exchange.label}: error.code: expected "${code}", got "${parsed.data.error.code}"`;
  }
  return null;
}

// Raw access for checks that must still work when the body fails its schema elsewhere.
function field(value: unknown, key: string | number): unknown {
  return value !== null && typeof value === 'object'
    ? (value as Record<string | number, unknown>)[key]
    : undefined;
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** Problems with `engagements` (raw) order: newest first, valid times. */
function engagementOrderProblem(engagements: unknown[], path: string): string | null {
  let previous = Infinity;
  for (let i = 0; i < engagements.length; i++) {
    const occurredAt = field(engagements[i], 'occurredAt');
    const time = typeof occurredAt === 'string' ? Date.parse(occurredAt) : NaN;
    if (Number.isNaN(time)) {
      return `${path}[${i}].occurredAt: expected an ISO-8601 time, got ${show(occurredAt)}`;
    }
    if (time > previous) {
      return `${path}[${i}].occurredAt (${String(occurredAt)}) is newer than ${path}[${i - 1}].occurredAt (${String(field(engagements[i - 1], 'occurredAt'))}): engagements must come newest first`;
    }
    previous = time;
  }
  return null;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function randomToken(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 12);
}

// ---------------------------------------------------------------------------------------
// Checks

interface Outcome {
  status: CheckStatus;
  message: string;
}
const pass = (message: string): Outcome => ({ status: 'pass', message });
const fail = (message: string): Outcome => ({ status: 'fail', message });
const skip = (message: string): Outcome => ({ status: 'skip', message });
const failIf = (problem: string | null, ok: string): Outcome =>
  problem ? fail(problem) : pass(ok);

/** Runs every check in order; never throws (a network failure is a failed check). */
export async function runConformance(options: ConformanceOptions): Promise<CheckResult[]> {
  const client = createClient(options);
  const { send, exchanges } = client;
  const key = options.key;
  const slowMs = options.slowMs ?? DEFAULT_SLOW_MS;
  const token = randomToken();
  const unknownEmail = (n: number) => `conformance-${token}-${n}@invalid.example`;
  const results: CheckResult[] = [];

  const state: {
    features: string[];
    unreachable: string | null;
    knownEmail: string | null;
    knownSource: string;
    knownId: string | null;
    createdEventIds: string[];
    lookupEngagementIds: string[] | null;
  } = {
    features: [],
    unreachable: null,
    knownEmail: options.email?.trim().toLowerCase() ?? null,
    knownSource: options.email ? '--email' : '',
    knownId: null,
    createdEventIds: [],
    lookupEngagementIds: null,
  };
  const noKnown = 'needs a contact the backend knows: pass --email <address> or --write-key <key>';

  async function check(id: string, title: string, run: () => Promise<Outcome>) {
    if (state.unreachable) {
      results.push({ id, title, status: 'skip', message: `not run: ${state.unreachable}` });
      return;
    }
    const started = performance.now();
    let outcome: Outcome;
    try {
      outcome = await run();
    } catch (error) {
      if (error instanceof RequestFailed) {
        outcome = fail(error.message);
        if (/^cannot connect/.test(error.message)) state.unreachable = 'the backend is unreachable';
      } else {
        outcome = fail(
          `the checker stopped: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    results.push({ id, title, ...outcome, ms: Math.round(performance.now() - started) });
  }

  const lookup = (body: unknown, withKey: string | null = key) =>
    send('POST', 'v1/lookup', { key: withKey, body });

  await check('health', 'GET /v1/health answers the health check', async () => {
    const res = await send('GET', 'v1/health', { key });
    const problem = expectStatus(res, 200) ?? expectJsonBody(res);
    if (problem) return fail(problem);
    const features = field(res.body, 'features');
    if (Array.isArray(features)) {
      state.features = features.filter((f): f is string => typeof f === 'string');
    }
    const parsed = expectSchema(res, HealthResponse, 'HealthResponse');
    if (!parsed.ok) return fail(parsed.problem);
    if (parsed.data.apiVersion !== '1') {
      return fail(`${res.label}: apiVersion: expected "1", got ${show(parsed.data.apiVersion)}`);
    }
    if (!Array.isArray(features)) {
      return fail(
        `${res.label}: features: expected an array with a valid key (empty if none), got ${show(features)}`,
      );
    }
    return pass(`apiVersion "1", features: ${state.features.join(', ') || '(none)'}`);
  });

  await check('auth.missing_key', 'POST /v1/lookup without a key is refused with 401', async () => {
    const res = await lookup({ contacts: [{ email: unknownEmail(0) }] }, null);
    return failIf(expectError(res, 401, 'unauthorized'), '401 unauthorized with the error shape');
  });

  await check(
    'auth.wrong_key',
    'POST /v1/lookup with a wrong key is refused with 401',
    async () => {
      const res = await lookup({ contacts: [{ email: unknownEmail(0) }] }, `wrong-${token}`);
      return failIf(expectError(res, 401, 'unauthorized'), '401 unauthorized with the error shape');
    },
  );

  // Ingestion: a contact of our own with three events at known times, sent out of order.
  const createdEmail = `conformance-${token}@conformance.example`;
  const hour = 3600_000;
  const now = Date.now();
  const events = [2, 3, 1].map((hoursAgo) => ({
    id: `conformance-${token}-e${hoursAgo}`,
    type: 'web.page_viewed',
    occurredAt: new Date(now - hoursAgo * hour).toISOString(),
    title: `Conformance check page (${hoursAgo} h ago)`,
    url: 'https://conformance.example/page',
    channel: 'web',
    contact: { email: createdEmail },
  }));

  await check(
    'ingest.create',
    'PUT /v1/contacts/{email} and POST /v1/events store a test contact and 3 events',
    async () => {
      if (!options.writeKey) return skip('needs --write-key');
      const put = await send('PUT', `v1/contacts/${encodeURIComponent(createdEmail)}`, {
        key: options.writeKey,
        body: { email: createdEmail, name: 'Conformance Check', title: 'Test contact' },
      });
      const putProblem = expectStatus(put, 200) ?? expectJsonBody(put);
      if (putProblem) return fail(putProblem);
      const contact = expectSchema(put, Contact, 'Contact');
      if (!contact.ok) return fail(contact.problem);
      const post = await send('POST', 'v1/events', { key: options.writeKey, body: { events } });
      const postProblem = expectStatus(post, 200) ?? expectJsonBody(post);
      if (postProblem) return fail(postProblem);
      const stored = expectSchema(post, EventsResponse, 'EventsResponse');
      if (!stored.ok) return fail(stored.problem);
      if (stored.data.accepted !== events.length || stored.data.rejected.length > 0) {
        return fail(
          `${post.label}: expected accepted: ${events.length} and rejected: [], got accepted: ${stored.data.accepted}, rejected: ${show(stored.data.rejected)}`,
        );
      }
      state.createdEventIds = events.map((event) => event.id);
      if (!state.knownEmail) {
        state.knownEmail = createdEmail;
        state.knownSource = 'created with --write-key';
      }
      return pass(`created ${createdEmail} with ${events.length} events`);
    },
  );

  await check('ingest.idempotent', 'POST /v1/events stores a repeated event id once', async () => {
    if (state.createdEventIds.length === 0) {
      return skip(options.writeKey ? 'the test contact was not created' : 'needs --write-key');
    }
    const res = await send('POST', 'v1/events', {
      key: options.writeKey ?? key,
      body: { events: [events[0]] },
    });
    const problem = expectStatus(res, 200) ?? expectJsonBody(res);
    if (problem) return fail(problem);
    const parsed = expectSchema(res, EventsResponse, 'EventsResponse');
    if (!parsed.ok) return fail(parsed.problem);
    if (parsed.data.accepted !== 0 || parsed.data.duplicates !== 1) {
      return fail(
        `${res.label}: resending event ${events[0]?.id}: expected accepted: 0, duplicates: 1, got accepted: ${parsed.data.accepted}, duplicates: ${parsed.data.duplicates}`,
      );
    }
    return pass('the same id twice counted as 1 duplicate');
  });

  // The order request: [unknown, known, unknown] (or two unknowns without a known contact).
  let orderExchange: Exchange | null = null;
  const orderEmails = () =>
    state.knownEmail
      ? [unknownEmail(1), state.knownEmail, unknownEmail(2)]
      : [unknownEmail(1), unknownEmail(2)];

  await check('lookup.shape', 'POST /v1/lookup answers with a valid LookupResponse', async () => {
    const emails = orderEmails();
    orderExchange = await lookup({ contacts: emails.map((email) => ({ email })) });
    const problem = expectStatus(orderExchange, 200) ?? expectJsonBody(orderExchange);
    if (problem) return fail(problem);
    const parsed = expectSchema(orderExchange, LookupResponse, 'LookupResponse');
    if (!parsed.ok) return fail(parsed.problem);
    return pass(
      `${emails.length} contacts looked up${state.knownEmail ? '' : ` (no known contact: ${noKnown.replace('needs', 'a matched result needs')})`}`,
    );
  });

  await check(
    'lookup.order',
    'lookup results have the same length and order as the request',
    async () => {
      if (!state.knownEmail) return skip(noKnown);
      const res = orderExchange;
      if (!res || res.status !== 200)
        return fail('not checked: the lookup itself failed (see lookup.shape)');
      const emails = orderEmails();
      const results = field(res.body, 'results');
      if (!Array.isArray(results))
        return fail(`${res.label}: results: expected an array, got ${show(results)}`);
      if (results.length !== emails.length) {
        return fail(
          `${res.label}: results: expected ${emails.length} results (one per contact), got ${results.length}`,
        );
      }
      for (let i = 0; i < emails.length; i++) {
        const refEmail = field(field(results[i], 'ref'), 'email');
        if (typeof refEmail !== 'string' || refEmail.toLowerCase() !== emails[i]) {
          return fail(
            `${res.label}: results[${i}].ref.email: expected "${emails[i]}" (request order), got ${show(refEmail)}`,
          );
        }
        const expected = emails[i] === state.knownEmail ? 'matched' : 'not_found';
        const status = field(field(results[i], 'match'), 'status');
        if (status !== expected) {
          return fail(
            `${res.label}: results[${i}].match.status for ${emails[i]}: expected "${expected}", got ${show(status)}`,
          );
        }
      }
      const contact = field(results[1], 'contact');
      const email = field(contact, 'email');
      if (typeof email !== 'string' || email.toLowerCase() !== state.knownEmail) {
        return fail(
          `${res.label}: results[1].contact.email: expected "${state.knownEmail}", got ${show(email)}`,
        );
      }
      const id = field(contact, 'id');
      if (typeof id === 'string') state.knownId = id;
      return pass(
        `[unknown, ${state.knownEmail} (${state.knownSource}), unknown] came back in order`,
      );
    },
  );

  await check('lookup.not_found', 'an address that cannot exist comes back not_found', async () => {
    const email = unknownEmail(3);
    const res = await lookup({ contacts: [{ email }] });
    const problem = expectStatus(res, 200) ?? expectJsonBody(res);
    if (problem) return fail(problem);
    const result = field(field(res.body, 'results'), 0);
    const match = field(result, 'match');
    if (match === undefined) {
      return fail(
        `${res.label}: results[0].match: missing (expected {"status": "not_found"} for ${email})`,
      );
    }
    if (field(match, 'status') !== 'not_found') {
      return fail(
        `${res.label}: results[0].match.status: expected "not_found" for ${email}, got ${show(field(match, 'status'))}`,
      );
    }
    if (field(result, 'contact') !== undefined) {
      return fail(
        `${res.label}: results[0].contact: expected none for a not_found result, got ${show(field(result, 'contact'))}`,
      );
    }
    return pass(`${email} is not_found`);
  });

  await check('lookup.engagements', 'lookup engagements come newest first', async () => {
    if (!state.knownEmail) return skip(noKnown);
    const res = await lookup({
      contacts: [{ email: state.knownEmail }],
      include: ['engagements'],
      engagementLimit: MAX_ENGAGEMENT_LIMIT,
    });
    const problem = expectStatus(res, 200) ?? expectJsonBody(res);
    if (problem) return fail(problem);
    const result = field(field(res.body, 'results'), 0);
    const id = field(field(result, 'contact'), 'id');
    if (typeof id === 'string') state.knownId = id;
    const engagements = field(result, 'engagements');
    if (!Array.isArray(engagements)) {
      return fail(
        `${res.label}: results[0].engagements: expected an array (include: ["engagements"]), got ${show(engagements)}`,
      );
    }
    const orderProblem = engagementOrderProblem(engagements, 'results[0].engagements');
    if (orderProblem) return fail(`${res.label}: ${orderProblem}`);
    const ids = engagements.map((e) => field(e, 'id'));
    state.lookupEngagementIds = ids.filter((i): i is string => typeof i === 'string');
    const missing = state.createdEventIds.filter((i) => !ids.includes(i));
    if (missing.length > 0 && state.knownEmail === createdEmail) {
      return fail(
        `${res.label}: results[0].engagements: expected the ingested events ${state.createdEventIds.join(', ')}, missing ${missing.join(', ')}`,
      );
    }
    if (engagements.length < 2) {
      return skip(`${state.knownEmail} has ${engagements.length} engagement(s): nothing to order`);
    }
    return pass(`${engagements.length} engagements, newest first`);
  });

  await check(
    'lookup.engagement_limit',
    'lookup returns at most engagementLimit engagements',
    async () => {
      if (!state.knownEmail) return skip(noKnown);
      const limit = 2;
      const res = await lookup({
        contacts: [{ email: state.knownEmail }],
        include: ['engagements'],
        engagementLimit: limit,
      });
      const problem = expectStatus(res, 200) ?? expectJsonBody(res);
      if (problem) return fail(problem);
      const engagements = field(field(field(res.body, 'results'), 0), 'engagements');
      if (!Array.isArray(engagements)) {
        return fail(
          `${res.label}: results[0].engagements: expected an array, got ${show(engagements)}`,
        );
      }
      if (engagements.length > limit) {
        return fail(
          `${res.label}: results[0].engagements: expected at most ${limit} (engagementLimit), got ${engagements.length}`,
        );
      }
      const newest = state.lookupEngagementIds?.slice(0, limit) ?? [];
      const got = engagements.map((e) => field(e, 'id'));
      if (
        newest.length === limit &&
        got.length === limit &&
        !newest.every((i) => got.includes(i))
      ) {
        return fail(
          `${res.label}: results[0].engagements: expected the ${limit} newest (${newest.join(', ')}), got ${got.map(String).join(', ')}`,
        );
      }
      return pass(`engagementLimit ${limit} gave ${engagements.length}`);
    },
  );

  await check('lookup.email_sha256', 'lookup by emailSha256 finds the known contact', async () => {
    if (!state.features.includes('emailSha256'))
      return skip('feature "emailSha256" is not listed by /v1/health');
    if (!state.knownEmail) return skip(noKnown);
    const emailSha256 = await sha256Hex(state.knownEmail);
    const res = await lookup({ contacts: [{ emailSha256 }] });
    const problem = expectStatus(res, 200) ?? expectJsonBody(res);
    if (problem) return fail(problem);
    const parsed = expectSchema(res, LookupResponse, 'LookupResponse');
    if (!parsed.ok) return fail(parsed.problem);
    const result = parsed.data.results[0];
    if (result?.match.status !== 'matched') {
      return fail(
        `${res.label}: results[0].match.status for emailSha256 of ${state.knownEmail}: expected "matched", got ${show(result?.match.status)}`,
      );
    }
    if (result.contact?.email !== state.knownEmail) {
      return fail(
        `${res.label}: results[0].contact.email: expected "${state.knownEmail}", got ${show(result.contact?.email)}`,
      );
    }
    return pass('matched by sha256 of the trimmed, lowercased email');
  });

  await check(
    'engagements.paging',
    'GET /v1/contacts/{contactId}/engagements pages newest first without duplicates',
    async () => {
      if (!state.features.includes('engagements.paging')) {
        return skip('feature "engagements.paging" is not listed by /v1/health');
      }
      if (!state.knownId)
        return skip(state.knownEmail ? 'the known contact was not matched by lookup' : noKnown);
      // Aim for about three pages, so the cursor is followed at least twice.
      const known = state.lookupEngagementIds?.length ?? 3;
      const limit = Math.min(50, Math.max(1, Math.ceil(known / 3)));
      const maxPages = 10;
      const seen = new Map<string, number>();
      const all: unknown[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query = new URLSearchParams({ limit: String(limit) });
        if (cursor) query.set('cursor', cursor);
        const res = await send(
          'GET',
          `v1/contacts/${encodeURIComponent(state.knownId)}/engagements?${query}`,
          { key },
        );
        const problem = expectStatus(res, 200) ?? expectJsonBody(res);
        if (problem) return fail(`page ${pages + 1}: ${problem}`);
        const parsed = expectSchema(res, EngagementsPage, 'EngagementsPage');
        if (!parsed.ok) return fail(`page ${pages + 1}: ${parsed.problem}`);
        const page = parsed.data;
        pages++;
        if (page.engagements.length > limit) {
          return fail(
            `${res.label} page ${pages}: engagements: expected at most ${limit} (limit), got ${page.engagements.length}`,
          );
        }
        for (const [i, engagement] of page.engagements.entries()) {
          const firstPage = seen.get(engagement.id);
          if (firstPage !== undefined) {
            return fail(
              `${res.label} page ${pages}: engagements[${i}].id "${engagement.id}" was already on page ${firstPage}: pages must not repeat engagements`,
            );
          }
          seen.set(engagement.id, pages);
          all.push(engagement);
        }
        if (page.nextCursor !== null && page.nextCursor === cursor) {
          return fail(
            `${res.label} page ${pages}: nextCursor: the same cursor came back ("${cursor}"), paging would never end`,
          );
        }
        cursor = page.nextCursor;
      } while (cursor !== null && pages < maxPages);
      const orderProblem = engagementOrderProblem(all, 'engagements (all pages)');
      if (orderProblem) return fail(orderProblem);
      const expected = state.lookupEngagementIds;
      if (cursor === null && expected && expected.length < MAX_ENGAGEMENT_LIMIT) {
        const missing = expected.filter((i) => !seen.has(i));
        if (missing.length > 0) {
          return fail(
            `paging returned ${seen.size} engagements, lookup returned ${expected.length}: missing ${missing.slice(0, 5).join(', ')}`,
          );
        }
      }
      return pass(
        `${seen.size} engagements over ${pages} page(s) of ${limit}${cursor ? ` (stopped after ${maxPages} pages)` : ''}`,
      );
    },
  );

  await check('messaging', 'GET /v1/messaging answers with a valid MessagingList', async () => {
    if (!state.features.includes('messaging'))
      return skip('feature "messaging" is not listed by /v1/health');
    const res = await send('GET', 'v1/messaging', { key });
    const problem = expectStatus(res, 200) ?? expectJsonBody(res);
    if (problem) return fail(problem);
    const parsed = expectSchema(res, MessagingList, 'MessagingList');
    if (!parsed.ok) return fail(parsed.problem);
    return pass(`${parsed.data.messaging.length} messaging entries`);
  });

  await check(
    'feedback',
    'POST /v1/feedback stores feedback once and GET /v1/feedback lists it',
    async () => {
      if (!state.features.includes('feedback')) {
        return skip('feature "feedback" is not listed by /v1/health');
      }
      if (!options.writeKey) return skip('creates test feedback: runs only with --write-key');
      const feedback = {
        id: `conformance-${token}-feedback`,
        contact: { email: state.knownEmail ?? unknownEmail(5) },
        kind: 'note',
        text: 'Conformance check: safe to delete.',
        occurredAt: new Date().toISOString(),
      };
      const first = await send('POST', 'v1/feedback', { key, body: feedback });
      const firstProblem =
        expectStatus(first, 201) ?? expectJsonBody(first) ?? idProblem(first, feedback.id);
      if (firstProblem) return fail(firstProblem);
      const again = await send('POST', 'v1/feedback', { key, body: feedback });
      const againProblem = expectStatus(again, 200);
      if (againProblem) return fail(`the same feedback id again: ${againProblem}`);
      const list = await send('GET', 'v1/feedback', { key });
      const listProblem = expectStatus(list, 200) ?? expectJsonBody(list);
      if (listProblem) return fail(listProblem);
      const parsed = expectSchema(list, FeedbackList, 'FeedbackList');
      if (!parsed.ok) return fail(parsed.problem);
      const copies = parsed.data.feedback.filter((f) => f.id === feedback.id).length;
      if (copies !== 1) {
        return fail(
          `${list.label}: feedback: expected "${feedback.id}" once on the first page, found ${copies} time(s)`,
        );
      }
      return pass('201, then 200 for the same id, listed once');
    },
  );

  await check(
    'openapi',
    'GET /v1/openapi.json, when served, is an OpenAPI 3.1 document',
    async () => {
      const res = await send('GET', 'v1/openapi.json', { key: null });
      if (res.status === 404) return skip('not served (optional)');
      const problem = expectStatus(res, 200) ?? expectJsonBody(res);
      if (problem) return fail(problem);
      const version = field(res.body, 'openapi');
      if (typeof version !== 'string' || !/^3\.1\./.test(version)) {
        return fail(`${res.label}: openapi: expected "3.1.x", got ${show(version)}`);
      }
      if (field(field(res.body, 'paths'), '/v1/lookup') === undefined) {
        return fail(`${res.label}: paths["/v1/lookup"]: missing`);
      }
      return pass(`OpenAPI ${version}`);
    },
  );

  await check('errors.malformed_json', 'malformed JSON gets 400 with the error shape', async () => {
    const res = await send('POST', 'v1/lookup', { key, rawBody: '{"contacts": [' });
    return failIf(expectError(res, 400, 'invalid_request'), '400 invalid_request');
  });

  await check('errors.no_contacts', 'a lookup of 0 contacts gets 400 invalid_request', async () => {
    const res = await lookup({ contacts: [] });
    return failIf(expectError(res, 400, 'invalid_request'), '400 invalid_request');
  });

  await check(
    'errors.too_many_contacts',
    `a lookup of ${MAX_LOOKUP_CONTACTS + 1} contacts gets 400 invalid_request`,
    async () => {
      const contacts = Array.from({ length: MAX_LOOKUP_CONTACTS + 1 }, (_, i) => ({
        email: unknownEmail(100 + i),
      }));
      const res = await lookup({ contacts });
      return failIf(expectError(res, 400, 'invalid_request'), '400 invalid_request');
    },
  );

  await check(
    'errors.engagement_limit',
    `engagementLimit ${MAX_ENGAGEMENT_LIMIT + 1} gets 400 invalid_request`,
    async () => {
      const res = await lookup({
        contacts: [{ email: unknownEmail(4) }],
        engagementLimit: MAX_ENGAGEMENT_LIMIT + 1,
      });
      return failIf(expectError(res, 400, 'invalid_request'), '400 invalid_request');
    },
  );

  await check('errors.unknown_route', 'an unknown route gets a 404 JSON error', async () => {
    const res = await send('GET', `v1/conformance-no-such-route-${token}`, { key });
    return failIf(expectError(res, 404, 'not_found'), '404 not_found');
  });

  await check(
    'errors.no_html',
    'no response is an HTML page or carries a stack trace',
    async () => {
      const offenders = exchanges.flatMap((ex) => {
        if (isHtml(ex)) return [`${ex.label} (HTTP ${ex.status}) answered an HTML page`];
        if (ex.status >= 400 && /\n\s+at \S.*:\d+:\d+/.test(ex.text)) {
          return [`${ex.label} (HTTP ${ex.status}) carries a stack trace`];
        }
        return [];
      });
      if (offenders.length > 0) return fail(`expected JSON only, but ${offenders.join('; ')}`);
      return pass(`${exchanges.length} responses, none HTML`);
    },
  );

  await check('response_time', `every response arrives within ${slowMs} ms`, async () => {
    if (exchanges.length === 0) return skip('no responses to time');
    const slow = exchanges.filter((ex) => ex.ms > slowMs);
    if (slow.length > 0) {
      return fail(
        `expected every response within ${slowMs} ms, but ${slow.map((ex) => `${ex.label} took ${ex.ms} ms`).join('; ')}`,
      );
    }
    const slowest = exchanges.reduce((a, b) => (b.ms > a.ms ? b : a));
    return pass(`slowest: ${slowest.label} ${slowest.ms} ms over ${exchanges.length} responses`);
  });

  return results;
}

/** `N passed, N failed, N skipped`. */
export function summarize(results: readonly CheckResult[]): string {
  const count = (status: CheckStatus) => results.filter((r) => r.status === status).length;
  return `${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`;
}
