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
import { ERROR_STATUS, type ErrorCode } from './errors';
import { DEFAULT_BODY_LIMIT_BYTES, MAX_LOOKUP_ASSETS, MAX_LOOKUP_HIGHLIGHTS } from './limits';
import {
  routeList,
  type ErrorStatus,
  type JsonSchema,
  type RouteId,
  type RouteSpec,
} from './routes';
import {
  DEFAULT_ENGAGEMENT_LIMIT,
  MAX_ENGAGEMENT_LIMIT,
  MAX_EVENTS_PER_BATCH,
  MAX_FEEDBACK_TEXT,
  MAX_LOOKUP_CONTACTS,
} from './schemas';

const COMPONENT_PREFIX = '#/components/schemas/';
// Temporary marker on refs produced by the input pass; never appears in the document.
const INPUT_MARK = '\u0000input';

const OPENAPI_VERSION = '3.1.1';

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
// Operations, from the route table

/** Per status: the response component's name, the error code and what it means. */
const ERROR_RESPONSES: Record<ErrorStatus, [name: string, code: ErrorCode, description: string]> = {
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
};

function errorResponseComponents(): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, [name, code, description]] of Object.entries(ERROR_RESPONSES)) {
    if (ERROR_STATUS[code] !== Number(status)) {
      throw new Error(`error code ${code} is HTTP ${ERROR_STATUS[code]}, not ${status}`);
    }
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

/** The component id a contract schema registered with `.meta({ id })`. */
function componentId(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (typeof id !== 'string') throw new Error('a route schema lacks .meta({ id })');
  return id;
}

function ref(id: string) {
  return { $ref: COMPONENT_PREFIX + id };
}

function responseSchema(schema: z.ZodType | JsonSchema): unknown {
  return schema instanceof z.ZodType ? ref(componentId(schema)) : schema;
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

function operation(route: RouteSpec & { id: RouteId }, inputName: (id: string) => string) {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] =
      response.schema === undefined
        ? { description: response.description }
        : {
            description: response.description,
            content: { 'application/json': { schema: responseSchema(response.schema) } },
          };
  }
  for (const status of route.errors) {
    responses[String(status)] = { $ref: `#/components/responses/${ERROR_RESPONSES[status][0]}` };
  }
  const scopeNote = route.scope
    ? `Needs scope \`${route.scope}\`.`
    : 'No API key needed; a valid key may get a fuller answer.';
  const parameters = [
    ...Object.entries(route.pathParams ?? {}).map(([name, description]) => ({
      name,
      in: 'path',
      required: true,
      description,
      schema: { type: 'string' },
    })),
    ...(route.query ? queryParams(route.query.schema, route.query.descriptions) : []),
  ];
  return {
    operationId: route.id,
    summary: route.summary,
    description: [route.description, scopeNote].filter(Boolean).join('\n\n'),
    tags: [route.tag],
    ...(route.scope
      ? { security: [{ bearerAuth: [] }], 'x-scopes': [route.scope] }
      : { security: route.optionalAuth ? [{}, { bearerAuth: [] }] : [], 'x-scopes': [] }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: !route.body.optional,
            description: route.body.description,
            content: {
              'application/json': { schema: ref(inputName(componentId(route.body.schema))) },
            },
          },
        }
      : {}),
    responses,
  };
}

/** The document's paths: one operation per route, in the table's order. */
function paths(inputName: (id: string) => string) {
  const result: Record<string, Record<string, unknown>> = {};
  for (const route of routeList()) {
    (result[route.path] ??= {})[route.method] = operation(route, inputName);
  }
  return result;
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
- **Request bodies** are limited (reference server: ${DEFAULT_BODY_LIMIT_BYTES / 1024 ** 2} MiB by default, configurable); larger bodies get 413 \`payload_too_large\`.
- **Reference server extras**: contacts may carry \`scores\` (returned when lookups include \`scores\`), and engagements of type \`highlight\` become the contact's \`highlights\` (the ${MAX_LOOKUP_HIGHLIGHTS} most recent, heaviest first); a lookup's \`assets\` are the ${MAX_LOOKUP_ASSETS} the contact touched most recently.`;

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
