/**
 * The conformance checks, one named entry each: its id, its title, the optional feature
 * `GET /v1/health` must list for it to run, the endpoints it calls (ids of the route table)
 * and its run function. They run in this order and share what they learn (`CheckState`):
 * health finds the features, ingestion creates a known contact, lookup finds its id, paging
 * follows it.
 */
import {
  engagementOrderProblem,
  expectError,
  expectJson,
  expectSchema,
  expectStatus,
  field,
  idProblem,
  isHtml,
  show,
  type Client,
  type ConformanceOptions,
  type Exchange,
} from './conformance-http';
import type { RouteId } from './routes';
import {
  Contact,
  EngagementsPage,
  EventsResponse,
  FeedbackList,
  HealthResponse,
  LookupResponse,
  MAX_ENGAGEMENT_LIMIT,
  MAX_LOOKUP_CONTACTS,
  MessagingList,
} from './schemas';

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface Outcome {
  status: CheckStatus;
  message: string;
}
const pass = (message: string): Outcome => ({ status: 'pass', message });
const fail = (message: string): Outcome => ({ status: 'fail', message });
const skip = (message: string): Outcome => ({ status: 'skip', message });
const failIf = (problem: string | null, ok: string): Outcome =>
  problem ? fail(problem) : pass(ok);

export const DEFAULT_SLOW_MS = 2000;

/** What the checks learn as they run. */
interface CheckState {
  features: string[];
  knownEmail: string | null;
  knownSource: string;
  knownId: string | null;
  /** The test events ingest.create stored, sent again by ingest.idempotent. */
  createdEvents: TestEvent[];
  lookupEngagementIds: string[] | null;
  /** The lookup of [unknown, known, unknown]: lookup.shape sends it, lookup.order reads it. */
  orderExchange: Exchange | null;
}

/** One run's inputs, client and shared state, as every check sees them. */
export interface CheckContext extends Client {
  options: ConformanceOptions;
  key: string;
  slowMs: number;
  /** Random per run, so test data of two runs never collides. */
  token: string;
  state: CheckState;
}

export interface Check {
  id: string;
  title: string | ((context: CheckContext) => string);
  /** A feature `GET /v1/health` must list; without it the check is skipped. */
  feature?: string;
  /** The endpoints it calls. */
  routes: readonly RouteId[];
  run(context: CheckContext): Promise<Outcome>;
}

const NO_KNOWN = 'needs a contact the backend knows: pass --email <address> or --write-key <key>';

const unknownEmail = (c: CheckContext, n: number) => `conformance-${c.token}-${n}@invalid.example`;
const createdEmail = (c: CheckContext) => `conformance-${c.token}@conformance.example`;

const lookup = (c: CheckContext, body: unknown, key: string | null = c.key) =>
  c.call('lookupContacts', { key, body });

const HOUR = 3600_000;

type TestEvent = ReturnType<typeof testEvents>[number];

/** Our own test contact's three events at known times, sent out of order. */
const testEvents = (c: CheckContext) =>
  [2, 3, 1].map((hoursAgo) => ({
    id: `conformance-${c.token}-e${hoursAgo}`,
    type: 'web.page_viewed',
    occurredAt: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
    title: `Conformance check page (${hoursAgo} h ago)`,
    url: 'https://conformance.example/page',
    channel: 'web',
    contact: { email: createdEmail(c) },
  }));

/** [unknown, known, unknown], or two unknowns without a known contact. */
const orderEmails = (c: CheckContext) =>
  c.state.knownEmail
    ? [unknownEmail(c, 1), c.state.knownEmail, unknownEmail(c, 2)]
    : [unknownEmail(c, 1), unknownEmail(c, 2)];

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

// ---------------------------------------------------------------------------------------
// The checks, in the order they run

