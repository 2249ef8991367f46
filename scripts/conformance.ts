/**
 * `npm run conformance -- --url <base> --key <read key> [--write-key <key>]
 *   [--email <known contact>] [--timeout-ms 8000] [--json]`
 *
 * Checks any backend against the Context API. Exit 0 when no check fails, 1 when one does,
 * 2 on bad arguments.
 */
import { parseFlags } from '../server/cli-flags';
import {
  DEFAULT_TIMEOUT_MS,
  runConformance,
  summarize,
  type CheckResult,
} from '../utils/contract/conformance';
import { errorText } from '../utils/contract/errors';
import { Email } from '../utils/contract/schemas';

const USAGE = `Usage: npm run conformance -- --url <base URL> --key <read key> [options]

  --url <base>         the backend's base URL, the part before /v1 (e.g. http://127.0.0.1:8787)
  --key <key>          an API key with scope "read"
  --write-key <key>    a key with scope "write": creates a test contact (conformance-…@conformance.example)
                       with 3 events, so the lookup, order and paging checks have data
  --email <address>    a contact the backend knows, used for the lookup checks
  --timeout-ms <n>     per-request timeout in milliseconds (default ${DEFAULT_TIMEOUT_MS})
  --json               print the results as JSON
  --help               show this help

Exit code: 0 when no check fails, 1 when one does, 2 on bad arguments.`;

function usageError(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseCli(argv: string[]) {
  let values;
  try {
    values = parseFlags(argv, {
      url: { type: 'string' },
      key: { type: 'string' },
      'write-key': { type: 'string' },
      email: { type: 'string' },
      'timeout-ms': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    });
  } catch (error) {
    usageError(errorText(error));
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!values.url) usageError('Missing --url: the base URL of the backend to check.');
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    usageError(`--url "${values.url}" is not a URL; expected e.g. http://127.0.0.1:8787`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    usageError(`--url must be http:// or https://, got "${url.protocol}"`);
  }
  if (/\/v1\/?$/.test(url.pathname)) {
    usageError(`--url should be the part before /v1 (try ${values.url.replace(/\/v1\/?$/, '')})`);
  }
  if (!values.key) usageError('Missing --key: an API key with scope "read".');
  if (values.email !== undefined && !Email.safeParse(values.email).success) {
    usageError(`--email "${values.email}" is not a valid email address.`);
  }
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (values['timeout-ms'] !== undefined) {
    timeoutMs = Number(values['timeout-ms']);
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
      usageError(
        `--timeout-ms must be a positive whole number of milliseconds, got "${values['timeout-ms']}".`,
      );
    }
  }
  return {
    url: values.url,
    key: values.key,
    writeKey: values['write-key'],
    email: values.email,
    timeoutMs,
    json: values.json,
  };
}

function line(result: CheckResult): string {
  const label = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' }[result.status];
  const ms = result.ms === undefined ? '' : ` (${result.ms} ms)`;
  return `${label}  ${result.title}${ms}: ${result.message}  [${result.id}]`;
}

const cli = parseCli(process.argv.slice(2));
const results = await runConformance(cli);
if (cli.json) {
  console.log(JSON.stringify({ url: cli.url, results, summary: summarize(results) }, null, 2));
} else {
  console.log(`Context API conformance of ${cli.url}`);
  for (const result of results) console.log(line(result));
  console.log(summarize(results));
}
process.exit(results.some((r) => r.status === 'fail') ? 1 : 0);
