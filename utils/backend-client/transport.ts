/**
 * Runs in the background service worker (and in Node tests: no WXT, no browser API).
 * Imported by the clients beside it; only the background calls backends (the key stays there).
 *
 * The one HTTP transport for every backend call: ky (timeout, retries with jittered backoff,
 * `Retry-After`), the contract's auth header, each endpoint's answer parsed with its zod
 * schema, and every failure turned into a state whose message says what to do. The context,
 * library, feedback and health clients are thin typed calls on its endpoint methods.
 */
import ky, { HTTPError, TimeoutError, type KyInstance } from 'ky';
import type { z } from 'zod';
import type { BackendConfig } from '../settings/schema';
import type { Failure } from './context-merge';
import { describeZodError } from '../contract/errors';
import {
  EngagementsPage,
  ErrorBody,
  FeedbackCreated,
  FeedbackList,
  HealthResponse,
  LookupResponse,
  MessagingList,
  type FeedbackRequest,
  type LookupRequest,
} from '../contract/schemas';

/** A `Retry-After` longer than this is not waited for: the failure is reported instead. */
export const MAX_RETRY_AFTER_MS = 10_000;

export interface TransportOptions {
  fetch?: typeof fetch;
  /** Per attempt. */
  timeoutMs?: number;
  /** Retries after the first attempt: network errors, 408, 5xx and (see below) 429. */
  retries?: number;
  /** Retry POST like GET: only for requests the backend treats as idempotent. */
  retryPost?: boolean;
  /**
   * Wait out a 429 (up to MAX_RETRY_AFTER_MS) within the call. Off where the caller keeps
   * its own schedule (the feedback queue backs off for as long as `Retry-After` says).
   */
  retryRateLimited?: boolean;
}

/** Where a request goes: a configured backend, or (without a name) a URL being tested. */
export type BackendTarget = Pick<BackendConfig, 'baseUrl' | 'apiKey'> & { name?: string };

/** Why a request that was sent got no usable answer: every state but `not_configured`. */
export interface RequestFailure extends Failure {
  state: Exclude<Failure['state'], 'not_configured'>;
}

/** What one request came to; `status` and `retryAfterMs` when the backend answered. */
export type Answer<T> =
  | { url: URL; data: T; status: number }
  | { url: URL; failure: RequestFailure; status?: number; retryAfterMs?: number };

/** Query parameters; empty and undefined values are left out. */
export type Query = Readonly<Record<string, string | number | undefined>>;

/** The contract's endpoints the extension calls, each typed by its schemas. None rejects. */
export interface BackendTransport {
  /** `GET /v1/health`: version and features (all of them only with a valid key). */
  health(target: BackendTarget): Promise<Answer<HealthResponse>>;
  /** `POST /v1/lookup`: one result per contact, in order. */
  lookup(
    target: BackendTarget,
    request: z.input<typeof LookupRequest>,
  ): Promise<Answer<LookupResponse>>;
  /** `GET /v1/contacts/{id}/engagements`: the next page from a cursor. */
  engagements(
    target: BackendTarget,
    contactId: string,
    query: Query,
  ): Promise<Answer<EngagementsPage>>;
  /** `GET /v1/messaging`: every entry, or those of `query.ids` (comma-separated). */
  messaging(target: BackendTarget, query?: Query): Promise<Answer<MessagingList>>;
  /** `POST /v1/feedback`: one item, idempotent by its id. */
  sendFeedback(
    target: BackendTarget,
    item: FeedbackRequest,
  ): Promise<Answer<z.infer<typeof FeedbackCreated>>>;
  /** `GET /v1/feedback`: a page of items with the summaries. */
  feedback(target: BackendTarget, query?: Query): Promise<Answer<FeedbackList>>;
}

interface RequestSpec<S extends z.ZodType> {
  /** The answer's schema… */
  schema: S;
  /** …and its name in a failure message ("lookup", "messaging list"). */
  what: string;
  /** Sent as the body of a POST; without it the request is a GET. */
  json?: unknown;
}

