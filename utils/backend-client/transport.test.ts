import { describe, expect, it } from 'vitest';
import { backendUrl, createBackendTransport, parseRetryAfter } from './transport';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-01T10:00:00Z');

  it('reads seconds and HTTP dates as ms', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 10:00:30 GMT', now)).toBe(30_000);
  });

  it('never answers a negative wait, and nothing for a missing or unreadable header', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 09:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('-5', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('backendUrl', () => {
  it('keeps the base path, with or without its trailing slash', () => {
    expect(backendUrl('https://ctx.example/api', 'v1/health').href).toBe(
      'https://ctx.example/api/v1/health',
    );
    expect(backendUrl('https://ctx.example/api/', 'v1/lookup').href).toBe(
      'https://ctx.example/api/v1/lookup',
    );
  });
});

describe('createBackendTransport', () => {
  const backend = { name: 'Acme', baseUrl: 'https://ctx.example', apiKey: 'k1' };
  const answering = (body: string, init: ResponseInit = {}) => {
    const seen: Request[] = [];
    const fetch = async (input: RequestInfo | URL, init2?: RequestInit) => {
      seen.push(new Request(input, init2));
      return new Response(body, init);
    };
    return { seen, transport: createBackendTransport({ fetch, retries: 0 }) };
  };

  it('sends the key and parses the answer with the schema', async () => {
    const { seen, transport } = answering(JSON.stringify({ status: 'ok', apiVersion: '1.0' }));
    const answer = await transport.health(backend);
    expect(answer).toMatchObject({ status: 200, data: { apiVersion: '1.0' } });
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer k1');
  });

  it('turns a refused key into unauthorized, with the backend’s own words', async () => {
    const body = JSON.stringify({ error: { code: 'unauthorized', message: 'unknown key' } });
    const { transport } = answering(body, { status: 401 });
    const answer = await transport.health(backend);
    expect(answer).toMatchObject({ status: 401, failure: { state: 'unauthorized' } });
    if ('failure' in answer)
      expect(answer.failure.message).toMatch(
        /^Acme refused the API key \(HTTP 401\)\. Check the key.*It said: "unknown key"$/,
      );
  });

  it('reports the wait a rate limit asks for', async () => {
    const { transport } = answering('{}', { status: 429, headers: { 'retry-after': '60' } });
    const answer = await transport.health(backend);
    expect(answer).toMatchObject({ status: 429, retryAfterMs: 60_000 });
    if ('failure' in answer) expect(answer.failure.message).toMatch(/in 60 s/);
  });

  it('names a URL being tested by its origin, and says when the answer is not JSON', async () => {
    const { transport } = answering('<!doctype html><p>Sign in</p>');
    const answer = await transport.health({ baseUrl: 'https://portal.example', apiKey: 'k' });
    expect(answer).toMatchObject({ failure: { state: 'not_context_api' } });
    if ('failure' in answer) {
      expect(answer.failure.message).toMatch(
        /^https:\/\/portal\.example\/v1\/health did not answer with JSON/,
      );
    }
  });
});
