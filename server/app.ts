/**
 * The reference server as one Hono app: the middleware of `./middleware.ts` in front of the
 * route files' sub-apps, each endpoint bound to its entry of the Context API's route table.
 */
import { Hono } from 'hono';
import { DEFAULT_BODY_LIMIT_BYTES } from '../utils/contract/limits';
import { KeyRing, type KeysConfig } from './auth';
import {
  errorHandler,
  notFound,
  requestLog,
  scopeGuard,
  type AppEnv,
  type LogSink,
} from './middleware';
import { RateLimiter } from './rate-limit';
import { demoPage } from './routes/demo-page';
import { feedbackRoutes } from './routes/feedback-routes';
import { readRoutes } from './routes/read-routes';
import { serviceRoutes } from './routes/service-routes';
import { writeRoutes } from './routes/write-routes';
import type { Store } from './store/types';

export type { LogEntry, LogSink } from './middleware';

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 6000;
/**
 * Feedback posts per minute per key, on top of the general limit: reps' read keys may write
 * feedback, which is append-only, so one leaked or looping key must not fill the store.
 */
const DEFAULT_FEEDBACK_RATE_LIMIT_PER_MINUTE = 600;

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

export function createApp(options: AppOptions): Hono<AppEnv> {
  const { store } = options;
  const log = options.log ?? (() => {});
  const guard = scopeGuard(
    new RateLimiter(options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE),
    options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
  );
  const feedbackLimiter = new RateLimiter(
    options.feedbackRateLimitPerMinute ?? DEFAULT_FEEDBACK_RATE_LIMIT_PER_MINUTE,
  );

  const app = new Hono<AppEnv>();
  app.onError(errorHandler(log));
  app.notFound(notFound);
  app.use('*', requestLog(new KeyRing(options.keys), log));
  app.route('/', serviceRoutes({ guard, version: options.version ?? '0.0.0' }));
  app.route('/', readRoutes({ store, guard }));
  app.route('/', writeRoutes({ store, guard }));
  app.route('/', feedbackRoutes({ store, guard, feedbackLimiter }));
  if (options.demoPage) app.route('/', demoPage({ store }));
  return app;
}