export function createBackendTransport(options: TransportOptions = {}): BackendTransport {
  const { timeoutMs = 8000, retries = 2, retryPost = false, retryRateLimited = true } = options;
  const http: KyInstance = ky.create({
    timeout: timeoutMs,
    fetch: options.fetch,
    throwHttpErrors: true,
    retry: {
      limit: retries,
      methods: retryPost ? ['get', 'post'] : ['get'],
      statusCodes: [408, ...(retryRateLimited ? [429] : []), 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      jitter: true,
      backoffLimit: 3000,
      shouldRetry: ({ error }) => {
        if (!(error instanceof HTTPError)) return undefined;
        const wait = parseRetryAfter(error.response.headers.get('retry-after'));
        return wait !== undefined && wait > MAX_RETRY_AFTER_MS ? false : undefined;
      },
    },
  });

  async function requestJson<S extends z.ZodType>(
    target: BackendTarget,
    path: string,
    { schema, what, json }: RequestSpec<S>,
  ): Promise<Answer<z.infer<S>>> {
    const url = backendUrl(target.baseUrl, path);
    const name = subjectOf(target, url);
    let response: Response;
    let text: string;
    try {
      response = await http(url, {
        method: json === undefined ? 'get' : 'post',
        json,
        headers: { authorization: `Bearer ${target.apiKey}` },
      });
      text = await response.text();
    } catch (error) {
      return { url, ...(await describeRequestFailure(target, url, error)) };
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return {
        url,
        failure: {
          state: 'not_context_api',
          message: `${requestOf(target, url)} did not answer with JSON (it starts with "${text.trimStart().slice(0, 40)}"). Check the base URL in the options: it is the part before /v1.`,
        },
      };
    }
    const parsed = schema.safeParse(body);
    if (parsed.success) return { url, data: parsed.data, status: response.status };
    return {
      url,
      failure: {
        state: 'not_context_api',
        message: `${name} answered, but not as a Context API ${what}: ${describeZodError(parsed.error)}. Ask its admin to check it against the contract (npm run conformance).`,
      },
    };
  }

  return {
    health: (target) =>
      requestJson(target, 'v1/health', { schema: HealthResponse, what: 'health check' }),
    lookup: (target, request) =>
      requestJson(target, 'v1/lookup', { schema: LookupResponse, what: 'lookup', json: request }),
    engagements: (target, contactId, query) =>
      requestJson(
        target,
        `v1/contacts/${encodeURIComponent(contactId)}/engagements${search(query)}`,
        {
          schema: EngagementsPage,
          what: 'engagements page',
        },
      ),
    messaging: (target, query = {}) =>
      requestJson(target, `v1/messaging${search(query)}`, {
        schema: MessagingList,
        what: 'messaging list',
      }),
    sendFeedback: (target, item) =>
      requestJson(target, 'v1/feedback', {
        schema: FeedbackCreated,
        what: 'feedback receipt',
        json: item,
      }),
    feedback: (target, query = {}) =>
      requestJson(target, `v1/feedback${search(query)}`, {
        schema: FeedbackList,
        what: 'feedback list',
      }),
  };
}

/** `?a=1&b=2`, or nothing when no parameter has a value. */
function search(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.size > 0 ? `?${params}` : '';
}

/** A path of the contract under a backend's base URL (with or without a trailing slash). */
export function backendUrl(baseUrl: string, path: string): URL {
  return new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
}

/**
 * `Retry-After` (seconds or an HTTP date) in ms, or undefined. Never negative: a date in the
 * past (or a skewed clock) means "now", not a negative wait.
 */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (!Number.isNaN(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A backend by its name; a URL being tested (no name yet) by its origin. */
function subjectOf(target: BackendTarget, url: URL): string {
  return target.name ?? `The backend at ${url.origin}`;
}

/** The request in a message: the backend's name and path, or a tested URL in full. */
function requestOf(target: BackendTarget, url: URL): string {
  return target.name ? `${target.name} (${url.pathname})` : `${url}`;
}

/** The backend's own error message, when it sent the contract's error body. */
async function backendSaid(response: Response): Promise<string> {
  try {
    const parsed = ErrorBody.safeParse(await response.clone().json());
    return parsed.success ? ` It said: "${parsed.data.error.message}"` : '';
  } catch {
    return '';
  }
}

/** Why a request got no usable answer, and what to do about it. */
async function describeRequestFailure(
  target: BackendTarget,
  url: URL,
  error: unknown,
): Promise<{ failure: RequestFailure; status?: number; retryAfterMs?: number }> {
  const name = subjectOf(target, url);
  if (error instanceof TimeoutError) {
    return {
      failure: {
        state: 'timeout',
        message: `${name} did not answer in time. It may be overloaded or behind a slow proxy; try again in a moment.`,
      },
    };
  }
  if (!(error instanceof HTTPError)) {
    // The network text names the origin already; a configured backend is named before it.
    const network = describeNetworkFailure(url, error);
    return {
      failure: { state: 'unreachable', message: target.name ? `${name}: ${network}` : network },
    };
  }
  const { status } = error.response;
  const said = await backendSaid(error.response);
  const wait = parseRetryAfter(error.response.headers.get('retry-after'));
  const answered = { status, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
  if (status === 401 || status === 403) {
    return {
      ...answered,
      failure: {
        state: 'unauthorized',
        message: `${name} refused the API key (HTTP ${status}). Check the key in the options and that it has the "read" scope.${said}`,
      },
    };
  }
  if (status === 408) {
    return {
      ...answered,
      failure: {
        state: 'timeout',
        message: `${name} gave up waiting for the request (HTTP 408). Try again in a moment.${said}`,
      },
    };
  }
  if (status === 429) {
    return {
      ...answered,
      failure: {
        state: 'server_error',
        message: `${name} is rate limiting this key (HTTP 429). Try again${wait ? ` in ${Math.ceil(wait / 1000)} s` : ' later'}.${said}`,
      },
    };
  }
  if (status >= 500) {
    return {
      ...answered,
      failure: {
        state: 'server_error',
        message: `${name} failed (HTTP ${status}). Try again later; if it persists, its admin should check the backend's logs.${said}`,
      },
    };
  }
  if (status === 404) {
    return {
      ...answered,
      failure: {
        state: 'not_context_api',
        message: `${name} has no ${url.pathname} (HTTP 404). Check the base URL in the options (the part before /v1), and that the backend serves this part of the Context API.${said}`,
      },
    };
  }
  return {
    ...answered,
    failure: {
      state: 'not_context_api',
      message: `${name} refused ${url.pathname} (HTTP ${status}). Check the base URL in the options (the part before /v1); if it is right, its admin should check the backend against the contract (npm run conformance).${said}`,
    },
  };
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
function describeNetworkFailure(url: URL, error: unknown): string {
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
