import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi';

const committedPath = fileURLToPath(new URL('../../docs/openapi.json', import.meta.url));

interface Doc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Record<string, unknown>>;
    responses: Record<string, { headers?: Record<string, unknown>; content: unknown }>;
    securitySchemes: Record<string, { type: string; scheme?: string }>;
  };
}
interface Operation {
  description: string;
  security: Array<Record<string, string[]>>;
  'x-scopes': string[];
  parameters?: Array<{ name: string; in: string; required: boolean }>;
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  responses: Record<string, { $ref?: string; headers?: unknown }>;
}

const doc = buildOpenApiDocument() as unknown as Doc;

/** Every endpoint of context-api.md, plus the document itself, with its scope. */
const CONTRACT: Array<[method: string, path: string, scope: string | null]> = [
  ['get', '/v1/health', null],
  ['get', '/v1/openapi.json', null],
  ['post', '/v1/lookup', 'read'],
  ['get', '/v1/contacts/{contactId}/engagements', 'read'],
  ['get', '/v1/messaging', 'read'],
  ['post', '/v1/events', 'write'],
  ['put', '/v1/contacts/{email}', 'write'],
  ['put', '/v1/campaigns/{id}', 'write'],
  ['put', '/v1/assets/{id}', 'write'],
  ['put', '/v1/messaging/{id}', 'write'],
  ['put', '/v1/campaigns/{id}/members/{email}', 'write'],
  ['post', '/v1/ingest/segment', 'write'],
  ['delete', '/v1/contacts/{email}', 'admin'],
  ['post', '/v1/feedback', 'read'],
  ['get', '/v1/feedback', 'read'],
];

function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      root,
    );
}

function allRefs(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => allRefs(item, into));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') into.push(item);
      else allRefs(item, into);
    }
  }
  return into;
}

describe('docs/openapi.json', () => {
  it('is up to date with the zod schemas (run npm run openapi)', () => {
    const committed = readFileSync(committedPath, 'utf8');
    const fresh = `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
    expect(
      committed === fresh,
      'docs/openapi.json is out of date: run `npm run openapi` and commit it',
    ).toBe(true);
  });
});

describe('buildOpenApiDocument', () => {
  it('is OpenAPI 3.1 and deterministic', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(JSON.stringify(buildOpenApiDocument())).toBe(JSON.stringify(doc));
  });

  it('describes exactly the contract endpoints', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    );
    expect(documented.sort()).toEqual(CONTRACT.map(([m, p]) => `${m} ${p}`).sort());
  });

  it('resolves every $ref', () => {
    const refs = allRefs(doc);
    expect(refs.length).toBeGreaterThan(50);
    const broken = refs.filter((ref) => resolvePointer(doc, ref) === undefined);
    expect(broken, `unresolved $refs: ${broken.join(', ')}`).toEqual([]);
  });

  it('emits the components that meta-only refs point at', () => {
    for (const id of ['IngestEvent', 'SegmentCall', 'Error', 'LookupRequest', 'LookupResponse']) {
      expect(doc.components.schemas[id], `components/schemas/${id}`).toBeDefined();
    }
    const events = doc.paths['/v1/events']!.post!.requestBody!.content['application/json']!;
    const request = resolvePointer(doc, events.schema.$ref) as {
      properties: { events: { items: { $ref: string } } };
    };
    expect(resolvePointer(doc, request.properties.events.items.$ref)).toBeDefined();
    expect(request.properties.events.items.$ref).toMatch(/IngestEvent/);
  });

  it('uses the input shape for request bodies: defaulted fields are optional', () => {
    const lookup = doc.paths['/v1/lookup']!.post!.requestBody!.content['application/json']!;
    const input = resolvePointer(doc, lookup.schema.$ref) as { required: string[] };
    expect(input.required).toEqual(['contacts']);
    expect(doc.components.schemas.LookupRequest!.required).toContain('engagementLimit');
  });

  it('declares bearer auth and the scopes of every operation', () => {
    expect(doc.components.securitySchemes.bearerAuth).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    for (const [method, path, scope] of CONTRACT) {
      const op = doc.paths[path]![method]!;
      if (scope === null) {
        expect(op['x-scopes'], `${method} ${path}`).toEqual([]);
        continue;
      }
      expect(op['x-scopes'], `${method} ${path}`).toEqual([scope]);
      expect(op.security, `${method} ${path}`).toEqual([{ bearerAuth: [] }]);
      expect(op.description, `${method} ${path}`).toContain(`\`${scope}\``);
      expect(op.responses['401'], `${method} ${path} 401`).toBeDefined();
      expect(op.responses['403'], `${method} ${path} 403`).toBeDefined();
    }
  });

  it('documents every error status with the error shape, and Retry-After on 429', () => {
    const statuses = new Set<string>();
    for (const item of Object.values(doc.paths)) {
      for (const op of Object.values(item)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) >= 400) {
            statuses.add(status);
            const resolved = resolvePointer(doc, response.$ref ?? '') as {
              content: { 'application/json': { schema: { $ref: string } } };
            };
            expect(resolved.content['application/json'].schema.$ref).toBe(
              '#/components/schemas/Error',
            );
          }
        }
      }
    }
    expect([...statuses].sort()).toEqual(['400', '401', '403', '404', '413', '429', '500']);
    expect(doc.components.responses.RateLimited!.headers).toHaveProperty('Retry-After');
  });

  it('names every path parameter in its template', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      const inTemplate = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(item)) {
        const declared = (op.parameters ?? [])
          .filter((p) => p.in === 'path')
          .map((p) => p.name)
          .sort();
        expect(declared, `${method} ${path}`).toEqual(inTemplate);
      }
    }
  });
});
