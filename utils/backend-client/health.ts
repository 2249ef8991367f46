import ky, { HTTPError, TimeoutError } from 'ky';
import type { z } from 'zod';
import { backendUrlProblem } from '../contract/backend-url';
import { describeZodError } from '../contract/errors';
import { HealthResponse, LookupResponse } from '../contract/schemas';
import type { BackendStatus } from '../protocol/backend-status';

/** An address that cannot exist (RFC 2606 `.invalid`): the probe lookup must say not_found. */
const PROBE_EMAIL = 'touchpoint-connection-test@probe.invalid';

interface CheckOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Checks a backend the way the extension will use it: `GET /v1/health`, then a probe
 * `POST /v1/lookup` that proves the key (health may answer without a valid key, so it alone
 * cannot tell a wrong key). Every outcome becomes a BackendStatus whose message says what to
 * do. Pure apart from the network: runs in the background, in Node tests and in the CLI.
 */
export async function checkHealth(
  baseUrl: string,
  apiKey: string,
  options: CheckOptions = {},
): Promise<BackendStatus> {
  const problem = backendUrlProblem(baseUrl);
  if (problem) return { kind: 'bad_url', baseUrl, message: problem };
  const started = performance.now();
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const health = await requestJson(baseUrl, new URL('v1/health', base), apiKey, options);
  if ('failure' in health) return health.failure;
  const parsedHealth = parse(baseUrl, health.url, HealthResponse, health.body, 'health check');
  if ('failure' in parsedHealth) return parsedHealth.failure;

  const lookup = await requestJson(baseUrl, new URL('v1/lookup', base), apiKey, options, {
    contacts: [{ email: PROBE_EMAIL }],
    include: [],
    engagementLimit: 1,
  });
  if ('failure' in lookup) return lookup.failure;
  const parsedLookup = parse(baseUrl, lookup.url, LookupResponse, lookup.body, 'lookup');
  if ('failure' in parsedLookup) return parsedLookup.failure;
  if (parsedLookup.data.results.length !== 1) {
    return {
      kind: 'not_context_api',
      baseUrl,
      message: `${lookup.url} answered ${parsedLookup.data.results.length} results for 1 contact; a Context API answers one result per contact, in order.`,
    };
  }

  const { data } = parsedHealth;
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

type Outcome<T> = T | { failure: BackendStatus };

async function requestJson(
  baseUrl: string,
  url: URL,
  apiKey: string,
  options: CheckOptions,
  json?: unknown,
): Promise<Outcome<{ url: URL; body: unknown }>> {
  let text: string;
  try {
    const response = await ky(url, {
      method: json === undefined ? 'get' : 'post',
      json,
      headers: { authorization: `Bearer ${apiKey}` },
      timeout: options.timeoutMs ?? 8000,
      retry: 0,
      fetch: options.fetch,
    });
    text = await response.text();
  } catch (error) {
    return { failure: describeRequestFailure(baseUrl, url, error) };
  }
  try {
    return { url, body: JSON.parse(text) };
  } catch {
    const start = text.trimStart().slice(0, 40);
    return {
      failure: {
        kind: 'not_context_api',
        baseUrl,
        message: `${url} did not answer with JSON (it starts with "${start}"). Check the base URL: it is the part before /v1.`,
      },
    };
  }
}

function parse<S extends z.ZodType>(
  baseUrl: string,
  url: URL,
  schema: S,
  body: unknown,
  what: string,
): Outcome<{ data: z.infer<S> }> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { data: parsed.data };
  return {
    failure: {
      kind: 'not_context_api',
      baseUrl,
      message: `${url} answered, but not as a Context API ${what}: ${describeZodError(parsed.error)}.`,
    },
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
        message: `The backend refused the API key (HTTP ${status}). Check the key and that it has the "read" scope.`,
      };
    }
    if (status === 404) {
      return {
        kind: 'not_context_api',
        baseUrl,
        message: `${url} does not exist (HTTP 404). Check the base URL: it is the part before /v1.`,
      };
    }
    return {
      kind: 'server_error',
      baseUrl,
      message: `The backend answered HTTP ${status} to ${url.pathname}. Check the backend's logs.`,
    };
  }
  return { kind: 'unreachable', baseUrl, message: describeNetworkFailure(url, error) };
}

/** Error codes (Node/undici) meaning the host name did not resolve. */
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);
/** Codes and messages meaning the TLS handshake or the certificate failed. */
const TLS_PATTERN = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|HANDSHAKE/i;

/** The `code`s and messages along an error's `cause` chain (fetch wraps the real reason). */
function causes(error: unknown): { codes: string[]; messages: string[] } {
  const codes: string[] = [];
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (typeof current !== 'object') {
      messages.push(String(current));
      break;
    }
    const { code, message, cause } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string') codes.push(code);
    if (typeof message === 'string' && message) messages.push(message);
    current = cause;
  }
  return { codes, messages };
}

/**
 * Why a request got no answer, as precisely as the error allows. Node names the cause (DNS,
 * refused, TLS); a browser's fetch says only "Failed to fetch", so the message lists what
 * to check.
 */
export function describeNetworkFailure(url: URL, error: unknown): string {
  const { codes, messages } = causes(error);
  const detail = messages.at(-1) ?? 'no answer';
  if (codes.some((code) => DNS_CODES.has(code))) {
    return `Cannot resolve ${url.hostname} (${detail}). Check the host name in the backend URL, and that this computer's DNS or VPN can see it.`;
  }
  if (codes.includes('ECONNREFUSED')) {
    return `Cannot connect to ${url.origin}: the connection was refused. Is the server running, and on this port?`;
  }
  if ([...codes, ...messages].some((text) => TLS_PATTERN.test(text))) {
    return `TLS/certificate error connecting to ${url.origin} (${detail}). The server's certificate must be valid for ${url.hostname} and trusted by this computer.`;
  }
  return `Cannot connect to ${url.origin} (${detail}). Check that the address is right, the server is running, its TLS certificate is valid, and that Touchpoint may reach this origin (saving the backend asks for that permission).`;
}
