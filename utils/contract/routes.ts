/**
 * The Context API's endpoints, each declared once: method, path, the scope a key needs, the
 * request and response schemas and the prose. The reference server binds its handlers to
 * these entries (scope check and validation come from here), `./openapi.ts` builds the
 * document's paths from them and `./conformance.ts` names the endpoints it calls by them.
 *
 * Pure: zod and the contract's schemas only, no WXT, browser or server code.
 */
import { z } from 'zod';
import { FEEDBACK_PAGE_DEFAULT, FEEDBACK_PAGE_MAX } from './limits';
import {
  Asset,
  Campaign,
  CampaignMembership,
  Contact,
  ContactUpsert,
  DateTime,
  DEFAULT_ENGAGEMENT_LIMIT,
  EngagementsPage,
  EngagementsQuery,
  EventsRequest,
  EventsResponse,
  FeedbackCreated,
  FeedbackList,
  FeedbackRequest,
  HealthResponse,
  INCLUDES,
  LookupRequest,
  LookupResponse,
  MAX_ENGAGEMENT_LIMIT,
  MAX_EVENTS_PER_BATCH,
  MAX_FEEDBACK_TEXT,
  MAX_LOOKUP_CONTACTS,
  MembershipUpsert,
  Messaging,
  MessagingList,
  MessagingQuery,
  SegmentRequest,
} from './schemas';

/** Key scopes; `admin` implies `write`, which implies `read` (on the reference server). */
export const SCOPES = ['read', 'write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** The error statuses an operation may answer; each maps to one error code. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 413 | 429 | 500;

type Tag = 'core' | 'ingestion' | 'admin' | 'feedback';

/** A JSON Schema written out, for a response the zod schemas do not describe. */
export type JsonSchema = Record<string, unknown>;

export interface BodySpec {
  schema: z.ZodType;
  /** What the body is, for error messages ("Invalid lookup request: …"). */
  name: string;
  description: string;
  /** An empty body is allowed and read as `{}`. */
  optional?: boolean;
}

export interface QuerySpec {
  schema: z.ZodObject;
  /** Per parameter, where the schema's own description does not say enough. */
  descriptions?: Record<string, string>;
}

interface ResponseSpec {
  description: string;
  /** Omitted: no body (204). */
  schema?: z.ZodType | JsonSchema;
}

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI path template, e.g. `/v1/contacts/{email}`. */
  path: `/v1/${string}`;
  /** The scope a key needs; null: no key needed. */
  scope: Scope | null;
  /** No key needed, but a valid key may get a fuller answer. */
  optionalAuth?: boolean;
  summary: string;
  description?: string;
  tag: Tag;
  /** Path parameters in template order, with their description. */
  pathParams?: Record<string, string>;
  query?: QuerySpec;
  body?: BodySpec;
  responses: Record<number, ResponseSpec>;
  errors: readonly ErrorStatus[];
}

const STANDARD_ERRORS = [400, 401, 403, 429, 500] as const satisfies ErrorStatus[];

const EMAIL_PARAM = 'Contact email (URL-encoded); trimmed and lowercased before matching.';
const idParam = (what: string) => `${what} id (your system's id).`;
const bodyWithPathId = (what: string) =>
  `The ${what}; \`id\` may be left out (the path names it), and if sent must match the path.`;

/** `GET /v1/feedback`: filters and paging. */
export const FeedbackQuery = z.looseObject({
  messagingId: z.string().optional(),
  assetId: z.string().optional(),
  campaignId: z.string().optional(),
  since: DateTime.optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(FEEDBACK_PAGE_MAX).default(FEEDBACK_PAGE_DEFAULT),
});

