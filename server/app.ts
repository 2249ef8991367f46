import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HealthResponse } from '../utils/contract/schemas';
import { ApiError } from './api-error';
import { KeyRing, scopeAllows, type KeyGrant, type KeysConfig, type Scope } from './auth';
import { RateLimiter } from './rate-limit';
import { registerReadRoutes } from './routes/read-routes';
import { registerWriteRoutes } from './routes/write-routes';
import { registerFeedbackRoutes } from './routes/feedback-routes';
import { registerDemoPage } from './routes/demo-page';
import { buildOpenApiDocument } from '../utils/contract/openapi';
import type { Store } from './store/types';

export const SERVER_NAME = 'touchpoint-reference-server';
export const API_VERSION = '1';
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 6000;
/**
 * Feedback posts per minute per key, on top of the general limit: reps' read keys may write
 * feedback, which is append-only, so one leaked or looping key must not fill the store.
 */
export const DEFAULT_FEEDBACK_RATE_LIMIT_PER_MINUTE = 600;

/** Optional abilities this server announces in `GET /v1/health`. */
export const FEATURES = [
  'emailSha256',
  'engagements.paging',
  'messaging',
  'ingest',
  'segment',
  'erasure',
  'crm.lookup',
  'feedback',
] as const;

export type LogEntry = Record<string, unknown>;
export type LogSink = (entry: LogEntry) => void;

export interface AppOptions {
  store: Store;
  keys: KeysConfig;
  version?: string;
  rateLimitPerMinute?: number;
  /** `POST /v1/feedback` per minute per key (default DEFAULT_FEEDBACK_RATE_LIMIT_PER_MINUTE). */
  feedbackRateLimitPerMinute?: number;
  bodyLimitBytes?: number;
  log?: LogSink;
  /**
   * Serve `GET /demo`, which lists contacts without a key. Only for demo setups (demo keys
   * or demo data): on a real deployment it would show real people to anyone.
   */
  demoPage?: boolean;
}

export interface AppEnv {
  Variables: { grant: KeyGrant | null };
}

/** Reads the request body as JSON, or throws a 400 that says what is wrong with it. */
export async function readJsonBody(
  c: Context<AppEnv>,
  options: { emptyAs?: unknown } = {},
): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') {
    if (options.emptyAs !== undefined) return options.emptyAs;
    throw new ApiError(
      'invalid_request',
      'The request body is empty; send a JSON object with Content-Type: application/json.',
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError(
      'invalid_request',
      `The request body is not valid JSON (${error instanceof Error ? error.message : 'parse error'}). Send a JSON object.`,
    );
  }
}

/** Paths with emails in them are logged without the email. */
function redactPath(path: string): string {
  return path
    .split('/')
    .map((part) => (decodeURIComponentSafe(part).includes('@') ? '<email>' : part))
    .join('/');
}

function decodeURIComponentSafe(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function createApp(options: AppOptions): Hono<AppEnv> {
  const { store } = options;
  const log = options.log ?? (() => {});
  const keyRing = new KeyRing(options.keys);
  const limiter = new RateLimiter(options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE);
  const maxBodyBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const version = options.version ?? '0.0.0';
  const app = new Hono<AppEnv>();

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json(error.toBody(), error.status);
    }
    // The client gets a generic message; the log gets the detail.
    log({
      level: 'error',
      msg: 'unhandled error',
      method: c.req.method,
      path: redactPath(c.req.path),
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return c.json(
      new ApiError(
        'internal',
        'The server failed to handle this request; it has been logged.',
      ).toBody(),
      500,
    );
  });

  app.notFound((c) =>
    c.json(
      new ApiError(
        'not_found',
        `No route ${c.req.method} ${c.req.path}. See GET /v1/openapi.json for the endpoints.`,
      ).toBody(),
      404,
    ),
  );

  // One structured line per request; the key appears only as scope + short hash.
  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('grant', keyRing.resolve(c.req.header('authorization')));
    // Set before the handler: a header added to a finished response makes @hono/node-server
    // rebuild it through the slow stream path (~30% fewer lookups/s, npm run bench:server).
    c.header('X-Content-Type-Options', 'nosniff');
    await next();
    log({
      level: c.res.status >= 500 ? 'error' : 'info',
      time: new Date().toISOString(),
      method: c.req.method,
      path: redactPath(c.req.path),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      key: c.get('grant')?.keyId ?? null,
    });
  });

  const limitBody = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw new ApiError(
        'payload_too_large',
        `The request body is larger than ${maxBodyBytes} bytes. Send fewer items per request.`,
        undefined,
        // The unread rest of the body makes the connection unusable for another request.
        { Connection: 'close' },
      );
    },
  });

  const requireScope =
    (scope: Scope): MiddlewareHandler<AppEnv> =>
    async (c, next) => {
      const grant = c.get('grant');
      if (!grant) {
        throw new ApiError(
          'unauthorized',
          c.req.header('authorization')
            ? 'The API key is not valid. Check the key in the extension options or TOUCHPOINT_KEYS.'
            : 'Missing API key. Send it as "Authorization: Bearer <key>".',
        );
      }
      if (!scopeAllows(grant.scope, scope)) {
        throw new ApiError(
          'forbidden',
          `This ${grant.scope} key cannot ${c.req.method} ${c.req.path}: it needs ${scope === 'admin' ? 'an admin' : `a ${scope}`} key (admin can do everything write can, write everything read can).`,
        );
      }
      const retryAfter = limiter.take(grant.keyId);
      if (retryAfter > 0) {
        throw new ApiError(
          'rate_limited',
          `Too many requests for this key; retry in ${retryAfter} s.`,
          undefined,
          { 'Retry-After': String(retryAfter) },
        );
      }
      // Bodies are read only for a valid key: an anonymous client cannot make us buffer one.
      await limitBody(c, next);
    };

  app.get('/v1/health', (c) => {
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
  app.get('/v1/openapi.json', (c) => c.json((openApiDocument ??= buildOpenApiDocument())));

  registerReadRoutes(app, { store, requireScope });
  registerWriteRoutes(app, { store, requireScope });
  registerFeedbackRoutes(app, {
    store,
    requireScope,
    feedbackLimiter: new RateLimiter(
      options.feedbackRateLimitPerMinute ?? DEFAULT_FEEDBACK_RATE_LIMIT_PER_MINUTE,
    ),
  });
  if (options.demoPage) registerDemoPage(app, { store });
  return app;
}

export type ScopeGuard = (scope: Scope) => MiddlewareHandler<AppEnv>;
export interface RouteDeps {
  store: Store;
  requireScope: ScopeGuard;
}
