import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server that answers as Marketo's REST API documents it: OAuth token,
 * activity types, paging tokens, activities with nextPageToken/moreResult, leads by id,
 * programs; errors in a 200 body with `success: false`. Faults are queued per path.
 */

export interface FakeActivity {
  id: number;
  leadId: number;
  activityDate: string;
  activityTypeId: number;
  primaryAttributeValueId?: number;
  primaryAttributeValue?: string;
  attributes?: Array<{ name: string; value: unknown }>;
}

export interface FakeLead {
  id: number;
  email: string | null;
  firstName?: string;
  lastName?: string;
  title?: string;
  company?: string;
  leadScore?: number;
}

/** What to answer instead of the real thing, once. */
export type Fault =
  | { kind: 'code'; code: string; message?: string }
  | { kind: 'status'; status: number }
  | { kind: 'raw'; body: string }
  | { kind: 'json'; body: unknown }
  | { kind: 'hang' };

export const ACTIVITY_TYPES = [
  { id: 1, name: 'Visit Webpage' },
  { id: 2, name: 'Fill Out Form' },
  { id: 3, name: 'Click Link' },
  { id: 6, name: 'Send Email' },
  { id: 7, name: 'Email Delivered' },
  { id: 8, name: 'Email Bounced' },
  { id: 9, name: 'Unsubscribe Email' },
  { id: 10, name: 'Open Email' },
  { id: 11, name: 'Click Email' },
  { id: 12, name: 'New Lead' },
  { id: 22, name: 'Change Score' },
  { id: 24, name: 'Add to List' },
  { id: 46, name: 'Interesting Moment' },
  { id: 104, name: 'Change Status in Progression' },
].map((t) => ({
  ...t,
  description: t.name,
  primaryAttribute: { name: 'Name', dataType: 'string' },
  attributes: [],
}));

export interface FakeMarketo {
  url: string;
  activities: FakeActivity[];
  leads: Map<number, FakeLead>;
  programs: Array<{ id: number; name: string; type: string; status?: string }>;
  /** Faults by path, answered in order before the real answer. */
  faults: Map<string, Fault[]>;
  /** Every call, by path. */
  calls: string[];
  pageSize: number;
  /** Milliseconds each activities call takes. */
  delayMs: number;
  /** Tokens the server accepts; the test may expire them. */
  validTokens: Set<string>;
  clientSecret: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(text);
}