async function health(c: CheckContext): Promise<Outcome> {
  const res = await c.call('getHealth', { key: c.key });
  const problem = expectJson(res, 200);
  if (problem) return fail(problem);
  const features = field(res.body, 'features');
  if (Array.isArray(features)) {
    c.state.features = features.filter((f): f is string => typeof f === 'string');
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
  return pass(`apiVersion "1", features: ${c.state.features.join(', ') || '(none)'}`);
}

async function missingKey(c: CheckContext): Promise<Outcome> {
  const res = await lookup(c, { contacts: [{ email: unknownEmail(c, 0) }] }, null);
  return failIf(expectError(res, 401, 'unauthorized'), '401 unauthorized with the error shape');
}

async function wrongKey(c: CheckContext): Promise<Outcome> {
  const res = await lookup(c, { contacts: [{ email: unknownEmail(c, 0) }] }, `wrong-${c.token}`);
  return failIf(expectError(res, 401, 'unauthorized'), '401 unauthorized with the error shape');
}

async function ingestCreate(c: CheckContext): Promise<Outcome> {
  const writeKey = c.options.writeKey;
  if (!writeKey) return skip('needs --write-key');
  const email = createdEmail(c);
  const put = await c.call('upsertContact', {
    key: writeKey,
    params: { email },
    body: { email, name: 'Conformance Check', title: 'Test contact' },
  });
  const putProblem = expectJson(put, 200);
  if (putProblem) return fail(putProblem);
  const contact = expectSchema(put, Contact, 'Contact');
  if (!contact.ok) return fail(contact.problem);
  const events = testEvents(c);
  const post = await c.call('ingestEvents', { key: writeKey, body: { events } });
  const postProblem = expectJson(post, 200);
  if (postProblem) return fail(postProblem);
  const stored = expectSchema(post, EventsResponse, 'EventsResponse');
  if (!stored.ok) return fail(stored.problem);
  if (stored.data.accepted !== events.length || stored.data.rejected.length > 0) {
    return fail(
      `${post.label}: expected accepted: ${events.length} and rejected: [], got accepted: ${stored.data.accepted}, rejected: ${show(stored.data.rejected)}`,
    );
  }
  c.state.createdEvents = events;
  if (!c.state.knownEmail) {
    c.state.knownEmail = email;
    c.state.knownSource = 'created with --write-key';
  }
  return pass(`created ${email} with ${events.length} events`);
}

async function ingestIdempotent(c: CheckContext): Promise<Outcome> {
  const [event] = c.state.createdEvents;
  if (!event) {
    return skip(c.options.writeKey ? 'the test contact was not created' : 'needs --write-key');
  }
  const res = await c.call('ingestEvents', {
    key: c.options.writeKey ?? c.key,
    body: { events: [event] },
  });
  const problem = expectJson(res, 200);
  if (problem) return fail(problem);
  const parsed = expectSchema(res, EventsResponse, 'EventsResponse');
  if (!parsed.ok) return fail(parsed.problem);
  if (parsed.data.accepted !== 0 || parsed.data.duplicates !== 1) {
    return fail(
      `${res.label}: resending event ${event.id}: expected accepted: 0, duplicates: 1, got accepted: ${parsed.data.accepted}, duplicates: ${parsed.data.duplicates}`,
    );
  }
  return pass('the same id twice counted as 1 duplicate');
}

async function lookupShape(c: CheckContext): Promise<Outcome> {
  const emails = orderEmails(c);
  const res = await lookup(c, { contacts: emails.map((email) => ({ email })) });
  c.state.orderExchange = res;
  const problem = expectJson(res, 200);
  if (problem) return fail(problem);
  const parsed = expectSchema(res, LookupResponse, 'LookupResponse');
  if (!parsed.ok) return fail(parsed.problem);
  return pass(
    `${emails.length} contacts looked up${c.state.knownEmail ? '' : ` (no known contact: ${NO_KNOWN.replace('needs', 'a matched result needs')})`}`,
  );
}

async function lookupOrder(c: CheckContext): Promise<Outcome> {
  const { knownEmail } = c.state;
  if (!knownEmail) return skip(NO_KNOWN);
  const res = c.state.orderExchange;
  if (!res || res.status !== 200) {
    return fail('not checked: the lookup itself failed (see lookup.shape)');
  }
  const emails = orderEmails(c);
  const results = field(res.body, 'results');
  if (!Array.isArray(results)) {
    return fail(`${res.label}: results: expected an array, got ${show(results)}`);
  }
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
    const expected = emails[i] === knownEmail ? 'matched' : 'not_found';
    const status = field(field(results[i], 'match'), 'status');
    if (status !== expected) {
      return fail(
        `${res.label}: results[${i}].match.status for ${emails[i]}: expected "${expected}", got ${show(status)}`,
      );
    }
  }
  const contact = field(results[1], 'contact');
  const email = field(contact, 'email');
  if (typeof email !== 'string' || email.toLowerCase() !== knownEmail) {
    return fail(
      `${res.label}: results[1].contact.email: expected "${knownEmail}", got ${show(email)}`,
    );
  }
  const id = field(contact, 'id');
  if (typeof id === 'string') c.state.knownId = id;
  return pass(`[unknown, ${knownEmail} (${c.state.knownSource}), unknown] came back in order`);
}

