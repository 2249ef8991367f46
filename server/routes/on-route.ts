/**
 * Binds a handler to an entry of the Context API's route table: the entry's method, path and
 * scope guard, and its body and query schemas for validation. Route files use it and nothing
 * else to declare an endpoint, so an endpoint's shape lives only in `utils/contract/routes.ts`.
 */
import type { Context, Handler, Hono } from 'hono';
import type { z } from 'zod';
import type { BodySpec, QuerySpec, RouteSpec } from '../../utils/contract/routes';
import { parseOrThrow } from '../api-error';
import { readJsonBody, type AppEnv, type ScopeGuard } from '../middleware';
import type { Store } from '../store/types';

export interface RouteDeps {
  store: Store;
  guard: ScopeGuard;
}

/** `/v1/contacts/{email}` → `/v1/contacts/:email`. */
function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

export function onRoute(
  app: Hono<AppEnv>,
  route: RouteSpec,
  guard: ScopeGuard,
  handler: Handler<AppEnv>,
): void {
  const method = route.method.toUpperCase();
  const path = honoPath(route.path);
  if (route.scope === null) app.on(method, path, handler);
  else app.on(method, path, guard(route.scope), handler);
}

/**
 * The body, validated by the route's schema (400 naming the bad paths). `prepare` adjusts
 * the raw JSON first, e.g. to take a missing id from the path.
 */
export async function readBody<B extends BodySpec>(
  c: Context<AppEnv>,
  route: { body: B },
  prepare: (raw: unknown) => unknown = (raw) => raw,
): Promise<z.output<B['schema']>> {
  const raw = await readJsonBody(c, route.body.optional ? { emptyAs: {} } : {});
  return parseOrThrow(route.body.schema, prepare(raw), route.body.name) as z.output<B['schema']>;
}

/** The query string, validated by the route's schema. */
export function readQuery<Q extends QuerySpec>(
  c: Context<AppEnv>,
  route: { query: Q },
): z.output<Q['schema']> {
  return parseOrThrow(route.query.schema, c.req.query(), 'query') as z.output<Q['schema']>;
}

/** A path parameter; the route matched its template, so it is there. */
export function pathParam(c: Context<AppEnv>, name: string): string {
  return c.req.param(name) ?? '';
}
