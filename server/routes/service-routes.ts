import { Hono } from 'hono';
import { buildOpenApiDocument } from '../../utils/contract/openapi';
import { ROUTES } from '../../utils/contract/routes';
import type { HealthResponse } from '../../utils/contract/schemas';
import type { AppEnv, ScopeGuard } from '../middleware';
import { onRoute } from './on-route';

const SERVER_NAME = 'touchpoint-reference-server';
const API_VERSION = '1';

/** Optional abilities this server announces in `GET /v1/health`. */
const FEATURES = [
  'emailSha256',
  'engagements.paging',
  'messaging',
  'ingest',
  'segment',
  'erasure',
  'crm.lookup',
  'feedback',
] as const;

/** Health and the OpenAPI document: served without a key. */
export function serviceRoutes({ guard, version }: { guard: ScopeGuard; version: string }) {
  const app = new Hono<AppEnv>();

  onRoute(app, ROUTES.getHealth, guard, (c) => {
    const body: HealthResponse = c.get('grant')
      ? {
          status: 'ok',
          apiVersion: API_VERSION,
          server: { name: SERVER_NAME, version },
          features: [...FEATURES],
        }
      : { status: 'ok', apiVersion: API_VERSION };
    return c.json(body);
  });

  let openApiDocument: Record<string, unknown> | undefined;
  onRoute(app, ROUTES.getOpenApiDocument, guard, (c) =>
    c.json((openApiDocument ??= buildOpenApiDocument())),
  );
  return app;
}
