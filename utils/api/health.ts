import ky, { HTTPError, TimeoutError } from 'ky';
import { HealthResponse } from './schemas';
import type { BackendStatus } from './status';
import { describeZodError } from './errors';

/**
 * Calls `GET /v1/health` with the key and turns every outcome into a BackendStatus.
 * Pure apart from the network: runs in the background, in Node tests and in the CLI.
 */
export async function checkHealth(
  baseUrl: string,
  apiKey: string,
  options: { timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<BackendStatus> {
  const started = performance.now();
  const url = new URL('v1/health', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  let body: unknown;
  try {
    const response = await ky.get(url, {
      headers: { authorization: `Bearer ${apiKey}` },
      timeout: options.timeoutMs ?? 8000,
      retry: 0,
      fetch: options.fetch,
    });
    const text = await response.text();
    try {
      body = JSON.parse(text);
    } catch {
      return {
        kind: 'not_context_api',
        baseUrl,
        message: `${url} did not answer with JSON (it starts with "${text.slice(0, 40)}"). Check the base URL: it should be the part before /v1.`,
      };
    }
  } catch (error) {
    return describeRequestFailure(baseUrl, url, error);
  }
  const parsed = HealthResponse.safeParse(body);
  if (!parsed.success) {
    return {
      kind: 'not_context_api',
      baseUrl,
      message: `${url} answered, but not as a Context API health check: ${describeZodError(parsed.error)}.`,
    };
  }
  return {
    kind: 'ok',
    baseUrl,
    serverName: parsed.data.server?.name ?? 'unknown server',
    serverVersion: parsed.data.server?.version ?? 'unknown',
    apiVersion: parsed.data.apiVersion,
    features: parsed.data.features ?? [],
    roundTripMs: Math.round(performance.now() - started),
  };
}

function describeRequestFailure(baseUrl: string, url: URL, error: unknown): BackendStatus {
  if (error instanceof TimeoutError) {
    return {
      kind: 'timeout',
      baseUrl,
      message: `${url} did not answer in time. Is the backend overloaded or behind a slow proxy?`,
    };
  }
  if (error instanceof HTTPError) {
    const status = error.response.status;
    if (status === 401 || status === 403) {
      return {
        kind: 'unauthorized',
        baseUrl,
        message: `The backend refused the API key (HTTP ${status}). Check the key and its scope (it needs "read").`,
      };
    }
    if (status === 404) {
      return {
        kind: 'not_context_api',
        baseUrl,
        message: `${url} does not exist (HTTP 404). Check the base URL: it should be the part before /v1.`,
      };
    }
    return {
      kind: 'server_error',
      baseUrl,
      message: `The backend answered HTTP ${status}. Check its logs.`,
    };
  }
  return {
    kind: 'unreachable',
    baseUrl,
    message: `Cannot connect to ${url.origin} (${error instanceof Error ? error.message : String(error)}). Is the server running and the address right?`,
  };
}
