import { backendUrlProblem } from '../contract/backend-url';
import type { BackendStatus } from '../protocol/backend-status';
import { createBackendTransport, type RequestFailure, type TransportOptions } from './transport';

/** An address that cannot exist (RFC 2606 `.invalid`): the probe lookup must say not_found. */
const PROBE_EMAIL = 'touchpoint-connection-test@probe.invalid';

type CheckOptions = Pick<TransportOptions, 'timeoutMs' | 'fetch'>;

/**
 * Checks a backend the way the extension will use it: `GET /v1/health`, then a probe
 * `POST /v1/lookup` that proves the key (health may answer without a valid key, so it alone
 * cannot tell a wrong key). Every outcome becomes a BackendStatus whose message says what to
 * do. Pure apart from the network: runs in the background and in Node tests.
 */
export async function checkHealth(
  baseUrl: string,
  apiKey: string,
  options: CheckOptions = {},
): Promise<BackendStatus> {
  const problem = backendUrlProblem(baseUrl);
  if (problem) return { kind: 'bad_url', baseUrl, message: problem };
  // The admin is waiting on the options page: one attempt, its failure shown at once.
  const transport = createBackendTransport({ ...options, retries: 0 });
  const target = { baseUrl, apiKey };
  const failed = ({ failure }: { failure: RequestFailure }): BackendStatus => ({
    kind: failure.state,
    baseUrl,
    message: failure.message,
  });
  const started = performance.now();
  const health = await transport.health(target);
  if ('failure' in health) return failed(health);
  const lookup = await transport.lookup(target, {
    contacts: [{ email: PROBE_EMAIL }],
    include: [],
    engagementLimit: 1,
  });
  if ('failure' in lookup) return failed(lookup);
  if (lookup.data.results.length !== 1) {
    return {
      kind: 'not_context_api',
      baseUrl,
      message: `${lookup.url} answered ${lookup.data.results.length} results for 1 contact; a Context API answers one result per contact, in order.`,
    };
  }

  const { data } = health;
  return {
    kind: 'ok',
    baseUrl,
    serverName: data.server?.name ?? 'unnamed server',
    serverVersion: data.server?.version ?? '',
    apiVersion: data.apiVersion,
    features: data.features ?? [],
    roundTripMs: Math.round(performance.now() - started),
  };
}