async function lookupNotFound(c: CheckContext): Promise<Outcome> {
  const email = unknownEmail(c, 3);
  const res = await lookup(c, { contacts: [{ email }] });
  const problem = expectJson(res, 200);
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
}

async function lookupEngagements(c: CheckContext): Promise<Outcome> {
  const { state } = c;
  if (!state.knownEmail) return skip(NO_KNOWN);
  const res = await lookup(c, {
    contacts: [{ email: state.knownEmail }],
    include: ['engagements'],
    engagementLimit: MAX_ENGAGEMENT_LIMIT,
  });
  const problem = expectJson(res, 200);
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
  const createdIds = state.createdEvents.map((event) => event.id);
  const missing = createdIds.filter((i) => !ids.includes(i));
  if (missing.length > 0 && state.knownEmail === createdEmail(c)) {
    return fail(
      `${res.label}: results[0].engagements: expected the ingested events ${createdIds.join(', ')}, missing ${missing.join(', ')}`,
    );
  }
  if (engagements.length < 2) {
    return skip(`${state.knownEmail} has ${engagements.length} engagement(s): nothing to order`);
  }
  return pass(`${engagements.length} engagements, newest first`);
}

async function lookupEngagementLimit(c: CheckContext): Promise<Outcome> {
  if (!c.state.knownEmail) return skip(NO_KNOWN);
  const limit = 2;
  const res = await lookup(c, {
    contacts: [{ email: c.state.knownEmail }],
    include: ['engagements'],
    engagementLimit: limit,
  });
  const problem = expectJson(res, 200);
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
  const newest = c.state.lookupEngagementIds?.slice(0, limit) ?? [];
  const got = engagements.map((e) => field(e, 'id'));
  if (newest.length === limit && got.length === limit && !newest.every((i) => got.includes(i))) {
    return fail(
      `${res.label}: results[0].engagements: expected the ${limit} newest (${newest.join(', ')}), got ${got.map(String).join(', ')}`,
    );
  }
  return pass(`engagementLimit ${limit} gave ${engagements.length}`);
}

async function lookupEmailSha256(c: CheckContext): Promise<Outcome> {
  const { knownEmail } = c.state;
  if (!knownEmail) return skip(NO_KNOWN);
  const res = await lookup(c, { contacts: [{ emailSha256: await sha256Hex(knownEmail) }] });
  const problem = expectJson(res, 200);
  if (problem) return fail(problem);
  const parsed = expectSchema(res, LookupResponse, 'LookupResponse');
  if (!parsed.ok) return fail(parsed.problem);
  const result = parsed.data.results[0];
  if (result?.match.status !== 'matched') {
    return fail(
      `${res.label}: results[0].match.status for emailSha256 of ${knownEmail}: expected "matched", got ${show(result?.match.status)}`,
    );
  }
  if (result.contact?.email !== knownEmail) {
    return fail(
      `${res.label}: results[0].contact.email: expected "${knownEmail}", got ${show(result.contact?.email)}`,
    );
  }
  return pass('matched by sha256 of the trimmed, lowercased email');
}

async function engagementsPaging(c: CheckContext): Promise<Outcome> {
  const { state } = c;
  const contactId = state.knownId;
  if (!contactId) {
    return skip(state.knownEmail ? 'the known contact was not matched by lookup' : NO_KNOWN);
  }
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
    const res = await c.call('listEngagements', { key: c.key, params: { contactId }, query });
    const problem = expectJson(res, 200);
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
}

async function messaging(c: CheckContext): Promise<Outcome> {
  const res = await c.call('listMessaging', { key: c.key });
  const problem = expectJson(res, 200);
  if (problem) return fail(problem);
  const parsed = expectSchema(res, MessagingList, 'MessagingList');
  if (!parsed.ok) return fail(parsed.problem);
  return pass(`${parsed.data.messaging.length} messaging entries`);
}

