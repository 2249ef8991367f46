/**
 * The OpenAPI 3.1 document of the Context API, generated from the zod schemas in
 * `./schemas.ts` (the contract in code). `npm run openapi` writes it to `docs/openapi.json`;
 * the reference server serves it at `GET /v1/openapi.json`.
 *
 * Components: every schema exported from `./schemas.ts` with `.meta({ id })` becomes
 * `components/schemas/<id>` (its output shape: what a backend sends). Where the shape a
 * client may send differs (defaults make fields optional, emails are trimmed and lowercased
 * before validation), request bodies use a `<id>Input` variant.
 *
 * Pure and deterministic: imports nothing from WXT or the browser.
 */
import { z } from 'zod';
import * as contract from './schemas';
import {
  DEFAULT_ENGAGEMENT_LIMIT,
  EngagementsQuery,
  INCLUDES,
  MAX_ENGAGEMENT_LIMIT,
  MAX_EVENTS_PER_BATCH,
  MAX_FEEDBACK_TEXT,
  MAX_LOOKUP_CONTACTS,
  MessagingQuery,
} from './schemas';

type JsonSchema = Record<string, unknown>;
type Scope = 'read' | 'write' | 'admin';

const COMPONENT_PREFIX = '#/components/schemas/';
// Temporary marker on refs produced by the input pass; never appears in the document.
const INPUT_MARK = '\u0000input';

/** Request body limit of the reference server (documented choice: 1 MiB, else 413). */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

export const OPENAPI_VERSION = '3.1.1';

// ---------------------------------------------------------------------------------------
// Components from the zod schemas

function registeredSchemas(): Array<[string, z.ZodType]> {
  const found: Array<[string, z.ZodType]> = [];
  for (const value of Object.values(contract)) {
    if (!(value instanceof z.ZodType)) continue;
    const id = z.globalRegistry.get(value)?.id;
    if (typeof id === 'string') found.push([id, value]);
  }
  return found.sort(([a], [b]) => a.localeCompare(b));
}

function convert(
  registry: z.core.$ZodRegistry<{ id: string }>,
  io: 'input' | 'output',
): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    uri: (id) => COMPONENT_PREFIX + id + (io === 'input' ? INPUT_MARK : ''),
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      // An input email may carry spaces or capitals (trimmed and lowercased before matching),
      // so the input pass keeps the format annotation but not the strict output pattern.
      if (io === 'input' && zodSchema === contract.Email) jsonSchema.format = 'email';
    },
  });
  const result: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _schema, $id: _id, ...body } = schema as JsonSchema;
    result[id] = body;
  }
  return result;
}

/** Calls `visit` on every `$ref` string in `value`, replacing it with the return value. */
function mapRefs(value: unknown, visit: (ref: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapRefs(item, visit));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = key === '$ref' && typeof item === 'string' ? visit(item) : mapRefs(item, visit);
    }
    return out;
  }
  return value;
}

function collectRefs(value: unknown, into = new Set<string>()): Set<string> {
  mapRefs(value, (ref) => {
    into.add(ref);
    return ref;
  });
  return into;
}

function baseId(ref: string): string {
  return ref.slice(COMPONENT_PREFIX.length).replace(INPUT_MARK, '');
}

interface Components {
  schemas: Record<string, JsonSchema>;
  /** The component name a request body uses for schema `id`. */
  inputName: (id: string) => string;
}

function buildComponents(): Components {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of registeredSchemas()) registry.add(schema, { id });
  const output = convert(registry, 'output');
  const input = convert(registry, 'input');

  // A schema needs an input variant when its own body differs, or when it refers to a
  // schema that does (repeat until nothing changes).
  const differs = new Set<string>();
  for (const id of Object.keys(output)) {
    const normalised = mapRefs(input[id], (ref) => COMPONENT_PREFIX + baseId(ref));
    if (JSON.stringify(normalised) !== JSON.stringify(output[id])) differs.add(id);
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const id of Object.keys(input)) {
      if (differs.has(id)) continue;
      if ([...collectRefs(input[id])].some((ref) => differs.has(baseId(ref)))) {
        differs.add(id);
        changed = true;
      }
    }
  }
  const inputName = (id: string) => (differs.has(id) ? `${id}Input` : id);
  const schemas: Record<string, JsonSchema> = { ...output };
  for (const id of differs) {
    schemas[inputName(id)] = mapRefs(
      input[id],
      (ref) => COMPONENT_PREFIX + inputName(baseId(ref)),
    ) as JsonSchema;
  }
  return { schemas, inputName };
}

