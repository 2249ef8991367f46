import { Hono } from 'hono';
import { describeZodError } from '../../utils/contract/errors';
import { ROUTES } from '../../utils/contract/routes';
import {
  Email,
  IngestEvent,
  MAX_EVENTS_PER_BATCH,
  SegmentCall,
  type EventsResponse,
  type IngestContact,
} from '../../utils/contract/schemas';
import { ApiError } from '../api-error';
import { readJsonBody, type AppEnv } from '../middleware';
import { contactEmailOf, contactFromTraits, eventFromSegmentCall } from '../segment';
import type { Store } from '../store/types';
import { onRoute, pathParam, readBody, type RouteDeps } from './on-route';

function emailFromPath(raw: string): string {
  const parsed = Email.safeParse(raw);
  if (!parsed.success) {
    throw new ApiError(
      'invalid_request',
      `"${raw}" in the path is not a valid email address. URL-encode the contact's email there.`,
      [{ path: 'email', message: 'not a valid email address' }],
    );
  }
  return parsed.data;
}

/** Body `id` must agree with the path id; a missing one is taken from the path. */
const withPathId = (id: string) => (body: unknown) => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const record = body as Record<string, unknown>;
  if (record.id !== undefined && record.id !== id) {
    throw new ApiError(
      'invalid_request',
      `The body's id "${String(record.id)}" differs from the id in the path "${id}". Send the same id or leave it out of the body.`,
      [{ path: 'id', message: 'differs from the path' }],
    );
  }
  return { ...record, id };
};

/** Stores the valid events and reports each invalid one by index, naming the bad path. */
async function ingestEach(
  store: Store,
  items: unknown[],
  toEvent: (item: unknown) => { event?: IngestEvent; contact?: IngestContact; error?: string },
): Promise<EventsResponse> {
  const rejected: EventsResponse['rejected'] = [];
  const events: IngestEvent[] = [];
  const contacts: IngestContact[] = [];
  items.forEach((item, index) => {
    const outcome = toEvent(item);
    if (outcome.error !== undefined) rejected.push({ index, error: outcome.error });
    if (outcome.event) events.push(outcome.event);
    if (outcome.contact) contacts.push(outcome.contact);
  });
  if (contacts.length > 0) await store.upsertContacts(contacts, 'merge');
  const outcome =
    events.length > 0 ? await store.ingestEvents(events) : { accepted: 0, duplicates: 0 };
  return {
    accepted: outcome.accepted + contacts.length,
    duplicates: outcome.duplicates,
    rejected,
  };
}

function validateEvent(item: unknown): { event?: IngestEvent; error?: string } {
  const parsed = IngestEvent.safeParse(item);
  return parsed.success ? { event: parsed.data } : { error: describeZodError(parsed.error, 5) };
}

function segmentToEvent(item: unknown, receivedAt: string) {
  const parsed = SegmentCall.safeParse(item);
  if (!parsed.success) return { error: describeZodError(parsed.error, 5) };
  const call = parsed.data;
  const email = contactEmailOf(call);
  if (!email) {
    return {
      error:
        'no contact email: set userId to an email address, or traits.email / context.traits.email',
    };
  }
  if (call.type === 'identify') return { contact: contactFromTraits(email, call) };
  const event = IngestEvent.safeParse(eventFromSegmentCall(call, email, receivedAt));
  return event.success
    ? { event: event.data }
    : { error: describeZodError(event.error, 5).replace(/^occurredAt/, 'timestamp') };
}

/** Ingestion (events, Segment calls, upserts) and erasure. */
export function writeRoutes({ store, guard }: RouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  onRoute(app, ROUTES.ingestEvents, guard, async (c) => {
    const request = await readBody(c, ROUTES.ingestEvents);
    return c.json(await ingestEach(store, request.events, validateEvent));
  });

  onRoute(app, ROUTES.ingestSegment, guard, async (c) => {
    const raw = await readJsonBody(c);
    // The union's own error ("Invalid input") would not say which of the two shapes to send.
    const isBatch = raw !== null && typeof raw === 'object' && 'batch' in raw;
    const body = ROUTES.ingestSegment.body.schema.safeParse(raw);
    if (!body.success) {
      throw new ApiError(
        'invalid_request',
        isBatch
          ? `Invalid Segment batch: "batch" must be an array of 1 to ${MAX_EVENTS_PER_BATCH} calls.`
          : 'Invalid Segment request: send one call ({"type": "track" | "page" | "identify", ...}) or {"batch": [calls]}.',
        [{ path: isBatch ? 'batch' : 'type', message: 'expected a Segment call or a batch' }],
      );
    }
    const calls =
      'batch' in body.data && Array.isArray(body.data.batch) ? body.data.batch : [body.data];
    const receivedAt = new Date().toISOString();
    return c.json(await ingestEach(store, calls, (item) => segmentToEvent(item, receivedAt)));
  });

  onRoute(app, ROUTES.upsertContact, guard, async (c) => {
    const email = emailFromPath(pathParam(c, 'email'));
    const body = await readBody(c, ROUTES.upsertContact);
    if (body.email !== undefined && body.email !== email) {
      throw new ApiError(
        'invalid_request',
        `The body's email "${body.email}" differs from the email in the path "${email}". Send the same email or leave it out of the body.`,
        [{ path: 'email', message: 'differs from the path' }],
      );
    }
    const [stored] = await store.upsertContacts([{ ...body, email }], 'replace');
    return c.json(stored);
  });

  onRoute(app, ROUTES.upsertCampaign, guard, async (c) => {
    const body = await readBody(c, ROUTES.upsertCampaign, withPathId(pathParam(c, 'id')));
    const [stored] = await store.upsertCampaigns([body]);
    return c.json(stored);
  });

  onRoute(app, ROUTES.upsertAsset, guard, async (c) => {
    const body = await readBody(c, ROUTES.upsertAsset, withPathId(pathParam(c, 'id')));
    const [stored] = await store.upsertAssets([body]);
    return c.json(stored);
  });

  onRoute(app, ROUTES.upsertMessaging, guard, async (c) => {
    const body = await readBody(c, ROUTES.upsertMessaging, withPathId(pathParam(c, 'id')));
    const [stored] = await store.upsertMessaging([body]);
    return c.json(stored);
  });

  onRoute(app, ROUTES.upsertCampaignMember, guard, async (c) => {
    const campaignId = pathParam(c, 'id');
    const email = emailFromPath(pathParam(c, 'email'));
    // The body is optional here: an empty one means "member, no status".
    const body = await readBody(c, ROUTES.upsertCampaignMember);
    if (!(await store.getCampaign(campaignId))) {
      throw new ApiError(
        'not_found',
        `No campaign "${campaignId}". Create it first with PUT /v1/campaigns/${campaignId}.`,
      );
    }
    const [stored] = await store.upsertMemberships([
      { campaignId, email, memberStatus: body.memberStatus, joinedAt: body.joinedAt },
    ]);
    return c.json(stored);
  });

  onRoute(app, ROUTES.deleteContact, guard, async (c) => {
    const email = emailFromPath(pathParam(c, 'email'));
    if (!(await store.eraseContact(email))) {
      throw new ApiError('not_found', `No contact with email ${email}; nothing was erased.`);
    }
    return c.body(null, 204);
  });

  return app;
}
