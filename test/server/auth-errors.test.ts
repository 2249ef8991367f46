import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, HealthResponse } from '../../utils/contract/schemas';
import { makeEvent, startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ bodyLimitBytes: 4096 });
});
afterAll(() => server.dispose());

function expectError(response: { status: number; body: unknown }, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = ErrorBody.parse(response.body);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at /);
  return body;
}

describe('health', () => {
  it('says little without a key and everything with one', async () => {
    const anonymous = await server.call('GET', '/v1/health', { key: null });
    expect(anonymous.body).toEqual({ status: 'ok', apiVersion: '1' });
    const withKey = await server.call('GET', '/v1/health', { key: 'read' });
    const health = HealthResponse.parse(withKey.body);
    expect(health.server?.name).toBe('touchpoint-reference-server');
    expect(health.features).toEqual(
      expect.arrayContaining(['emailSha256', 'engagements.paging', 'ingest', 'segment', 'erasure']),
    );
  });

  it('serves the OpenAPI document without a key', async () => {
    const response = await server.call('GET', '/v1/openapi.json', { key: null });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ openapi: expect.stringMatching(/^3\./) });
  });
});

describe('scopes', () => {
  it('answers 401 without a key or with an unknown one', async () => {
    const missing = await server.call('POST', '/v1/lookup', {
      key: null,
      json: { contacts: [{ email: 'a@b.example' }] },
    });
    expect(expectError(missing, 401, 'unauthorized').error.message).toMatch(/Bearer/);
    const response = await fetch(`${server.url}/v1/lookup`, {
      method: 'POST',
      headers: { authorization: 'Bearer not-a-key', 'content-type': 'application/json' },
      body: '{}',
    });
    expectError({ status: response.status, body: await response.json() }, 401, 'unauthorized');
  });

  it('answers 403 to a read key on write routes and to a write key on delete', async () => {
    const events = await server.call('POST', '/v1/events', {
      key: 'read',
      json: { events: [makeEvent()] },
    });
    expectError(events, 403, 'forbidden');
    const upsert = await server.call('PUT', '/v1/assets/a1', {
      key: 'read',
      json: { title: 'x' },
    });
    expectError(upsert, 403, 'forbidden');
    const erase = await server.call('DELETE', '/v1/contacts/jane%40acme.example', {
      key: 'write',
    });
    expect(expectError(erase, 403, 'forbidden').error.message).toMatch(/needs an admin key/);
  });

  it('lets write and admin keys read, and admin delete', async () => {
    for (const key of ['write', 'admin'] as const) {
      const response = await server.call('GET', '/v1/messaging', { key });
      expect(response.status).toBe(200);
    }
    await server.call('POST', '/v1/events', {
      key: 'write',
      json: { events: [makeEvent({ contact: { email: 'gone@acme.example' } })] },
    });
    const erase = await server.call('DELETE', '/v1/contacts/gone%40acme.example', {
      key: 'admin',
    });
    expect(erase.status).toBe(204);
    const again = await server.call('DELETE', '/v1/contacts/gone%40acme.example', {
      key: 'admin',
    });
    expectError(again, 404, 'not_found');
  });
});

describe('bad requests', () => {
  it('answers 413 payload_too_large over the body limit, and keeps serving', async () => {
    const big = await server.call('POST', '/v1/events', {
      key: 'write',
      body: JSON.stringify({ events: [makeEvent({ title: 'x'.repeat(5000) })] }),
    });
    expectError(big, 413, 'payload_too_large');
    const after = await server.call('GET', '/v1/health', { key: null });
    expect(after.status).toBe(200);
  });

  it('answers 413 for a chunked body without Content-Length', async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i += 1) controller.enqueue(new Uint8Array(1000).fill(32));
        controller.close();
      },
    });
    const response = await fetch(`${server.url}/v1/events`, {
      method: 'POST',
      headers: { authorization: 'Bearer tp_demo_write_key', 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expectError({ status: response.status, body: await response.json() }, 413, 'payload_too_large');
  });

  it('checks the key before reading a body: no key and a big body is a 401', async () => {
    const response = await server.call('POST', '/v1/events', {
      key: null,
      body: JSON.stringify({ events: [makeEvent({ title: 'x'.repeat(5000) })] }),
    });
    expectError(response, 401, 'unauthorized');
  });

  it('answers 400 invalid_request for malformed JSON and an empty body', async () => {
    const malformed = await server.call('POST', '/v1/events', {
      key: 'write',
      body: '{"events": [',
    });
    expect(expectError(malformed, 400, 'invalid_request').error.message).toMatch(/not valid JSON/);
    const empty = await server.call('POST', '/v1/lookup', { key: 'read', body: '' });
    expectError(empty, 400, 'invalid_request');
  });

  it('answers 400 with details naming each invalid path', async () => {
    const response = await server.call('POST', '/v1/lookup', {
      key: 'read',
      json: { contacts: [{}], engagementLimit: 500 },
    });
    const body = expectError(response, 400, 'invalid_request');
    const paths = (body.error.details as Array<{ path: string }>).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['contacts[0]', 'engagementLimit']));
  });

  it('answers unknown routes and methods with a JSON 404', async () => {
    const response = await server.call('GET', '/v1/nothing-here', { key: 'read' });
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expectError(response, 404, 'not_found');
  });
});

describe('rate limit', () => {
  it('answers 429 rate_limited with Retry-After once a key spends its allowance', async () => {
    const limited = await startTestServer({ rateLimitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 4; i += 1) {
        last = await limited.call('GET', '/v1/messaging', { key: 'read' });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expectError(last!, 429, 'rate_limited');
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // Buckets are per key: another key still gets through.
      const other = await limited.call('GET', '/v1/messaging', { key: 'write' });
      expect(other.status).toBe(200);
    } finally {
      await limited.dispose();
    }
  });
});
