/**
 * The feedback client: `POST /v1/feedback` (one item, idempotent by its id),
 * `GET /v1/feedback` (items and summaries, for the messaging library page) and the health
 * features that tell whether a backend collects feedback at all, as typed calls on the one
 * transport (`transport.ts`): every answer is parsed with the contract's schemas; every
 * failure says what to do.
 *
 * Pure apart from `fetch`: no WXT, no browser API, so it runs in Node tests against the
 * reference server. The background's queue (`utils/background/feedback-queue.ts`) decides
 * when to send and what a failure means for the item.
 */
import type { BackendConfig } from '../settings/schema';
import { backendUrlProblem } from '../contract/backend-url';
import type { FeedbackList, FeedbackRequest } from '../contract/schemas';
import {
  createBackendTransport,
  type Answer,
  type BackendTransport,
  type TransportOptions,
} from './transport';

/** The health feature a backend lists when it serves `/v1/feedback`. */
const FEEDBACK_FEATURE = 'feedback';

export interface FeedbackClientOptions extends Pick<TransportOptions, 'fetch' | 'timeoutMs'> {
  /** Retries within one send, for network blips (the queue retries later anyway). */
  retries?: number;
  /** A transport already made (the library's), instead of one from the options above. */
  transport?: BackendTransport;
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

function transportOf(options: FeedbackClientOptions): BackendTransport {
  return (
    options.transport ??
    createBackendTransport({
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      retries: options.retries ?? 1,
      // A repeated POST is safe: the backend stores an id once.
      retryPost: true,
      // A 429 is the queue's to wait out, for as long as Retry-After says.
      retryRateLimited: false,
    })
  );
}

/** Sends one item. Never rejects. */
export async function postFeedback(
  backend: BackendConfig,
  feedback: FeedbackRequest,
  options: FeedbackClientOptions = {},
): Promise<FeedbackDelivery> {
  const problem = backendUrlProblem(backend.baseUrl);
  if (problem) return { outcome: 'rejected', reason: 'request', message: problem };
  const answer = await transportOf(options).sendFeedback(backend, feedback);
  if ('failure' in answer) return deliveryOf(answer);
  // A 2xx that is not the contract's answer (a captive portal, a proxy page) proves nothing
  // was stored: only the backend's own `{id}` counts.
  if (answer.data.id !== feedback.id) {
    return {
      outcome: 'retry',
      message: `${backend.name} (${answer.url.pathname}) answered with another feedback id. Check the base URL in the options: it is the part before /v1.`,
    };
  }
  return { outcome: 'delivered', created: answer.status === 201 };
}

/**
 * What a failed send means for the item: no answer, a passing failure (timeout, 408, 429,
 * 5xx) or an answer that is not the contract's is tried again later; a refused key waits for
 * a new one; any other refusal would come again unchanged.
 */
function deliveryOf(answer: Extract<Answer<unknown>, { failure: unknown }>): FeedbackDelivery {
  const { failure, status, retryAfterMs } = answer;
  if (failure.state === 'unauthorized') {
    return {
      outcome: 'rejected',
      reason: 'key',
      message: `${failure.message} The feedback is sent once the key changes, or when you retry.`,
    };
  }
  if (status === undefined || failure.state === 'timeout' || failure.state === 'server_error') {
    return {
      outcome: 'retry',
      message: `${failure.message} The feedback will be sent again later.`,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }
  return {
    outcome: 'rejected',
    reason: 'request',
    message: `${failure.message} Sending it again would not help: discard it, or ask your admin.`,
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
  const answer = await transportOf(options).health(backend);
  if ('failure' in answer) return { state: 'unknown', message: answer.failure.message };
  const features = answer.data.features ?? [];
  if (features.includes(FEEDBACK_FEATURE)) return { state: 'supported', features };
  // Health without `server` is the answer to a request without a valid key (the contract).
  if (!answer.data.server) {
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
  const answer = await transportOf(options).feedback(backend, { ...query });
  if ('failure' in answer) return { state: 'error', backendId, message: answer.failure.message };
  return { state: 'ok', backendId, list: answer.data };
}
