import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../server/demo-keys';
import { makeEvent, startTestServer, type TestServer } from './harness';

let server: TestServer;
const logged: Array<Record<string, unknown>> = [];
beforeAll(async () => {
  server = await startTestServer({ log: (entry) => logged.push(entry) });
});
afterAll(() => server.dispose());

describe('request log', () => {
  it('writes one structured line per request, with a key id but never the key', async () => {
    logged.length = 0;
    await server.call('POST', '/v1/events', {
      key: 'write',
      json: { events: [makeEvent({ contact: { email: 'log@acme.example' } })] },
    });
    await server.call('DELETE', '/v1/contacts/log%40acme.example', { key: 'admin' });
    await server.call('GET', '/v1/health', { key: null });
    expect(logged).toHaveLength(3);
    expect(logged[0]).toMatchObject({
      method: 'POST',
      path: '/v1/events',
      status: 200,
      ms: expect.any(Number),
      key: expect.stringMatching(/^write:[0-9a-f]{8}$/),
    });
    // The email in the path is personal data: the log shows where it was, not what it was.
    expect(logged[1]).toMatchObject({ path: '/v1/contacts/<email>', status: 204 });
    expect(logged[2]).toMatchObject({ key: null, status: 200 });
    const text = JSON.stringify(logged);
    for (const key of Object.values(DEMO_KEYS)) expect(text).not.toContain(key);
    expect(text).not.toMatch(/authorization|log@acme/i);
  });
});

describe('GET /demo', () => {
  it('lists the busiest contacts as escaped mailto links, without a key', async () => {
    await server.call('POST', '/v1/events', {
      key: 'write',
      json: {
        events: [
          makeEvent({ contact: { email: 'busy@acme.example', name: '<script>alert(1)</script>' } }),
          makeEvent({ contact: { email: 'busy@acme.example' } }),
          makeEvent({ contact: { email: 'quiet@acme.example', name: 'Quiet' } }),
        ],
      },
    });
    const response = await fetch(`${server.url}/demo`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await response.text();
    expect(html).toContain('href="mailto:busy@acme.example"');
    expect(html).toContain('href="mailto:quiet@acme.example"');
    expect(html.indexOf('busy@acme.example')).toBeLessThan(html.indexOf('quiet@acme.example'));
    // The open message is from the busiest contact, with the next one in Cc (two people to
    // switch between in the sidebar).
    expect(html).toMatch(/<p class="from">From: <a href="mailto:busy@acme\.example">/);
    expect(html).toMatch(/<p class="cc">Cc: <a href="mailto:quiet@acme\.example">Quiet<\/a>/);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is not served by a server with real keys and no demo data', async () => {
    const real = await startTestServer({
      keys: { read: 'real-read-key-1', admin: 'real-admin-key-1' },
    });
    try {
      const response = await fetch(`${real.url}/demo`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    } finally {
      await real.dispose();
    }
  });
});
