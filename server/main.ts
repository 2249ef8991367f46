import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, type LogSink } from './app';
import { isLoopbackHost } from '../utils/contract/backend-url';
import type { KeysConfig } from './auth';
import { DEMO_KEYS } from './demo-keys';
import { loadDataset } from './load-dataset';
import { buildDemoDataset } from './seed/demo';
import { openStore } from './store/open';
import type { Store } from './store/types';

export { createApp } from './app';
export { loadDataset } from './load-dataset';
export { SqliteStore } from './store/sqlite';
export { openStore } from './store/open';
export type { KeysConfig } from './auth';

export interface StartServerOptions {
  /** 0 = any free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A SQLite file path, or a postgres:// URL (see openStore). */
  dbPath: string;
  /** Load the demo dataset when the database has no contacts yet. */
  seed?: 'demo';
  /** Default: the public DEMO_KEYS, allowed on a loopback host only. */
  keys?: KeysConfig;
  rateLimitPerMinute?: number;
  /** `POST /v1/feedback` per minute per key. */
  feedbackRateLimitPerMinute?: number;
  bodyLimitBytes?: number;
  /** One call per log line. Default: errors only, to stderr. */
  log?: LogSink;
  /** Clock for the demo seed. */
  now?: Date;
  /** How long close() lets in-flight requests finish before cutting connections. */
  shutdownGraceMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  store: Store;
  /** True when started with the public demo keys. */
  usingDemoKeys: boolean;
  /** Stops accepting, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const errorsToStderr: LogSink = (entry) => {
  if (entry.level === 'error') process.stderr.write(`${JSON.stringify(entry)}\n`);
};

function hasAnyKey(keys: KeysConfig): boolean {
  return Object.values(keys).some((value) =>
    typeof value === 'string' ? value !== '' : (value ?? []).length > 0,
  );
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? errorsToStderr;
  const usingDemoKeys = !options.keys || !hasAnyKey(options.keys);
  if (usingDemoKeys && !isLoopbackHost(host)) {
    throw new Error(
      `Refusing to listen on ${host} without API keys: the demo keys are public. Set TOUCHPOINT_KEYS="read:<key>,write:<key>,admin:<key>", or listen on 127.0.0.1.`,
    );
  }
  const keys = usingDemoKeys ? DEMO_KEYS : (options.keys as KeysConfig);

  const store = await openStore(options.dbPath);
  try {
    if (options.seed === 'demo' && (await store.countContacts()) === 0) {
      await loadDataset(store, buildDemoDataset({ now: options.now ?? new Date() }));
      log({ level: 'info', msg: 'loaded the demo dataset', contacts: await store.countContacts() });
    }
  } catch (error) {
    await store.close();
    throw error;
  }

  const app = createApp({
    store,
    keys,
    version: packageVersion(),
    rateLimitPerMinute: options.rateLimitPerMinute,
    feedbackRateLimitPerMinute: options.feedbackRateLimitPerMinute,
    bodyLimitBytes: options.bodyLimitBytes,
    log,
    demoPage: usingDemoKeys || options.seed === 'demo',
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, () =>
      resolve(created as Server),
    ) as Server;
    created.once('error', reject);
  }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  // A wildcard address is where the server listens, not where a client can connect.
  const reachableHost = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  const urlHost = reachableHost.includes(':') ? `[${reachableHost}]` : reachableHost;

  let closing: Promise<void> | undefined;
  // A keep-alive socket that finishes its last request during shutdown would otherwise hold
  // close() open until the client's keep-alive timeout.
  server.on('request', (_request, response) => {
    response.once('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      // close() stops accepting and waits for in-flight requests; idle keep-alive sockets
      // would hold it open, so they go now, and anything still busy after the grace period.
      const force = setTimeout(
        () => server.closeAllConnections(),
        options.shutdownGraceMs ?? 10_000,
      );
      server.close(() => {
        clearTimeout(force);
        void store.close().then(resolve);
      });
      server.closeIdleConnections();
    }));

  return { url: `http://${urlHost}:${port}`, port, host, store, usingDemoKeys, close };
}
