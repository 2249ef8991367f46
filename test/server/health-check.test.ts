import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../server/demo-keys';
import { checkHealth } from '../../utils/backend-client/health';
import { startTestServer, type TestServer } from './harness';

/** The extension's connection check against the real reference server and broken backends. */

let server: TestServer;
let fake: Server;
let fakeUrl: string;
/** Routes of the fake backend: path → [status, content type, body]; `hang` never answers. */
const fakeRoutes = new Map<string, [number, string, string] | 'hang'>();

beforeAll(async () => {
  server = await startTestServer();
  fake = createServer((request, response) => {
    const route = fakeRoutes.get(request.url ?? '');
    if (route === 'hang') return;
    const [status, type, body] = route ?? [404, 'text/html', '<h1>Not found</h1>'];
    response.writeHead(status, { 'content-type': type }).end(body);
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server.dispose();
  fake.closeAllConnections();
  await new Promise((resolve) => fake.close(resolve));
});

describe('checkHealth', () => {
  it('reports the server name, version, features and round trip with a good key', async () => {
    const status = await checkHealth(server.url, DEMO_KEYS.read);
    expect(status).toMatchObject({
      kind: 'ok',
      serverName: 'touchpoint-reference-server',
      apiVersion: '1',
      features: expect.arrayContaining(['emailSha256', 'messaging']),
    });
    if (status.kind === 'ok') expect(status.roundTripMs).toBeGreaterThanOrEqual(0);
  });

  it('accepts a base URL with a trailing slash', async () => {
    expect((await checkHealth(`${server.url}/`, DEMO_KEYS.read)).kind).toBe('ok');
  });

  it('says the key was refused, although health answers without a key', async () => {
    const status = await checkHealth(server.url, 'not-the-right-key');
    expect(status).toMatchObject({ kind: 'unauthorized' });
    if (status.kind !== 'ok') expect(status.message).toMatch(/refused the API key.*HTTP 401/);
  });

  it('says it cannot connect to a closed port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const status = await checkHealth(`http://127.0.0.1:${port}`, DEMO_KEYS.read);
    expect(status).toMatchObject({ kind: 'unreachable' });
    if (status.kind !== 'ok')
      expect(status.message).toContain(`Cannot connect to http://127.0.0.1:${port}`);
  });

  it('says the connection was refused, and which origin', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const status = await checkHealth(`http://127.0.0.1:${port}`, 'k');
    if (status.kind === 'ok') throw new Error('a closed port answered');
    expect(status.message).toMatch(/connection was refused.*Is the server running/);
  });

  it('says a host name does not resolve (DNS), naming the host', async () => {
    // RFC 6761: `.invalid` never resolves.
    const status = await checkHealth('https://touchpoint-test.invalid', 'k');
    expect(status).toMatchObject({ kind: 'unreachable' });
    if (status.kind !== 'ok')
      expect(status.message).toMatch(/^Cannot resolve touchpoint-test\.invalid/);
  });

  it('says TLS/certificate error when the fetch failure is a certificate one', async () => {
    // The shape Node's fetch (undici) rejects with for a self-signed certificate.
    const cause = Object.assign(new Error('self-signed certificate'), {
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    const tlsFetch: typeof fetch = () => Promise.reject(new TypeError('fetch failed', { cause }));
    const status = await checkHealth('https://context.acme.example', 'k', { fetch: tlsFetch });
    expect(status).toMatchObject({ kind: 'unreachable' });
    if (status.kind !== 'ok') {
      expect(status.message).toMatch(
        /^TLS\/certificate error connecting to https:\/\/context\.acme\.example \(self-signed certificate\)/,
      );
    }
  });

  it('lists what to check when the browser gives no reason ("Failed to fetch")', async () => {
    const opaque: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const status = await checkHealth('https://context.acme.example', 'k', { fetch: opaque });
    expect(status).toMatchObject({ kind: 'unreachable' });
    if (status.kind !== 'ok') {
      expect(status.message).toContain(
        'Cannot connect to https://context.acme.example (Failed to fetch)',
      );
      expect(status.message).toContain('certificate');
    }
  });

  it('says a wrong base path is not a Context API (404)', async () => {
    const status = await checkHealth(`${server.url}/api`, DEMO_KEYS.read);
    expect(status).toMatchObject({ kind: 'not_context_api' });
    if (status.kind !== 'ok') expect(status.message).toMatch(/HTTP 404.*base URL/);
  });

  it('says an HTML page is not a Context API', async () => {
    fakeRoutes.set('/html/v1/health', [200, 'text/html', '<!doctype html><title>Login</title>']);
    const status = await checkHealth(`${fakeUrl}/html`, 'k');
    expect(status).toMatchObject({ kind: 'not_context_api' });
    if (status.kind !== 'ok')
      expect(status.message).toContain('did not answer with JSON (it starts with "<!doctype html>');
  });

  it('names the field when the JSON is not a Context API health answer', async () => {
    fakeRoutes.set('/json/v1/health', [200, 'application/json', '{"status":"ok","apiVersion":1}']);
    const status = await checkHealth(`${fakeUrl}/json`, 'k');
    expect(status).toMatchObject({ kind: 'not_context_api' });
    if (status.kind !== 'ok') expect(status.message).toContain('apiVersion:');
  });

  it('names the field when the probe lookup answers the wrong shape', async () => {
    fakeRoutes.set('/shape/v1/health', [
      200,
      'application/json',
      '{"status":"ok","apiVersion":"1"}',
    ]);
    fakeRoutes.set('/shape/v1/lookup', [200, 'application/json', '{"results":[{"ref":{}}]}']);
    const status = await checkHealth(`${fakeUrl}/shape`, 'k');
    expect(status).toMatchObject({ kind: 'not_context_api' });
    if (status.kind !== 'ok') expect(status.message).toContain('results[0].match');
  });

  it('reports a backend error with its status', async () => {
    fakeRoutes.set('/boom/v1/health', [503, 'application/json', '{}']);
    const status = await checkHealth(`${fakeUrl}/boom`, 'k');
    expect(status).toMatchObject({ kind: 'server_error' });
    if (status.kind !== 'ok') expect(status.message).toContain('HTTP 503');
  });

  it('refuses to send the key over plain http to a non-loopback host, or to a non-URL', async () => {
    const insecure = await checkHealth('http://context.example.com', DEMO_KEYS.read);
    expect(insecure).toMatchObject({ kind: 'bad_url' });
    if (insecure.kind !== 'ok') expect(insecure.message).toMatch(/plain http.*Use https/);
    const notUrl = await checkHealth('context.example.com', DEMO_KEYS.read);
    expect(notUrl).toMatchObject({ kind: 'bad_url' });
    if (notUrl.kind !== 'ok') expect(notUrl.message).toContain('is not a URL');
    expect(await checkHealth('ftp://context.example.com', 'k')).toMatchObject({ kind: 'bad_url' });
  });

  it('refuses plain http on loopback hosts the extension cannot be granted', async () => {
    // The manifest grants http only for localhost and 127.0.0.1.
    for (const baseUrl of ['http://127.0.0.2:8787', 'http://[::1]:8787']) {
      const status = await checkHealth(baseUrl, DEMO_KEYS.read);
      expect(status).toMatchObject({ kind: 'bad_url' });
      if (status.kind !== 'ok')
        expect(status.message).toMatch(/localhost or http:\/\/127\.0\.0\.1/);
    }
  });

  it('times out instead of hanging', async () => {
    fakeRoutes.set('/slow/v1/health', 'hang');
    const status = await checkHealth(`${fakeUrl}/slow`, 'k', { timeoutMs: 300 });
    expect(status).toMatchObject({ kind: 'timeout' });
  });
});