async function feedback(c: CheckContext): Promise<Outcome> {
  if (!c.options.writeKey) return skip('creates test feedback: runs only with --write-key');
  const item = {
    id: `conformance-${c.token}-feedback`,
    contact: { email: c.state.knownEmail ?? unknownEmail(c, 5) },
    kind: 'note',
    text: 'Conformance check: safe to delete.',
    occurredAt: new Date().toISOString(),
  };
  const first = await c.call('createFeedback', { key: c.key, body: item });
  const firstProblem = expectJson(first, 201) ?? idProblem(first, item.id);
  if (firstProblem) return fail(firstProblem);
  const again = await c.call('createFeedback', { key: c.key, body: item });
  const againProblem = expectStatus(again, 200);
  if (againProblem) return fail(`the same feedback id again: ${againProblem}`);
  const list = await c.call('listFeedback', { key: c.key });
  const listProblem = expectJson(list, 200);
  if (listProblem) return fail(listProblem);
  const parsed = expectSchema(list, FeedbackList, 'FeedbackList');
  if (!parsed.ok) return fail(parsed.problem);
  const copies = parsed.data.feedback.filter((f) => f.id === item.id).length;
  if (copies !== 1) {
    return fail(
      `${list.label}: feedback: expected "${item.id}" once on the first page, found ${copies} time(s)`,
    );
  }
  return pass('201, then 200 for the same id, listed once');
}

async function openapi(c: CheckContext): Promise<Outcome> {
  const res = await c.call('getOpenApiDocument', { key: null });
  if (res.status === 404) return skip('not served (optional)');
  const problem = expectJson(res, 200);
  if (problem) return fail(problem);
  const version = field(res.body, 'openapi');
  if (typeof version !== 'string' || !/^3\.1\./.test(version)) {
    return fail(`${res.label}: openapi: expected "3.1.x", got ${show(version)}`);
  }
  if (field(field(res.body, 'paths'), '/v1/lookup') === undefined) {
    return fail(`${res.label}: paths["/v1/lookup"]: missing`);
  }
  return pass(`OpenAPI ${version}`);
}

/** A request the contract refuses with 400 `invalid_request`. */
const refusedLookup =
  (body: (c: CheckContext) => unknown) =>
  async (c: CheckContext): Promise<Outcome> =>
    failIf(expectError(await lookup(c, body(c)), 400, 'invalid_request'), '400 invalid_request');

async function malformedJson(c: CheckContext): Promise<Outcome> {
  const res = await c.call('lookupContacts', { key: c.key, rawBody: '{"contacts": [' });
  return failIf(expectError(res, 400, 'invalid_request'), '400 invalid_request');
}

async function unknownRoute(c: CheckContext): Promise<Outcome> {
  const res = await c.send('GET', `v1/conformance-no-such-route-${c.token}`, { key: c.key });
  return failIf(expectError(res, 404, 'not_found'), '404 not_found');
}

async function noHtml(c: CheckContext): Promise<Outcome> {
  const offenders = c.exchanges.flatMap((ex) => {
    if (isHtml(ex)) return [`${ex.label} (HTTP ${ex.status}) answered an HTML page`];
    if (ex.status >= 400 && /\n\s+at \S.*:\d+:\d+/.test(ex.text)) {
      return [`${ex.label} (HTTP ${ex.status}) carries a stack trace`];
    }
    return [];
  });
  if (offenders.length > 0) return fail(`expected JSON only, but ${offenders.join('; ')}`);
  return pass(`${c.exchanges.length} responses, none HTML`);
}

async function responseTime(c: CheckContext): Promise<Outcome> {
  const { exchanges, slowMs } = c;
  if (exchanges.length === 0) return skip('no responses to time');
  const slow = exchanges.filter((ex) => ex.ms > slowMs);
  if (slow.length > 0) {
    return fail(
      `expected every response within ${slowMs} ms, but ${slow.map((ex) => `${ex.label} took ${ex.ms} ms`).join('; ')}`,
    );
  }
  const slowest = exchanges.reduce((a, b) => (b.ms > a.ms ? b : a));
  return pass(`slowest: ${slowest.label} ${slowest.ms} ms over ${exchanges.length} responses`);
}

