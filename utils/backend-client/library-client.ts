/**
 * The messaging library for marketers: `GET /v1/messaging` at every enabled
 * backend and, at backends whose health lists the `feedback` feature, `GET /v1/feedback`
 * (through the feedback client, `feedback-client.ts`) for the counts per messaging entry and
 * asset and the latest objections. One backend's failure is reported in its own source and
 * never blanks the others.
 *
 * Every request goes through the one transport (`transport.ts`), as the context client's:
 * timeout, retries on network errors, 408, 429 and 5xx, `Retry-After` up to 10 s, the answer
 * parsed with the contract's zod schemas, and failures in the same words.
 *
 * Pure apart from `fetch`: no WXT, no browser API, so it runs in Node tests against the
 * reference server. The background wires it (`utils/background/library-handlers.ts`).
 */
import type { BackendConfig } from '../settings/schema';
import { backendUrlProblem } from '../contract/backend-url';
import type { Failure } from './context-merge';
import { feedbackSupport, listFeedback } from './feedback-client';
import { createBackendTransport, type BackendTransport } from './transport';
import {
  type FeedbackList,
  type Campaign,
  type Feedback,
  type Messaging,
} from '../contract/schemas';

/** Objections kept per messaging entry, newest first. */
export const MAX_OBJECTIONS_PER_ENTRY = 3;
/** Feedback pages read at most per backend while looking for each entry's latest objections. */
const MAX_FEEDBACK_PAGES = 10;
/**
 * Page size asked for. `limit` is the reference server's (1..200); the contract does not
 * name it, and a backend that does not know it ignores it and pages with its own size.
 */
const FEEDBACK_PAGE_SIZE = 200;

export interface MessagingFeedback {
  landed: number;
  missed: number;
  objections: number;
}

export interface AssetFeedback {
  assetId: string;
  helpful: number;
  notHelpful: number;
}

/** One objection a rep logged about a messaging entry. */
export interface Objection {
  id: string;
  backendId: string;
  text?: string;
  /** When it happened (the rep's `occurredAt`, else when the backend received it). */
  at?: string;
  repName?: string;
  campaignId?: string;
}

export interface LibraryEntry {
  messaging: Messaging;
  /** The backend that served this entry (the first in the admin's order that has its id). */
  backendId: string;
  /** Summed over every backend that reported feedback on it; absent when none did. */
  feedback?: MessagingFeedback;
  /** Newest first, at most MAX_OBJECTIONS_PER_ENTRY. */
  objections: Objection[];
}

export interface LibrarySource {
  backendId: string;
  name: string;
  messaging: { state: 'ok' } | Failure;
  /** Absent when the backend does not list the `feedback` feature (nothing was asked). */
  feedback?: { state: 'ok' } | { state: 'failed'; message: string };
  /** The backend answered `campaigns` with its messaging (campaign status is known). */
  campaignsListed: boolean;
  /** The latest objections may be incomplete: feedback had more pages than were read. */
  objectionsTruncated?: boolean;
}

export interface MessagingLibrary {
  /** By messaging id, de-duplicated across backends. */
  entries: LibraryEntry[];
  /** The campaigns the backends listed with their messaging, de-duplicated by id. */
  campaigns: Campaign[];
  /** Assets with helpful / not-helpful feedback, summed over backends. */
  assets: AssetFeedback[];
  sources: LibrarySource[];
  /** ms since epoch. */
  fetchedAt: number;
}

export interface LibraryClientOptions {
  /** The enabled backends, in the admin's order. */
  backends: readonly BackendConfig[];
  fetch?: typeof fetch;
  /** Per attempt. */
  timeoutMs?: number;
  retries?: number;
  now?: () => number;
  /** Feedback page size asked for (tests use small pages to exercise paging). */
  feedbackPageSize?: number;
}

/** What one backend answered, before merging. */
interface BackendLibrary {
  source: LibrarySource;
  messaging: Messaging[];
  campaigns: Campaign[];
  summary?: FeedbackList['summary'];
  objections: Map<string, Objection[]>;
}

export async function fetchMessagingLibrary(
  options: LibraryClientOptions,
): Promise<MessagingLibrary> {
  const {
    backends,
    timeoutMs = 8000,
    retries = 2,
    now = Date.now,
    feedbackPageSize = FEEDBACK_PAGE_SIZE,
  } = options;
  // Only reads: the messaging, the health features and the feedback pages.
  const http = createBackendTransport({ fetch: options.fetch, timeoutMs, retries });
  const answers = await Promise.all(
    backends.map((backend) => readBackend(http, backend, feedbackPageSize)),
  );
  return mergeLibraries(answers, now());
}

