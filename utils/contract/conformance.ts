/**
 * Conformance checker: points at any backend and reports, check by check, where it follows
 * or breaks the Context API (`npm run conformance -- --url … --key …`). The checks are the
 * table in `./conformance-checks.ts`; this runs them in order.
 *
 * Pure apart from `fetch` (and Web Crypto for the emailSha256 check): runs in Node, in tests
 * and could run in a browser. Each failure says what was expected and what came back, naming
 * the field path.
 */
import {
  CHECKS,
  DEFAULT_SLOW_MS,
  type CheckContext,
  type CheckStatus,
  type Outcome,
} from './conformance-checks';
import { createClient, RequestFailed, type ConformanceOptions } from './conformance-http';
import { errorText } from './errors';

export { DEFAULT_TIMEOUT_MS, type ConformanceOptions } from './conformance-http';
export { DEFAULT_SLOW_MS, type CheckStatus } from './conformance-checks';

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  message: string;
  ms?: number;
}

function randomToken(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 12);
}

/** Runs every check in order; never throws (a network failure is a failed check). */
export async function runConformance(options: ConformanceOptions): Promise<CheckResult[]> {
  const context: CheckContext = {
    ...createClient(options),
    options,
    key: options.key,
    slowMs: options.slowMs ?? DEFAULT_SLOW_MS,
    token: randomToken(),
    state: {
      features: [],
      knownEmail: options.email?.trim().toLowerCase() ?? null,
      knownSource: options.email ? '--email' : '',
      knownId: null,
      createdEvents: [],
      lookupEngagementIds: null,
      orderExchange: null,
    },
  };
  // Once the backend is unreachable, the remaining checks say so instead of each timing out.
  let unreachable: string | null = null;
  const results: CheckResult[] = [];

  for (const check of CHECKS) {
    const title = typeof check.title === 'string' ? check.title : check.title(context);
    if (unreachable) {
      results.push({ id: check.id, title, status: 'skip', message: `not run: ${unreachable}` });
      continue;
    }
    const started = performance.now();
    let outcome: Outcome;
    if (check.feature && !context.state.features.includes(check.feature)) {
      outcome = {
        status: 'skip',
        message: `feature "${check.feature}" is not listed by /v1/health`,
      };
    } else {
      try {
        outcome = await check.run(context);
      } catch (error) {
        if (error instanceof RequestFailed) {
          outcome = { status: 'fail', message: error.message };
          if (/^cannot connect/.test(error.message)) unreachable = 'the backend is unreachable';
        } else {
          outcome = { status: 'fail', message: `the checker stopped: ${errorText(error)}` };
        }
      }
    }
    results.push({ id: check.id, title, ...outcome, ms: Math.round(performance.now() - started) });
  }
  return results;
}

/** `N passed, N failed, N skipped`. */
export function summarize(results: readonly CheckResult[]): string {
  const count = (status: CheckStatus) => results.filter((r) => r.status === status).length;
  return `${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`;
}