// ---------------------------------------------------------------------------------------
// Operations

const ERROR_RESPONSES = {
  400: ['BadRequest', 'invalid_request', 'The request is malformed or breaks a limit.'],
  401: ['Unauthorized', 'unauthorized', 'No API key, or an unknown one.'],
  403: ['Forbidden', 'forbidden', 'The key lacks the scope this operation needs.'],
  404: ['NotFound', 'not_found', 'No such route or object.'],
  413: [
    'PayloadTooLarge',
    'payload_too_large',
    `The request body is larger than the server's limit (reference server: ${DEFAULT_BODY_LIMIT_BYTES} bytes by default).`,
  ],
  429: [
    'RateLimited',
    'rate_limited',
    'Too many requests for this key; retry after `Retry-After` seconds.',
  ],
  500: ['Internal', 'internal', 'The server failed; the body never carries a stack trace.'],
} as const;
type ErrorStatus = keyof typeof ERROR_RESPONSES;

function errorResponseComponents(): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, [name, code, description]] of Object.entries(ERROR_RESPONSES)) {
    responses[name] = {
      description: `${description} (HTTP ${status}, code \`${code}\`)`,
      ...(status === '429'
        ? {
            headers: {
              'Retry-After': {
                description: 'Seconds to wait before retrying.',
                required: true,
                schema: { type: 'integer', minimum: 0 },
              },
            },
          }
        : {}),
      content: {
        'application/json': {
          schema: { $ref: `${COMPONENT_PREFIX}Error` },
          example: { error: { code, message: description } },
        },
      },
    };
  }
  return responses;
}

function ref(id: string) {
  return { $ref: COMPONENT_PREFIX + id };
}

function json(schema: unknown, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

interface OperationSpec {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Scopes that may call it; undefined = no key needed. */
  scopes?: Scope[];
  /** A key is optional (health, the document itself). */
  optionalAuth?: boolean;
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  errors: ErrorStatus[];
}

function operation(spec: OperationSpec) {
  const responses: Record<string, unknown> = { ...spec.responses };
  for (const status of spec.errors) {
    responses[String(status)] = { $ref: `#/components/responses/${ERROR_RESPONSES[status][0]}` };
  }
  const scopeNote = spec.scopes
    ? `Needs scope \`${spec.scopes.join('` or `')}\`.`
    : 'No API key needed; a valid key may get a fuller answer.';
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    description: [spec.description, scopeNote].filter(Boolean).join('\n\n'),
    tags: spec.tags,
    ...(spec.scopes
      ? { security: [{ bearerAuth: [] }], 'x-scopes': spec.scopes }
      : { security: spec.optionalAuth ? [{}, { bearerAuth: [] }] : [], 'x-scopes': [] }),
    ...(spec.parameters ? { parameters: spec.parameters } : {}),
    ...(spec.requestBody ? { requestBody: spec.requestBody } : {}),
    responses,
  };
}

function pathParam(name: string, description: string, schema: JsonSchema = { type: 'string' }) {
  return { name, in: 'path', required: true, description, schema };
}

/** Query parameters from a zod object of the contract (its input shape). */
function queryParams(schema: z.ZodObject, descriptions: Record<string, string> = {}) {
  return Object.entries(schema.shape).map(([name, field]) => {
    const {
      $schema: _schema,
      description,
      ...jsonSchema
    } = z.toJSONSchema(field as z.ZodType, {
      io: 'input',
    }) as JsonSchema;
    return {
      name,
      in: 'query',
      required: !(field as z.ZodType).safeParse(undefined).success,
      ...(descriptions[name] || description
        ? { description: descriptions[name] ?? description }
        : {}),
      schema: jsonSchema,
    };
  });
}

const STANDARD_ERRORS: ErrorStatus[] = [400, 401, 403, 429, 500];

