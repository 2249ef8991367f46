import { isLoopbackHost } from '../utils/contract/backend-url';
import { parseFlags } from './cli-flags';
import { errorDetail, errorText } from '../utils/contract/errors';
import { DEFAULT_BODY_LIMIT_BYTES } from '../utils/contract/limits';
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from './app';
import { parseKeysEnv, type KeysConfig } from './auth';
import { DEMO_KEYS } from './demo-keys';
import { startServer } from './main';
import { describeDb } from './store/open';

/**
 * `npm run server -- --port 8787 --host 127.0.0.1 --db ./data/touchpoint.db [--seed demo]`
 * Keys come from TOUCHPOINT_KEYS="read:<key>,write:<key>,admin:<key>".
 */

const USAGE = `Usage: npm run server -- [--port 8787] [--host 127.0.0.1] [--db ./data/touchpoint.db] [--seed demo]
  --port   TCP port, 0..65535 (0 = any free port). Default 8787.
  --host   Interface to listen on. Default 127.0.0.1.
  --db     SQLite file (its directory is created), or postgres://user:pass@host:5432/db.
           Default $TOUCHPOINT_DB, else ./data/touchpoint.db.
  --seed   "demo" loads the demo dataset into an empty database.
  --rate-limit   Requests per minute per key. Default ${DEFAULT_RATE_LIMIT_PER_MINUTE}.
  --body-limit   Largest request body in bytes. Default ${DEFAULT_BODY_LIMIT_BYTES}.
Environment: TOUCHPOINT_DB=<path or postgres:// URL> when --db is absent.
TOUCHPOINT_KEYS="read:<key>,write:<key>,admin:<key>" (scopes may repeat).
Without it the server uses the public demo keys, on a loopback host only.`;

class UsageError extends Error {}

function positiveInteger(name: string, raw: string | undefined, min: number, max: number) {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return value;
}

function parseCommandLine(argv: string[]) {
  let values;
  try {
    values = parseFlags(argv, {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      seed: { type: 'string' },
      'rate-limit': { type: 'string' },
      'body-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
  } catch (error) {
    throw new UsageError(errorText(error));
  }
  if (values.seed !== undefined && values.seed !== 'demo') {
    throw new UsageError(`--seed takes only "demo" (got "${values.seed}").`);
  }
  if (values.host !== undefined && values.host.trim() === '') {
    throw new UsageError('--host needs a host name or address, e.g. 127.0.0.1.');
  }
  if (values.db !== undefined && values.db.trim() === '') {
    throw new UsageError('--db needs a file path (./data/touchpoint.db) or a postgres:// URL.');
  }
  return {
    help: values.help === true,
    port: positiveInteger('port', values.port, 0, 65535) ?? 8787,
    host: values.host ?? '127.0.0.1',
    dbPath: values.db ?? (process.env.TOUCHPOINT_DB?.trim() || './data/touchpoint.db'),
    seed: values.seed === 'demo' ? ('demo' as const) : undefined,
    rateLimitPerMinute: positiveInteger('rate-limit', values['rate-limit'], 1, 10_000_000),
    bodyLimitBytes: positiveInteger('body-limit', values['body-limit'], 1024, 1024 ** 3),
  };
}

function logLine(entry: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  let keys: KeysConfig | undefined;
  const keysEnv = process.env.TOUCHPOINT_KEYS;
  if (keysEnv !== undefined && keysEnv.trim() !== '') {
    try {
      keys = parseKeysEnv(keysEnv);
    } catch (error) {
      process.stderr.write(`${errorText(error)}\n`);
      return 1;
    }
  }

  if (!keys && isLoopbackHost(options.host)) {
    // First thing in the log: these keys are public.
    logLine({
      level: 'warn',
      msg: 'TOUCHPOINT_KEYS is not set: using the public demo keys (loopback only)',
      keys: DEMO_KEYS,
    });
  }
  let server;
  try {
    server = await startServer({ ...options, keys, log: logLine });
  } catch (error) {
    process.stderr.write(`Cannot start: ${errorText(error)}\n`);
    return 1;
  }
  logLine({
    level: 'info',
    msg: `Touchpoint reference server listening on ${server.url}`,
    url: server.url,
    db: describeDb(options.dbPath),
    demoPage: `${server.url}/demo`,
  });

  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      logLine({ level: 'info', msg: `${signal}: finishing in-flight requests, then exiting` });
      void server.close().then(resolve);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  logLine({ level: 'info', msg: 'stopped; database closed' });
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Unexpected failure: ${errorDetail(error)}\n`);
    process.exitCode = 1;
  },
);