async function readBackend(
  http: BackendTransport,
  backend: BackendConfig,
  feedbackPageSize: number,
): Promise<BackendLibrary> {
  const source: LibrarySource = {
    backendId: backend.id,
    name: backend.name,
    messaging: { state: 'ok' },
    campaignsListed: false,
  };
  const empty = { source, messaging: [], campaigns: [], objections: new Map() };
  const problem = backendUrlProblem(backend.baseUrl);
  if (problem) {
    source.messaging = { state: 'not_configured', message: problem };
    return empty;
  }
  // Health names the features (with a valid key); asked beside the library, not before it.
  const [library, support] = await Promise.all([
    http.messaging(backend),
    feedbackSupport(backend, { transport: http }),
  ]);
  if ('failure' in library) {
    source.messaging = library.failure;
    return empty;
  }
  const result: BackendLibrary = {
    ...empty,
    messaging: library.data.messaging,
    campaigns: library.data.campaigns ?? [],
  };
  source.campaignsListed = library.data.campaigns !== undefined;
  if (support.state === 'unknown') {
    source.feedback = { state: 'failed', message: support.message };
    return result;
  }
  if (support.state === 'unsupported') return result;

  const feedback = await readFeedback(http, backend, feedbackPageSize);
  if ('failure' in feedback) {
    source.feedback = { state: 'failed', message: feedback.failure };
    return result;
  }
  source.feedback = { state: 'ok' };
  if (feedback.truncated) source.objectionsTruncated = true;
  return { ...result, summary: feedback.summary, objections: feedback.objections };
}

/**
 * The summary (it covers every item, so the first page has it) and each entry's latest
 * objections: pages are read, newest first, until every entry with objections has its
 * share, the feed ends, or MAX_FEEDBACK_PAGES were read.
 */
async function readFeedback(
  http: BackendTransport,
  backend: BackendConfig,
  pageSize: number,
): Promise<
  | { summary: FeedbackList['summary']; objections: Map<string, Objection[]>; truncated: boolean }
  | { failure: string }
> {
  const objections = new Map<string, Objection[]>();
  let summary: FeedbackList['summary'] | undefined;
  let cursor: string | null = null;
  const complete = () =>
    Object.entries(summary?.byMessaging ?? {}).every(
      ([id, counts]) =>
        (objections.get(id)?.length ?? 0) >= Math.min(counts.objections, MAX_OBJECTIONS_PER_ENTRY),
    );
  for (let page = 0; page < MAX_FEEDBACK_PAGES; page++) {
    const answer = await listFeedback(
      backend,
      { limit: pageSize, ...(cursor ? { cursor } : {}) },
      { transport: http },
    );
    if (answer.state === 'error') {
      // A later page failing costs only older objections; the summary is already complete.
      if (summary) return { summary, objections, truncated: true };
      return { failure: answer.message };
    }
    summary ??= answer.list.summary;
    for (const item of answer.list.feedback) collectObjection(objections, item, backend.id);
    cursor = answer.list.nextCursor;
    if (!cursor || complete()) return { summary, objections, truncated: false };
  }
  return { summary: summary ?? { byMessaging: {}, byAsset: {} }, objections, truncated: true };
}

function collectObjection(into: Map<string, Objection[]>, item: Feedback, backendId: string) {
  if (item.kind !== 'objection' || !item.messagingId) return;
  const list = into.get(item.messagingId) ?? [];
  if (list.length >= MAX_OBJECTIONS_PER_ENTRY) return;
  const at = item.occurredAt ?? item.receivedAt;
  list.push({
    id: item.id,
    backendId,
    ...(item.text ? { text: item.text } : {}),
    ...(at ? { at } : {}),
    ...(item.rep?.name ? { repName: item.rep.name } : {}),
    ...(item.campaignId ? { campaignId: item.campaignId } : {}),
  });
  into.set(item.messagingId, list);
}

/** Newest first; objections without a time last. */
function byNewest(a: Objection, b: Objection): number {
  return (Date.parse(b.at ?? '') || 0) - (Date.parse(a.at ?? '') || 0);
}

/** One library from every backend's answer: entries and campaigns by id, counts summed. */
function mergeLibraries(answers: readonly BackendLibrary[], fetchedAt: number) {
  const entries = new Map<string, LibraryEntry>();
  const campaigns = new Map<string, Campaign>();
  for (const answer of answers) {
    for (const messaging of answer.messaging) {
      if (!entries.has(messaging.id)) {
        entries.set(messaging.id, {
          messaging,
          backendId: answer.source.backendId,
          objections: [],
        });
      }
    }
    for (const campaign of answer.campaigns) {
      if (!campaigns.has(campaign.id)) campaigns.set(campaign.id, campaign);
    }
  }
  const assets = new Map<string, AssetFeedback>();
  for (const answer of answers) {
    for (const [id, counts] of Object.entries(answer.summary?.byMessaging ?? {})) {
      const entry = entries.get(id);
      if (!entry) continue;
      const sum = (entry.feedback ??= { landed: 0, missed: 0, objections: 0 });
      sum.landed += counts.landed;
      sum.missed += counts.missed;
      sum.objections += counts.objections;
    }
    for (const [id, list] of answer.objections) entries.get(id)?.objections.push(...list);
    for (const [assetId, counts] of Object.entries(answer.summary?.byAsset ?? {})) {
      const sum = assets.get(assetId) ?? { assetId, helpful: 0, notHelpful: 0 };
      sum.helpful += counts.helpful;
      sum.notHelpful += counts.notHelpful;
      assets.set(assetId, sum);
    }
  }
  for (const entry of entries.values()) {
    entry.objections = entry.objections.sort(byNewest).slice(0, MAX_OBJECTIONS_PER_ENTRY);
  }
  return {
    entries: [...entries.values()],
    campaigns: [...campaigns.values()],
    assets: [...assets.values()].sort((a, b) => a.assetId.localeCompare(b.assetId)),
    sources: answers.map((answer) => answer.source),
    fetchedAt,
  } satisfies MessagingLibrary;
}