export async function startFakeMarketo(): Promise<FakeMarketo> {
  let tokenCounter = 0;
  const fake: FakeMarketo = {
    url: '',
    activities: [],
    leads: new Map(),
    programs: [],
    faults: new Map(),
    calls: [],
    pageSize: 300,
    delayMs: 0,
    validTokens: new Set(),
    clientSecret: 'secret',
    close: async () => {},
  };
  const ok = (result: Record<string, unknown>) => ({
    requestId: `r${fake.calls.length}`,
    success: true,
    ...result,
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    fake.calls.push(url.pathname);
    const queued = fake.faults.get(url.pathname);
    const fault = queued?.shift();
    if (fault) {
      if (fault.kind === 'hang') return; // never answers: the client's timeout decides
      if (fault.kind === 'status') return send(res, fault.status, '<html>upstream error</html>');
      if (fault.kind === 'raw') return send(res, 200, fault.body);
      if (fault.kind === 'json') return send(res, 200, fault.body);
      return send(res, 200, {
        requestId: 'e',
        success: false,
        errors: [{ code: fault.code, message: fault.message ?? `error ${fault.code}` }],
      });
    }
    if (url.pathname === '/identity/oauth/token') {
      if (url.searchParams.get('client_secret') !== fake.clientSecret) {
        return send(res, 401, {
          error: 'invalid_client',
          error_description: 'Bad client credentials',
        });
      }
      const token = `tok-${++tokenCounter}`;
      fake.validTokens.add(token);
      return send(res, 200, {
        access_token: token,
        token_type: 'bearer',
        expires_in: 3599,
        scope: 'api@x',
      });
    }
    const bearer = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!fake.validTokens.has(bearer)) {
      return send(res, 200, {
        requestId: 'e',
        success: false,
        errors: [{ code: '601', message: 'Access token invalid' }],
      });
    }
    if (url.pathname === '/rest/v1/activities/types.json')
      return send(res, 200, ok({ result: ACTIVITY_TYPES }));
    if (url.pathname === '/rest/v1/activities/pagingtoken.json') {
      const since = Date.parse(url.searchParams.get('sinceDatetime') ?? '');
      const offset = fake.activities.filter((a) => Date.parse(a.activityDate) < since).length;
      return send(res, 200, ok({ nextPageToken: `P${offset}` }));
    }
    if (url.pathname === '/rest/v1/activities.json') {
      if (fake.delayMs > 0) await new Promise((r) => setTimeout(r, fake.delayMs));
      const ids = (url.searchParams.get('activityTypeIds') ?? '').split(',').map(Number);
      if (ids.length > 10) {
        return send(res, 200, {
          requestId: 'e',
          success: false,
          errors: [{ code: '1003', message: 'Too many activity type ids' }],
        });
      }
      const offset = Number((url.searchParams.get('nextPageToken') ?? 'P0').slice(1));
      // As Marketo does: scan pageSize activities of every type, return those asked for.
      const scanned = fake.activities.slice(offset, offset + fake.pageSize);
      const end = offset + scanned.length;
      const result = scanned.filter((a) => ids.includes(a.activityTypeId));
      return send(res, 200, {
        ...ok({}),
        nextPageToken: `P${end}`,
        moreResult: end < fake.activities.length,
        ...(result.length > 0 ? { result } : {}),
      });
    }
    if (url.pathname === '/rest/v1/leads.json') {
      const ids = (url.searchParams.get('filterValues') ?? '').split(',').map(Number);
      if (ids.length > 300) {
        return send(res, 200, {
          requestId: 'e',
          success: false,
          errors: [{ code: '1003', message: 'Too many filter values' }],
        });
      }
      const result = ids.flatMap((id) => {
        const lead = fake.leads.get(id);
        return lead ? [lead] : [];
      });
      return send(res, 200, ok({ result }));
    }
    if (url.pathname === '/rest/asset/v1/programs.json') {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const max = Number(url.searchParams.get('maxReturn') ?? 20);
      const result = fake.programs.slice(offset, offset + max);
      if (result.length === 0) {
        return send(res, 200, {
          ...ok({}),
          warnings: ['No assets found for the given search criteria.'],
        });
      }
      return send(res, 200, ok({ result }));
    }
    send(res, 404, { error: 'not found' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

/** `count` activities over `leads` leads, one a minute from `start`, a mix of types. */
export function makeActivities(
  count: number,
  leads: number,
  start = Date.parse('2026-01-05T09:00:00Z'),
) {
  const typeIds = [1, 2, 6, 7, 10, 11, 22, 46, 104, 12];
  const activities: FakeActivity[] = [];
  for (let i = 0; i < count; i++) {
    const typeId = typeIds[i % typeIds.length]!;
    const activity: FakeActivity = {
      id: 1000 + i,
      leadId: 1 + (i % leads),
      activityDate: new Date(start + i * 60_000).toISOString().replace('.000Z', 'Z'),
      activityTypeId: typeId,
      primaryAttributeValueId: typeId === 104 ? 7 : 500 + (i % 3),
      primaryAttributeValue: typeId === 104 ? 'Q1 Webinar' : `Asset ${i % 3}`,
      attributes: [],
    };
    if (typeId === 1)
      activity.attributes = [{ name: 'Webpage URL', value: 'https://example.com/pricing' }];
    if (typeId === 11) {
      activity.attributes = [
        { name: 'Link', value: 'https://example.com/guide' },
        { name: 'User Agent', value: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36' },
      ];
    }
    if (typeId === 10 && i % 20 === 4) {
      activity.attributes = [
        { name: 'User Agent', value: 'Mozilla/5.0 (via ggpht.com GoogleImageProxy)' },
      ];
    }
    if (typeId === 46) activity.attributes = [{ name: 'Description', value: 'Asked for pricing' }];
    if (typeId === 22)
      activity.attributes = [
        { name: 'Change Value', value: '+10' },
        { name: 'New Value', value: 40 },
      ];
    if (typeId === 104) activity.attributes = [{ name: 'New Status', value: 'Registered' }];
    activities.push(activity);
  }
  const leadMap = new Map<number, FakeLead>();
  for (let id = 1; id <= leads; id++) {
    leadMap.set(id, {
      id,
      email: `lead${id}@example.com`,
      firstName: 'Lead',
      lastName: String(id),
      title: 'VP Marketing',
      company: 'Example Corp',
      leadScore: 30 + id,
    });
  }
  return { activities, leads: leadMap };
}
