import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { DEMO_KEYS } from '../../server/demo-keys';
import { SqliteStore } from '../../server/store/sqlite';
import { checkedRoutes, CHECKS } from '../../utils/contract/conformance-checks';
import { routeLabel, routeList, routePath } from '../../utils/contract/routes';

const store = new SqliteStore(':memory:');
const app = createApp({ store, keys: DEMO_KEYS, demoPage: true });
afterAll(() => store.close());

const SAMPLE_PARAMS = { email: 'nobody@example.com', id: 'x', contactId: 'x' };

describe('the route table', () => {
  it('is what the server serves: every /v1 route comes from it, and nothing else', () => {
    const served = app.routes
      .filter((route) => route.path.startsWith('/v1/') && route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    expect([...new Set(served)].sort()).toEqual(routeList().map(routeLabel).sort());
  });

  it('guards each route with its scope: no key gets 401 where one is needed', async () => {
    for (const route of routeList()) {
      const response = await app.request(`/${routePath(route, SAMPLE_PARAMS)}`, {
        method: route.method.toUpperCase(),
      });
      expect(response.status, routeLabel(route)).toBe(route.scope === null ? 200 : 401);
    }
  });

  it('refuses a key below the route scope with 403', async () => {
    for (const route of routeList().filter((r) => r.scope === 'write' || r.scope === 'admin')) {
      const below = route.scope === 'admin' ? DEMO_KEYS.write : DEMO_KEYS.read;
      const response = await app.request(`/${routePath(route, SAMPLE_PARAMS)}`, {
        method: route.method.toUpperCase(),
        headers: { authorization: `Bearer ${below}` },
      });
      expect(response.status, routeLabel(route)).toBe(403);
    }
  });

  it('names every path parameter of its template', () => {
    for (const route of routeList()) {
      const inTemplate = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(Object.keys(route.pathParams ?? {}), routeLabel(route)).toEqual(inTemplate);
    }
  });

  it("is the README's endpoint list of the reference server", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Reference server'));
    const bullet = section.slice(
      section.indexOf('- **Endpoints:**'),
      section.indexOf('- **Logs:**'),
    );
    // "`POST`/`GET /v1/feedback`" lists two methods of one path.
    const listed: string[] = [];
    let pendingMethods: string[] = [];
    for (const [, span] of bullet.matchAll(/`([^`]+)`/g)) {
      if (/^[A-Z]+$/.test(span!)) {
        pendingMethods.push(span!);
        continue;
      }
      const match = /^([A-Z]+) (\/v1\/\S+)$/.exec(span!);
      if (match) {
        for (const method of [...pendingMethods, match[1]]) listed.push(`${method} ${match[2]}`);
      }
      pendingMethods = [];
    }
    expect(listed.sort()).toEqual(routeList().map(routeLabel).sort());
  });
});

describe('the conformance checks', () => {
  it('have unique ids and call only endpoints of the route table', () => {
    const ids = CHECKS.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(routeList().map((route) => route.id));
    expect(checkedRoutes().filter((id) => !known.has(id))).toEqual([]);
    expect(checkedRoutes()).toEqual(
      expect.arrayContaining(['getHealth', 'lookupContacts', 'listEngagements', 'listMessaging']),
    );
  });
});