function paths(inputName: (id: string) => string) {
  const body = (id: string, description: string) => ({
    required: true,
    description,
    content: { 'application/json': { schema: ref(inputName(id)) } },
  });
  const emailParam = pathParam(
    'email',
    'Contact email (URL-encoded); trimmed and lowercased before matching.',
  );
  const idParam = (what: string) => pathParam('id', `${what} id (your system's id).`);

  return {
    '/v1/health': {
      get: operation({
        operationId: 'getHealth',
        summary: 'Health, API version and optional features',
        description:
          'Without a valid key a backend may answer `{"status":"ok","apiVersion":"1"}` only; with one it lists `server` and `features` (e.g. `emailSha256`, `engagements.paging`, `messaging`, `ingest`, `feedback`; the reference server also lists `segment`, `erasure` and `crm.lookup`).',
        tags: ['core'],
        optionalAuth: true,
        responses: { 200: json(ref('HealthResponse'), 'The backend is up.') },
        errors: [500],
      }),
    },
    '/v1/openapi.json': {
      get: operation({
        operationId: 'getOpenApiDocument',
        summary: 'This OpenAPI document',
        tags: ['core'],
        responses: {
          200: json({ type: 'object' }, 'The OpenAPI 3.1 document of the Context API.'),
        },
        errors: [500],
      }),
    },
    '/v1/lookup': {
      post: operation({
        operationId: 'lookupContacts',
        summary: 'Marketing context of up to 50 contacts',
        description: [
          `\`results\` has the same length and order as \`contacts\` (1..${MAX_LOOKUP_CONTACTS}).`,
          `\`include\` defaults to all parts (${INCLUDES.join(', ')}); unknown values are ignored.`,
          `\`engagementLimit\` defaults to ${DEFAULT_ENGAGEMENT_LIMIT}, at most ${MAX_ENGAGEMENT_LIMIT}; engagements come newest first and \`engagementsCursor\` (opaque) continues them via \`GET /v1/contacts/{contactId}/engagements\`.`,
          'A contact that is not found is a result with `match.status` = `not_found`, never an error.',
        ].join(' '),
        tags: ['core'],
        scopes: ['read'],
        requestBody: body('LookupRequest', 'Contacts to look up and what to include.'),
        responses: {
          200: json(ref('LookupResponse'), 'One result per requested contact, in order.'),
        },
        errors: [...STANDARD_ERRORS, 413],
      }),
    },
    '/v1/contacts/{contactId}/engagements': {
      get: operation({
        operationId: 'listEngagements',
        summary: "A contact's engagements, newest first, page by page",
        description:
          "Pass the opaque `nextCursor` (or a lookup result's `engagementsCursor`) as `cursor` for the next page; `nextCursor` is null on the last page. Cursors are opaque: do not parse or build them. Served when the backend lists the `engagements.paging` feature.",
        tags: ['core'],
        scopes: ['read'],
        parameters: [
          pathParam('contactId', 'The `contact.id` of a lookup result.'),
          ...queryParams(EngagementsQuery, {
            cursor: 'Opaque cursor from a previous page; omit for the first page.',
            limit: `Page size, 1..${MAX_ENGAGEMENT_LIMIT}, default ${DEFAULT_ENGAGEMENT_LIMIT}.`,
          }),
        ],
        responses: { 200: json(ref('EngagementsPage'), 'One page of engagements.') },
        errors: [...STANDARD_ERRORS, 404],
      }),
    },
    '/v1/messaging': {
      get: operation({
        operationId: 'listMessaging',
        summary: 'The messaging library, for consistency checks',
        description: 'Served when the backend lists the `messaging` feature.',
        tags: ['core'],
        scopes: ['read'],
        parameters: queryParams(MessagingQuery, {
          campaignId: 'Only messaging used by this campaign.',
        }),
        responses: { 200: json(ref('MessagingList'), 'Matching messaging.') },
        errors: STANDARD_ERRORS,
      }),
    },
    '/v1/events': {
      post: operation({
        operationId: 'ingestEvents',
        summary: 'Ingest engagements (with their contacts)',
        description: `1..${MAX_EVENTS_PER_BATCH} events per batch. Each event is validated on its own: valid ones are stored, invalid ones are listed in \`rejected\` by index. An event's \`id\` is its idempotency key: the same id twice is stored once and counted in \`duplicates\`. Events of type \`highlight\` become the contact's highlights on the reference server (\`details.description\`, \`details.weight\`, \`details.engagementId\`).`,
        tags: ['ingestion'],
        scopes: ['write'],
        requestBody: body('EventsRequest', 'The batch.'),
        responses: { 200: json(ref('EventsResponse'), 'What was stored.') },
        errors: [...STANDARD_ERRORS, 413],
      }),
    },
    '/v1/ingest/segment': {
      post: operation({
        operationId: 'ingestSegment',
        summary: 'Ingest Segment-spec track, page and identify calls',
        description:
          'One call or `{"batch": [...]}`. `userId`, `traits.email` or `context.traits.email` names the contact, `messageId` is the idempotency key, and event names map to engagement types (unknown names become `custom.<snake_name>`). Works with Segment, RudderStack and Jitsu destinations.',
        tags: ['ingestion'],
        scopes: ['write'],
        requestBody: body('SegmentRequest', 'A Segment call or batch.'),
        responses: { 200: json(ref('EventsResponse'), 'What was stored.') },
        errors: [...STANDARD_ERRORS, 413],
      }),
    },
    '/v1/contacts/{email}': {
      put: operation({
        operationId: 'upsertContact',
        summary: 'Create or update a contact',
        description:
          'Reference server extra: an optional `scores` array (Score objects) is stored and returned by lookups that include `scores`.',
        tags: ['ingestion'],
        scopes: ['write'],
        parameters: [emailParam],
        requestBody: body(
          'ContactUpsert',
          'The contact; `email` may be omitted (the path names it).',
        ),
        responses: { 200: json(ref('Contact'), 'The stored contact.') },
        errors: [...STANDARD_ERRORS, 413],
      }),
      delete: operation({
        operationId: 'deleteContact',
        summary: 'Erase a contact (right to erasure)',
        description:
          'Erases the contact and all of its engagements, memberships and feedback links.',
        tags: ['admin'],
        scopes: ['admin'],
        parameters: [emailParam],
        responses: { 204: { description: 'Erased.' } },
        errors: [...STANDARD_ERRORS, 404],
      }),
    },
    '/v1/campaigns/{id}': {
      put: operation({
        operationId: 'upsertCampaign',
        summary: 'Create or update a campaign',
        tags: ['ingestion'],
        scopes: ['write'],
        parameters: [idParam('Campaign')],
        requestBody: body(
          'Campaign',
          'The campaign; `id` may be left out (the path names it), and if sent must match the path.',
        ),
        responses: { 200: json(ref('Campaign'), 'The stored campaign.') },
        errors: [...STANDARD_ERRORS, 413],
      }),
    },
    '/v1/assets/{id}': {
      put: operation({
        operationId: 'upsertAsset',
        summary: 'Create or update an asset',
        tags: ['ingestion'],
        scopes: ['write'],
        parameters: [idParam('Asset')],
        requestBody: body(
          'Asset',
          'The asset; `id` may be left out (the path names it), and if sent must match the path.',
        ),
        responses: { 200: json(ref('Asset'), 'The stored asset.') },
        errors: [...STANDARD_ERRORS, 413],
      }),
    },
    '/v1/messaging/{id}': {
      put: operation({
        operationId: 'upsertMessaging',
        summary: 'Create or update a messaging entry',
        tags: ['ingestion'],
        scopes: ['write'],
        parameters: [idParam('Messaging')],
        requestBody: body(
          'Messaging',
          'The messaging; `id` may be left out (the path names it), and if sent must match the path.',
        ),
        responses: { 200: json(ref('Messaging'), 'The stored messaging.') },
        errors: [...STANDARD_ERRORS, 413],
      }),
    },
    '/v1/campaigns/{id}/members/{email}': {
      put: operation({
        operationId: 'upsertCampaignMember',
        summary: 'Add a contact to a campaign, or update its membership',
        tags: ['ingestion'],
        scopes: ['write'],
        parameters: [idParam('Campaign'), emailParam],
        description:
          'The campaign must exist (404 otherwise); an unknown email creates the contact.',
        requestBody: {
          ...body('MembershipUpsert', 'Membership status and join time; may be empty.'),
          required: false,
        },
        responses: {
          200: json(ref('CampaignMembership'), 'The stored membership, as lookups return it.'),
        },
        errors: [...STANDARD_ERRORS, 404, 413],
      }),
    },
    '/v1/feedback': {
      post: operation({
        operationId: 'createFeedback',
        summary: 'Tell marketing what landed and what did not',
        description: `Append-only, rate-limited per key (429 with \`Retry-After\`). \`text\` is at most ${MAX_FEEDBACK_TEXT} characters. \`id\` is the client's idempotency key: a new id answers 201, a repeated one 200 and is stored once. Served when the backend lists the \`feedback\` feature.`,
        tags: ['feedback'],
        scopes: ['read'],
        requestBody: body('FeedbackRequest', 'One piece of feedback.'),
        responses: {
          201: json(ref('FeedbackCreated'), 'Stored.'),
          200: json(ref('FeedbackCreated'), 'Already stored (same id); nothing changed.'),
        },
        errors: [...STANDARD_ERRORS, 413],
      }),
      get: operation({
        operationId: 'listFeedback',
        summary: 'Feedback, newest first, with a summary per messaging and asset',
        tags: ['feedback'],
        scopes: ['read'],
        parameters: [
          { name: 'messagingId', in: 'query', required: false, schema: { type: 'string' } },
          { name: 'assetId', in: 'query', required: false, schema: { type: 'string' } },
          { name: 'campaignId', in: 'query', required: false, schema: { type: 'string' } },
          {
            name: 'since',
            in: 'query',
            required: false,
            description: 'Only feedback that occurred at or after this ISO-8601 time.',
            schema: { type: 'string', format: 'date-time' },
          },
          {
            name: 'cursor',
            in: 'query',
            required: false,
            description: 'Opaque `nextCursor` of the previous page.',
            schema: { type: 'string' },
          },
        ],
        responses: { 200: json(ref('FeedbackList'), 'A page of feedback and its summary.') },
        errors: STANDARD_ERRORS,
      }),
    },
  };
}

