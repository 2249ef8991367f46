/**
 * The feedback client (issue 7): `POST /v1/feedback` (one item, idempotent by its id),
 * `GET /v1/feedback` (items and summaries, for the messaging library page) and the health
 * features that tell whether a backend collects feedback at all. Every answer is parsed with
 * the contract's schemas; every failure says what to do.
 *
 * Pure apart from `fetch`: no WXT, no browser API, so it runs in Node tests against the
 * reference server. The background's queue (`utils/background/feedback-queue.ts`) decides
 * when to send and what a failure means for the item.
 */
import ky, { HTTPError, TimeoutError, type KyInstance } from 'ky';
import type { BackendConfig } from '../settings/schema';
import { backendUrlProblem } from '../contract/backend-url';
import { describeZodError } from '../contract/errors';
import { describeNetworkFailure } from './health';
import {
  ErrorBody,
  FeedbackCreated,
  FeedbackList,
  HealthResponse,
  type FeedbackRequest,
} from '../contract/schemas';

/** The health feature a backend lists when it serves `/v1/feedback`. */
export const FEEDBACK_FEATURE = 'feedback';

export interface FeedbackClientOptions {
  fetch?: typeof fetch;
  /** Per attempt. */
  timeoutMs?: number;
  /**
   * Retries within one send, for network blips (the queue retries later anyway). A repeated
   * POST is safe: the backend stores an id once.
   */
  retries?: number;
}

/**
 * What one send came to:
 * - `delivered`: the backend stored it (`201`) or already had it (`200`): done either way;
 * - `retry`: no answer, or a passing failure (timeout, 408, 429, 5xx, not JSON): try later,
 *   no sooner than `retryAfterMs` when the backend said so;
 * - `rejected`: the backend refused this item (400, 404, 413) or the key (401, 403); sending
 *   it again unchanged gives the same answer, so it waits for the rep (or a new key).
 */
export type FeedbackDelivery =
  | { outcome: 'delivered'; created: boolean }
  | { outcome: 'retry'; message: string; retryAfterMs?: number }
  | { outcome: 'rejected'; reason: 'request' | 'key'; message: string };

/** Whether a backend collects feedback, from its health features (asked with the key). */
export type FeedbackSupport =
  | { state: 'supported'; features: string[] }
  | { state: 'unsupported'; message: string }
  | { state: 'unknown'; message: string };

/** A page of feedback with the summaries, or why there is none. */
export type FeedbackListOutcome =
  | { state: 'ok'; backendId: string; list: FeedbackList }
  | { state: 'error'; backendId: string; message: string };

export interface FeedbackQuery {
  messagingId?: string;
  assetId?: string;
  campaignId?: string;
  since?: string;
  cursor?: string;
  limit?: number;
}

/** `Retry-After` (seconds or an HTTP date) in ms, or undefined. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (!Number.isNaN(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function client(options: FeedbackClientOptions): KyInstance {
  return ky.create({
    timeout: options.timeoutMs ?? 8000,
    fetch: options.fetch,
    throwHttpErrors: true,
    retry: {
      limit: options.retries ?? 1,
      // Feedback posts are idempotent by id: POST is retried like GET.
      methods: ['get', 'post'],
      statusCodes: [408, 500, 502, 503, 504],
      jitter: true,
      backoffLimit: 3000,
    },
  });
}

function urlOf(backend: BackendConfig, path: string): URL {
  const base = backend.baseUrl.endsWith('/') ? backend.baseUrl : `${backend.baseUrl}/`;
  return new URL(path, base);
}

/** The backend's own error message, when it sent the contract's error body. */
async function backendSaid(response: Response): Promise<string> {
  try {
    const parsed = ErrorBody.safeParse(await response.clone().json());
    return parsed.success ? ` (${parsed.data.error.message})` : '';
  } catch {
    return '';
  }
}

async function readJson(response: Response): Promise<{ body: unknown } | { text: string }> {
  const text = await response.text();
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { text };
  }
}

/** Sends one item. Never rejects. */
export async function postFeedback(
  backend: BackendConfig,
  feedback: FeedbackRequest,
  options: FeedbackClientOptions = {},
): Promise<FeedbackDelivery> {
  const problem = backendUrlProblem(backend.baseUrl);
  if (problem) return { outcome: 'rejected', reason: 'request', message: problem };
  const url = urlOf(backend, 'v1/feedback');
  const { name } = backend;
  let response: Response;
  try {
    response = await client(options)(url, {
      method: 'post',
      json: feedback,
      headers: { authorization: `Bearer ${backend.apiKey}` },
    });
  } catch (error) {
    return describeSendFailure(backend, url, error);
  }
  const read = await readJson(response);
  const parsed = 'body' in read ? FeedbackCreated.safeParse(read.body) : undefined;
  // A 2xx that is not the contract's answer (a captive portal, a proxy page) proves nothing
  // was stored: only the backend's own `{id}` counts.
  if (!parsed?.success || parsed.data.id !== feedback.id) {
    const what =
      'text' in read
        ? `did not answer with JSON (it starts with "${read.text.trimStart().slice(0, 40)}")`
        : parsed && !parsed.success
          ? `answered, but not as a Context API: ${describeZodError(parsed.error)}`
          : 'answered with another feedback id';
    return {
      outcome: 'retry',
      message: `${name} (${url.pathname}) ${what}. Check the base URL in the options: it is the part before /v1.`,
    };
  }
  return { outcome: 'delivered', created: response.status === 201 };
}

