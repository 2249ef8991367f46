import { parseArgs } from 'node:util';
import { MarketoConnector } from '../connectors/marketo';
import { SqliteStore } from '../store/sqlite';
import { SyncError, type Connector } from './connector';
import { runSync } from './runner';
import { SqliteSyncStateStore } from './state';

/**
 * `npm run sync -- <source> [options]`: one sync, then exit. 0 when it finished; 1 with one
 * line naming the source and the fault when it could not; 2 for a wrong command line.
 * Progress goes to stderr, `--json` puts one summary object on stdout.
 */

const USAGE = `Usage: npm run sync -- <source> [options]
Sources:
  marketo  --base-url https://<munchkin-id>.mktorest.com --client-id <id> --client-secret <secret>
           (or MARKETO_CLIENT_ID / MARKETO_CLIENT_SECRET in the environment)
Options:
  --db <path>     The server's SQLite file. Default ./data/touchpoint.db.
  --since <date>  First run only: where history starts (ISO date). Default 90 days back.
  --full          Ignore the checkpoint and read again from --since (nothing is stored twice).
  --json          One summary object on stdout.`;

class UsageError extends Error {}

const DAY_MS = 86_400_000;

function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        since: { type: 'string' },
        full: { type: 'boolean' },
        json: { type: 'boolean' },
        'base-url': { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true as const };
  const [source, ...rest] = positionals;
  if (source === undefined) throw new UsageError('Name the source to sync, e.g. marketo.');
  if (rest.length > 0)
    throw new UsageError(`One source at a time (got "${positionals.join(' ')}").`);
  let since = new Date(Date.now() - 90 * DAY_MS);
  if (values.since !== undefined) {
    const ms = Date.parse(values.since);
    if (Number.isNaN(ms)) {
      throw new UsageError(`--since needs an ISO date such as 2026-01-31 (got "${values.since}").`);
    }
    since = new Date(ms);
  }
  let connector: Connector;
  if (source === 'marketo') {
    const baseUrl = values['base-url'];
    const clientId = values['client-id'] ?? env.MARKETO_CLIENT_ID;
    const clientSecret = values['client-secret'] ?? env.MARKETO_CLIENT_SECRET;
    if (!baseUrl)
      throw new UsageError('marketo needs --base-url https://<munchkin-id>.mktorest.com.');
    if (!clientId || !clientSecret) {
      throw new UsageError(
        'marketo needs --client-id and --client-secret (or MARKETO_CLIENT_ID and MARKETO_CLIENT_SECRET).',
      );
    }
    connector = new MarketoConnector({
      baseUrl,
      clientId,
      clientSecret,
      // Test and bench hooks: the vendor's pauses, shortened against a local server.
      rateLimitWaitMs: numberFromEnv(env.TOUCHPOINT_SYNC_RATE_LIMIT_WAIT_MS),
      backoffMs: numberFromEnv(env.TOUCHPOINT_SYNC_BACKOFF_MS),
    });
  } else {
    throw new UsageError(`Unknown source "${source}". Sources: marketo.`);
  }
  return {
    help: false as const,
    connector,
    dbPath: values.db ?? './data/touchpoint.db',
    since,
    full: values.full === true,
    json: values.json === true,
  };
}

function numberFromEnv(raw: string | undefined) {
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseCommandLine(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof UsageError || error instanceof SyncError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const store = new SqliteStore(options.dbPath);
  const state = new SqliteSyncStateStore(options.dbPath);
  try {
    const summary = await runSync({
      connector: options.connector,
      store,
      state,
      since: options.since,
      full: options.full,
      progress: (line) => process.stderr.write(`${line}\n`),
    });
    if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    if (!summary.ok) {
      process.stderr.write(`sync ${summary.source} failed: ${summary.error}\n`);
      return 1;
    }
    return 0;
  } finally {
    await state.close();
    await store.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `sync failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