/** Every check, in the order they run. */
export const CHECKS: readonly Check[] = [
  {
    id: 'health',
    title: 'GET /v1/health answers the health check',
    routes: ['getHealth'],
    run: health,
  },
  {
    id: 'auth.missing_key',
    title: 'POST /v1/lookup without a key is refused with 401',
    routes: ['lookupContacts'],
    run: missingKey,
  },
  {
    id: 'auth.wrong_key',
    title: 'POST /v1/lookup with a wrong key is refused with 401',
    routes: ['lookupContacts'],
    run: wrongKey,
  },
  {
    id: 'ingest.create',
    title: 'PUT /v1/contacts/{email} and POST /v1/events store a test contact and 3 events',
    routes: ['upsertContact', 'ingestEvents'],
    run: ingestCreate,
  },
  {
    id: 'ingest.idempotent',
    title: 'POST /v1/events stores a repeated event id once',
    routes: ['ingestEvents'],
    run: ingestIdempotent,
  },
  {
    id: 'lookup.shape',
    title: 'POST /v1/lookup answers with a valid LookupResponse',
    routes: ['lookupContacts'],
    run: lookupShape,
  },
  {
    id: 'lookup.order',
    title: 'lookup results have the same length and order as the request',
    routes: ['lookupContacts'],
    run: lookupOrder,
  },
  {
    id: 'lookup.not_found',
    title: 'an address that cannot exist comes back not_found',
    routes: ['lookupContacts'],
    run: lookupNotFound,
  },
  {
    id: 'lookup.engagements',
    title: 'lookup engagements come newest first',
    routes: ['lookupContacts'],
    run: lookupEngagements,
  },
  {
    id: 'lookup.engagement_limit',
    title: 'lookup returns at most engagementLimit engagements',
    routes: ['lookupContacts'],
    run: lookupEngagementLimit,
  },
  {
    id: 'lookup.email_sha256',
    title: 'lookup by emailSha256 finds the known contact',
    feature: 'emailSha256',
    routes: ['lookupContacts'],
    run: lookupEmailSha256,
  },
  {
    id: 'engagements.paging',
    title: 'GET /v1/contacts/{contactId}/engagements pages newest first without duplicates',
    feature: 'engagements.paging',
    routes: ['listEngagements'],
    run: engagementsPaging,
  },
  {
    id: 'messaging',
    title: 'GET /v1/messaging answers with a valid MessagingList',
    feature: 'messaging',
    routes: ['listMessaging'],
    run: messaging,
  },
  {
    id: 'feedback',
    title: 'POST /v1/feedback stores feedback once and GET /v1/feedback lists it',
    feature: 'feedback',
    routes: ['createFeedback', 'listFeedback'],
    run: feedback,
  },
  {
    id: 'openapi',
    title: 'GET /v1/openapi.json, when served, is an OpenAPI 3.1 document',
    routes: ['getOpenApiDocument'],
    run: openapi,
  },
  {
    id: 'errors.malformed_json',
    title: 'malformed JSON gets 400 with the error shape',
    routes: ['lookupContacts'],
    run: malformedJson,
  },
  {
    id: 'errors.no_contacts',
    title: 'a lookup of 0 contacts gets 400 invalid_request',
    routes: ['lookupContacts'],
    run: refusedLookup(() => ({ contacts: [] })),
  },
  {
    id: 'errors.too_many_contacts',
    title: `a lookup of ${MAX_LOOKUP_CONTACTS + 1} contacts gets 400 invalid_request`,
    routes: ['lookupContacts'],
    run: refusedLookup((c) => ({
      contacts: Array.from({ length: MAX_LOOKUP_CONTACTS + 1 }, (_, i) => ({
        email: unknownEmail(c, 100 + i),
      })),
    })),
  },
  {
    id: 'errors.engagement_limit',
    title: `engagementLimit ${MAX_ENGAGEMENT_LIMIT + 1} gets 400 invalid_request`,
    routes: ['lookupContacts'],
    run: refusedLookup((c) => ({
      contacts: [{ email: unknownEmail(c, 4) }],
      engagementLimit: MAX_ENGAGEMENT_LIMIT + 1,
    })),
  },
  {
    id: 'errors.unknown_route',
    title: 'an unknown route gets a 404 JSON error',
    routes: [],
    run: unknownRoute,
  },
  {
    id: 'errors.no_html',
    title: 'no response is an HTML page or carries a stack trace',
    routes: [],
    run: noHtml,
  },
  {
    id: 'response_time',
    title: (c) => `every response arrives within ${c.slowMs} ms`,
    routes: [],
    run: responseTime,
  },
];

/** The endpoints the checker calls, in the route table's terms (each once). */
export function checkedRoutes(): RouteId[] {
  return [...new Set(CHECKS.flatMap((check) => check.routes))];
}