/** Why a request failed, in words that fit any request; `kind` says what it means. */
interface RequestFailure {
  kind: 'passing' | 'key' | 'request';
  message: string;
  retryAfterMs?: number;
}

async function describeRequestFailure(
  backend: BackendConfig,
  url: URL,
  error: unknown,
): Promise<RequestFailure> {
  const { name } = backend;
  if (error instanceof TimeoutError) {
    return { kind: 'passing', message: `${name} did not answer in time.` };
  }
  if (!(error instanceof HTTPError)) {
    return { kind: 'passing', message: `${name}: ${describeNetworkFailure(url, error)}` };
  }
  const { status } = error.response;
  const said = await backendSaid(error.response);
  if (status === 401 || status === 403) {
    return {
      kind: 'key',
      message: `${name} refused the API key (HTTP ${status})${said}. Ask your admin to check the key in the options.`,
    };
  }
  if (status === 408 || status === 429 || status >= 500) {
    const wait = retryAfterMs(error.response.headers.get('retry-after'));
    return {
      kind: 'passing',
      message:
        status === 429
          ? `${name} is rate limiting this key (HTTP 429)${said}.`
          : `${name} failed (HTTP ${status})${said}.`,
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    };
  }
  return {
    kind: 'request',
    message:
      status === 404
        ? `${name} has no ${url.pathname} (HTTP 404)${said}. Ask its admin whether it serves the feedback feature.`
        : `${name} refused the request (HTTP ${status})${said}.`,
  };
}

async function describeSendFailure(
  backend: BackendConfig,
  url: URL,
  error: unknown,
): Promise<FeedbackDelivery> {
  const failure = await describeRequestFailure(backend, url, error);
  if (failure.kind === 'passing') {
    return {
      outcome: 'retry',
      message: `${failure.message} The feedback will be sent again later.`,
      ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
    };
  }
  return {
    outcome: 'rejected',
    reason: failure.kind,
    message:
      failure.kind === 'key'
        ? `${failure.message} The feedback is sent once the key changes, or when you retry.`
        : `${failure.message} Sending it again would not help: discard it, or ask your admin.`,
  };
}

/**
 * Whether the backend lists the `feedback` feature. Asked with the key: a backend may hide
 * its features from a request without one.
 */
export async function feedbackSupport(
  backend: BackendConfig,
  options: FeedbackClientOptions = {},
): Promise<FeedbackSupport> {
  const problem = backendUrlProblem(backend.baseUrl);
  if (problem) return { state: 'unknown', message: `${backend.name}: ${problem}` };
  const url = urlOf(backend, 'v1/health');
  let read: { body: unknown } | { text: string };
  try {
    const response = await client(options)(url, {
      headers: { authorization: `Bearer ${backend.apiKey}` },
    });
    read = await readJson(response);
  } catch (error) {
    return {
      state: 'unknown',
      message: (await describeRequestFailure(backend, url, error)).message,
    };
  }
  const parsed = 'body' in read ? HealthResponse.safeParse(read.body) : undefined;
  if (!parsed?.success) {
    return {
      state: 'unknown',
      message: `${backend.name} (${url.pathname}) did not answer as a Context API health check. Check the base URL in the options.`,
    };
  }
  const features = parsed.data.features ?? [];
  if (features.includes(FEEDBACK_FEATURE)) return { state: 'supported', features };
  // Health without `server` is the answer to a request without a valid key (the contract).
  if (!parsed.data.server) {
    return {
      state: 'unknown',
      message: `${backend.name} did not show its features to this API key; ask your admin to check the key in the options.`,
    };
  }
  return {
    state: 'unsupported',
    message: `${backend.name} does not list the "${FEEDBACK_FEATURE}" feature, so it does not collect feedback.`,
  };
}

/** A page of feedback and the summaries (`GET /v1/feedback`). Never rejects. */
export async function listFeedback(
  backend: BackendConfig,
  query: FeedbackQuery = {},
  options: FeedbackClientOptions = {},
): Promise<FeedbackListOutcome> {
  const backendId = backend.id;
  const problem = backendUrlProblem(backend.baseUrl);
  if (problem) return { state: 'error', backendId, message: `${backend.name}: ${problem}` };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.size > 0 ? `?${params}` : '';
  const url = urlOf(backend, `v1/feedback${search}`);
  let read: { body: unknown } | { text: string };
  try {
    const response = await client(options)(url, {
      headers: { authorization: `Bearer ${backend.apiKey}` },
    });
    read = await readJson(response);
  } catch (error) {
    const { message } = await describeRequestFailure(backend, url, error);
    return { state: 'error', backendId, message };
  }
  if ('text' in read) {
    return {
      state: 'error',
      backendId,
      message: `${backend.name} (${url.pathname}) did not answer with JSON. Check the base URL in the options.`,
    };
  }
  const parsed = FeedbackList.safeParse(read.body);
  if (!parsed.success) {
    return {
      state: 'error',
      backendId,
      message: `${backend.name} answered, but not as a Context API feedback list: ${describeZodError(parsed.error)}.`,
    };
  }
  return { state: 'ok', backendId, list: parsed.data };
}