/**
 * Every output component stays (each is a contract object); an input variant stays only
 * when a request body reaches it. Sorted so a variant sits next to its base.
 */
function keepReachableInputs(
  schemas: Record<string, JsonSchema>,
  from: unknown,
): Record<string, JsonSchema> {
  const reachable = new Set<string>();
  const pending = [...collectRefs(from)];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const id = next.slice(COMPONENT_PREFIX.length);
    if (reachable.has(id)) continue;
    reachable.add(id);
    pending.push(...collectRefs(schemas[id]));
  }
  const kept: Record<string, JsonSchema> = {};
  for (const id of Object.keys(schemas).sort()) {
    const schema = schemas[id];
    const isInputVariant = id.endsWith('Input') && schemas[id.slice(0, -'Input'.length)];
    if (schema && (!isInputVariant || reachable.has(id))) kept[id] = schema;
  }
  return kept;
}

const DESCRIPTION = `Touchpoint's Context API: what marketing a B2B contact has engaged with, for sales reps, served by any backend that implements this contract. Generated from the zod schemas in \`utils/contract/schemas.ts\`; the prose contract is \`context-api.md\`.

Choices this document fixes where the contract is silent:
- **Auth**: \`Authorization: Bearer <key>\`; keys carry scopes \`read\`, \`write\`, \`admin\` (\`x-scopes\` on each operation; on the reference server \`admin\` implies \`write\`, which implies \`read\`). No key or an unknown key: 401; a key without the scope: 403.
- **Errors**: every error is JSON \`{"error": {"code", "message", "details"?}}\`, never an HTML page or a stack trace. 429 carries \`Retry-After\` (seconds).
- **Forward compatibility**: objects may carry fields not listed here (\`additionalProperties\`); open vocabularies (engagement \`type\`, \`channel\`, ...) accept any string.
- **Lookup**: 1..${MAX_LOOKUP_CONTACTS} contacts; \`include\` defaults to all parts; \`engagementLimit\` defaults to ${DEFAULT_ENGAGEMENT_LIMIT}, max ${MAX_ENGAGEMENT_LIMIT}; engagements newest first.
- **Cursors** (\`engagementsCursor\`, \`nextCursor\`) are opaque strings: pass them back unchanged; null means no more pages.
- **Ingestion**: 1..${MAX_EVENTS_PER_BATCH} events per batch; feedback \`text\` at most ${MAX_FEEDBACK_TEXT} characters.
- **Request bodies** are limited (reference server: 1 MiB by default, configurable); larger bodies get 413 \`payload_too_large\`.
- **Reference server extras**: contacts may carry \`scores\` (returned when lookups include \`scores\`), and engagements of type \`highlight\` become the contact's \`highlights\` (the 10 most recent, heaviest first); a lookup's \`assets\` are the 50 the contact touched most recently.`;

/** The OpenAPI 3.1 document, the same on every call. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const { schemas: allSchemas, inputName } = buildComponents();
  const documentPaths = paths(inputName);
  const schemas = keepReachableInputs(allSchemas, documentPaths);
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: 'Touchpoint Context API',
      version: '1',
      description: DESCRIPTION,
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: 'http://127.0.0.1:8787', description: 'Reference server on loopback' }],
    tags: [
      { name: 'core', description: 'Every backend serves these.' },
      { name: 'ingestion', description: 'Reference server; optional for other backends.' },
      { name: 'admin', description: 'Admin-scope operations.' },
      { name: 'feedback', description: 'Optional feature `feedback`.' },
    ],
    security: [{ bearerAuth: [] }],
    paths: documentPaths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key with scopes `read`, `write` and/or `admin`.',
        },
      },
      responses: errorResponseComponents(),
      schemas,
    },
  };
}
