/**
 * A deliberately non-conforming Context API backend, for testing the conformance checker.
 * Each break is one a real backend might ship; BROKEN_BACKEND_BREAKS lists them with the
 * check that must catch each.
 *
 * What it gets right (so those checks must pass): health, the 400s for 0 / 51 contacts and
 * engagementLimit 201.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const BROKEN_KNOWN_EMAIL = 'known@broken.example';
/** /v1/messaging answers this late, so a low `slowMs` catches it. */
export const BROKEN_MESSAGING_DELAY_MS = 300;

export const BROKEN_BACKEND_BREAKS = {
  'auth.missing_key': 'answers 200 without any key',
  'auth.wrong_key': 'answers 200 with any key',
  'lookup.shape': 'contact.updatedAt is a number; not_found results have no match',
  'lookup.order': 'results come back in reverse order',
  'lookup.not_found': 'not_found results have no match',
  'lookup.engagements': 'engagements come oldest first',
  'engagements.paging': 'each page after the first repeats the last engagement of the previous one',
  messaging: 'messaging entries lack statement',
  'errors.malformed_json': 'malformed JSON gets an HTML 500 page',
  'errors.unknown_route': 'unknown routes get a text/plain 404',
  'errors.no_html': 'see errors.malformed_json',
} as const;

const ENGAGEMENTS_OLDEST_FIRST = [1, 2, 3].map((n) => ({
  id: `b-e${n}`,
  type: 'email.opened',
  occurredAt: `2026-03-0${n}T10:00:00Z`,
  title: `Newsletter ${n}`,
}));

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function invalid(res: ServerResponse, message: string) {
  sendJson(res, 400, { error: { code: 'invalid_request', message } });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function lookupResult(ref: { email?: string }, limit: number) {
  if (ref.email?.toLowerCase() !== BROKEN_KNOWN_EMAIL) return { ref }; // no `match`
  return {
    ref,
    match: { status: 'matched' },
    contact: { id: 'b-1', email: BROKEN_KNOWN_EMAIL, updatedAt: 1767225600 }, // not a string
    engagements: ENGAGEMENTS_OLDEST_FIRST.slice(0, limit),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://broken.invalid');
  const route = `${req.method} ${url.pathname}`;

  if (route === 'GET /v1/health') {
    return sendJson(res, 200, {
      status: 'ok',
      apiVersion: '1',
      server: { name: 'broken-backend', version: '0.0.1' },
      features: ['engagements.paging', 'messaging'],
    });
  }

  if (route === 'POST /v1/lookup') {
    const text = await readBody(req);
    let body: { contacts?: Array<{ email?: string }>; engagementLimit?: number };
    try {
      body = JSON.parse(text) as typeof body;
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(
        `<!DOCTYPE html><html><body><h1>500 Internal Server Error</h1><pre>${String(error)}\n    at JSON.parse (<anonymous>)\n    at handle (broken-backend.ts:80:20)</pre></body></html>`,
      );
    }
    const contacts = body.contacts ?? [];
    if (contacts.length < 1 || contacts.length > 50) return invalid(res, 'contacts: 1..50');
    const limit = body.engagementLimit ?? 50;
    if (limit < 1 || limit > 200) return invalid(res, 'engagementLimit: 1..200');
    return sendJson(res, 200, {
      results: contacts.map((ref) => lookupResult(ref, limit)).reverse(),
    });
  }

  if (route === 'GET /v1/contacts/b-1/engagements') {
    const newestFirst = [...ENGAGEMENTS_OLDEST_FIRST].reverse();
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const offset = Number(url.searchParams.get('cursor') ?? 0);
    // Off by one: every page after the first starts with the previous page's last item.
    const start = Math.max(0, offset - 1);
    const next = offset + limit;
    return sendJson(res, 200, {
      engagements: newestFirst.slice(start, start + limit),
      nextCursor: next < newestFirst.length ? String(next) : null,
    });
  }

  if (route === 'GET /v1/messaging') {
    await new Promise((resolve) => setTimeout(resolve, BROKEN_MESSAGING_DELAY_MS));
    return sendJson(res, 200, {
      messaging: [{ id: 'm-1', theme: 'Speed', talkingPoints: ['Setup in a day'] }],
    });
  }

  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('Not Found');
}

export async function startBrokenBackend(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('crashed');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// Run directly (`npx tsx test/server/broken-backend.ts`) to try the checker by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startBrokenBackend();
  console.log(`Broken backend on ${url} (known contact: ${BROKEN_KNOWN_EMAIL})`);
}