/** Every endpoint, keyed by its OpenAPI `operationId`; the document lists them in this order. */
export const ROUTES = {
  getHealth: {
    method: 'get',
    path: '/v1/health',
    scope: null,
    optionalAuth: true,
    summary: 'Health, API version and optional features',
    description:
      'Without a valid key a backend may answer `{"status":"ok","apiVersion":"1"}` only; with one it lists `server` and `features` (e.g. `emailSha256`, `engagements.paging`, `messaging`, `ingest`, `feedback`; the reference server also lists `segment`, `erasure` and `crm.lookup`).',
    tag: 'core',
    responses: { 200: { description: 'The backend is up.', schema: HealthResponse } },
    errors: [500],
  },
  getOpenApiDocument: {
    method: 'get',
    path: '/v1/openapi.json',
    scope: null,
    summary: 'This OpenAPI document',
    tag: 'core',
    responses: {
      200: {
        description: 'The OpenAPI 3.1 document of the Context API.',
        schema: { type: 'object' },
      },
    },
    errors: [500],
  },
  lookupContacts: {
    method: 'post',
    path: '/v1/lookup',
    scope: 'read',
    summary: 'Marketing context of up to 50 contacts',
    description: [
      `\`results\` has the same length and order as \`contacts\` (1..${MAX_LOOKUP_CONTACTS}).`,
      `\`include\` defaults to all parts (${INCLUDES.join(', ')}); unknown values are ignored.`,
      `\`engagementLimit\` defaults to ${DEFAULT_ENGAGEMENT_LIMIT}, at most ${MAX_ENGAGEMENT_LIMIT}; engagements come newest first and \`engagementsCursor\` (opaque) continues them via \`GET /v1/contacts/{contactId}/engagements\`.`,
      'A contact that is not found is a result with `match.status` = `not_found`, never an error.',
    ].join(' '),
    tag: 'core',
    body: {
      schema: LookupRequest,
      name: 'lookup request',
      description: 'Contacts to look up and what to include.',
    },
    responses: {
      200: { description: 'One result per requested contact, in order.', schema: LookupResponse },
    },
    errors: [...STANDARD_ERRORS, 413],
  },
  listEngagements: {
    method: 'get',
    path: '/v1/contacts/{contactId}/engagements',
    scope: 'read',
    summary: "A contact's engagements, newest first, page by page",
    description:
      "Pass the opaque `nextCursor` (or a lookup result's `engagementsCursor`) as `cursor` for the next page; `nextCursor` is null on the last page. Cursors are opaque: do not parse or build them. Served when the backend lists the `engagements.paging` feature.",
    tag: 'core',
    pathParams: { contactId: 'The `contact.id` of a lookup result.' },
    query: {
      schema: EngagementsQuery,
      descriptions: {
        cursor: 'Opaque cursor from a previous page; omit for the first page.',
        limit: `Page size, 1..${MAX_ENGAGEMENT_LIMIT}, default ${DEFAULT_ENGAGEMENT_LIMIT}.`,
      },
    },
    responses: { 200: { description: 'One page of engagements.', schema: EngagementsPage } },
    errors: [...STANDARD_ERRORS, 404],
  },
  listMessaging: {
    method: 'get',
    path: '/v1/messaging',
    scope: 'read',
    summary: 'The messaging library, for consistency checks',
    description: 'Served when the backend lists the `messaging` feature.',
    tag: 'core',
    query: {
      schema: MessagingQuery,
      descriptions: { campaignId: 'Only messaging used by this campaign.' },
    },
    responses: { 200: { description: 'Matching messaging.', schema: MessagingList } },
    errors: STANDARD_ERRORS,
  },
  ingestEvents: {
    method: 'post',
    path: '/v1/events',
    scope: 'write',
    summary: 'Ingest engagements (with their contacts)',
    description: `1..${MAX_EVENTS_PER_BATCH} events per batch. Each event is validated on its own: valid ones are stored, invalid ones are listed in \`rejected\` by index. An event's \`id\` is its idempotency key: the same id twice is stored once and counted in \`duplicates\`. Events of type \`highlight\` become the contact's highlights on the reference server (\`details.description\`, \`details.weight\`, \`details.engagementId\`).`,
    tag: 'ingestion',
    body: { schema: EventsRequest, name: 'events request', description: 'The batch.' },
    responses: { 200: { description: 'What was stored.', schema: EventsResponse } },
    errors: [...STANDARD_ERRORS, 413],
  },
  ingestSegment: {
    method: 'post',
    path: '/v1/ingest/segment',
    scope: 'write',
    summary: 'Ingest Segment-spec track, page and identify calls',
    description:
      'One call or `{"batch": [...]}`. `userId`, `traits.email` or `context.traits.email` names the contact, `messageId` is the idempotency key, and event names map to engagement types (unknown names become `custom.<snake_name>`). Works with Segment, RudderStack and Jitsu destinations.',
    tag: 'ingestion',
    body: {
      schema: SegmentRequest,
      name: 'Segment request',
      description: 'A Segment call or batch.',
    },
    responses: { 200: { description: 'What was stored.', schema: EventsResponse } },
    errors: [...STANDARD_ERRORS, 413],
  },
  upsertContact: {
    method: 'put',
    path: '/v1/contacts/{email}',
    scope: 'write',
    summary: 'Create or update a contact',
    description:
      'Reference server extra: an optional `scores` array (Score objects) is stored and returned by lookups that include `scores`.',
    tag: 'ingestion',
    pathParams: { email: EMAIL_PARAM },
    body: {
      schema: ContactUpsert,
      name: 'contact',
      description: 'The contact; `email` may be omitted (the path names it).',
    },
    responses: { 200: { description: 'The stored contact.', schema: Contact } },
    errors: [...STANDARD_ERRORS, 413],
  },
  deleteContact: {
    method: 'delete',
    path: '/v1/contacts/{email}',
    scope: 'admin',
    summary: 'Erase a contact (right to erasure)',
    description: 'Erases the contact and all of its engagements, memberships and feedback links.',
    tag: 'admin',
    pathParams: { email: EMAIL_PARAM },
    responses: { 204: { description: 'Erased.' } },
    errors: [...STANDARD_ERRORS, 404],
  },
  upsertCampaign: {
    method: 'put',
    path: '/v1/campaigns/{id}',
    scope: 'write',
    summary: 'Create or update a campaign',
    tag: 'ingestion',
    pathParams: { id: idParam('Campaign') },
    body: { schema: Campaign, name: 'campaign', description: bodyWithPathId('campaign') },
    responses: { 200: { description: 'The stored campaign.', schema: Campaign } },
    errors: [...STANDARD_ERRORS, 413],
  },
  upsertAsset: {
    method: 'put',
    path: '/v1/assets/{id}',
    scope: 'write',
    summary: 'Create or update an asset',
    tag: 'ingestion',
    pathParams: { id: idParam('Asset') },
    body: { schema: Asset, name: 'asset', description: bodyWithPathId('asset') },
    responses: { 200: { description: 'The stored asset.', schema: Asset } },
    errors: [...STANDARD_ERRORS, 413],
  },
  upsertMessaging: {
    method: 'put',
    path: '/v1/messaging/{id}',
    scope: 'write',
    summary: 'Create or update a messaging entry',
    tag: 'ingestion',
    pathParams: { id: idParam('Messaging') },
    body: { schema: Messaging, name: 'messaging', description: bodyWithPathId('messaging') },
    responses: { 200: { description: 'The stored messaging.', schema: Messaging } },
    errors: [...STANDARD_ERRORS, 413],
  },
  upsertCampaignMember: {
    method: 'put',
    path: '/v1/campaigns/{id}/members/{email}',
    scope: 'write',
    summary: 'Add a contact to a campaign, or update its membership',
    description: 'The campaign must exist (404 otherwise); an unknown email creates the contact.',
    tag: 'ingestion',
    pathParams: { id: idParam('Campaign'), email: EMAIL_PARAM },
    body: {
      schema: MembershipUpsert,
      name: 'membership',
      description: 'Membership status and join time; may be empty.',
      optional: true,
    },
    responses: {
      200: {
        description: 'The stored membership, as lookups return it.',
        schema: CampaignMembership,
      },
    },
    errors: [...STANDARD_ERRORS, 404, 413],
  },
  createFeedback: {
    method: 'post',
    path: '/v1/feedback',
    scope: 'read',
    summary: 'Tell marketing what landed and what did not',
    description: `Append-only, rate-limited per key (429 with \`Retry-After\`). \`text\` is at most ${MAX_FEEDBACK_TEXT} characters. \`id\` is the client's idempotency key: a new id answers 201, a repeated one 200 and is stored once. Served when the backend lists the \`feedback\` feature.`,
    tag: 'feedback',
    body: { schema: FeedbackRequest, name: 'feedback', description: 'One piece of feedback.' },
    responses: {
      201: { description: 'Stored.', schema: FeedbackCreated },
      200: { description: 'Already stored (same id); nothing changed.', schema: FeedbackCreated },
    },
    errors: [...STANDARD_ERRORS, 413],
  },
  listFeedback: {
    method: 'get',
    path: '/v1/feedback',
    scope: 'read',
    summary: 'Feedback, newest first, with a summary per messaging and asset',
    tag: 'feedback',
    query: {
      schema: FeedbackQuery,
      descriptions: {
        since: 'Only feedback that occurred at or after this ISO-8601 time.',
        cursor: 'Opaque `nextCursor` of the previous page.',
        limit: `Page size, 1..${FEEDBACK_PAGE_MAX}, default ${FEEDBACK_PAGE_DEFAULT}.`,
      },
    },
    responses: {
      200: { description: 'A page of feedback and its summary.', schema: FeedbackList },
    },
    errors: STANDARD_ERRORS,
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteId = keyof typeof ROUTES;

/** The table as a list, each entry with its id (the OpenAPI `operationId`). */
export function routeList(): Array<RouteSpec & { id: RouteId }> {
  return (Object.keys(ROUTES) as RouteId[]).map((id) => ({ id, ...ROUTES[id] }));
}

/** `METHOD /path` as the README and error messages write it, e.g. `PUT /v1/contacts/{email}`. */
export function routeLabel(route: Pick<RouteSpec, 'method' | 'path'>): string {
  return `${route.method.toUpperCase()} ${route.path}`;
}

/** The path with its parameters filled in (URL-encoded), without a leading slash. */
export function routePath(
  route: Pick<RouteSpec, 'path'>,
  params: Record<string, string> = {},
): string {
  return route.path.slice(1).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.path} needs the path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
