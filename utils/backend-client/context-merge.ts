/**
 * What several backends said about one contact, merged into the one context the sidebar
 * shows, with each backend's own status kept beside it. Pure: data in, data out.
 *
 * - contact fields come from the first backend (the admin's order) that matched;
 * - engagements are de-duplicated by (source system, or backend id when the engagement names
 *   no source, + id) and sorted newest first;
 * - highlights, scores, campaigns, assets and messaging are de-duplicated, first backend wins;
 * - a backend that failed is reported in `sources`; it never blanks what the others said.
 */
import type {
  Asset,
  CampaignMembership,
  Contact,
  ContactSummary,
  Engagement,
  Highlight,
  LookupResult,
  Messaging,
  Score,
} from '../contract/schemas';

/** Every state a contact's context (or one backend's part of it) can be in. */
export const CONTEXT_STATES = [
  'ok',
  'not_found',
  'not_configured',
  'unreachable',
  'timeout',
  'unauthorized',
  'server_error',
  'not_context_api',
] as const;
export type ContextState = (typeof CONTEXT_STATES)[number];
/** The states in which a backend gave no usable answer. */
export type FailureState = Exclude<ContextState, 'ok' | 'not_found'>;

/** Why a backend gave no answer, with what to do about it. */
export interface Failure {
  state: FailureState;
  message: string;
}

/** What one backend said about one contact. */
export interface BackendOutcome {
  backendId: string;
  name: string;
  /** Its result: fresh, or from the cache when `stale`. */
  result?: LookupResult;
  /** ms since epoch: when `result` was fetched, or when the request failed. */
  fetchedAt: number;
  /** Set when this lookup failed (a stale `result` may still be present). */
  failure?: Failure;
  /** `result` comes from the cache, older than the fresh window. */
  stale?: boolean;
}

/** One backend's part in a context, as the sidebar's footer shows it. */
export interface SourceStatus {
  backendId: string;
  name: string;
  state: ContextState;
  message?: string;
  /** ms since epoch of the data shown from this backend (or of the failed attempt). */
  fetchedAt: number;
  stale?: boolean;
  /** Age of the stale data, in ms. */
  ageMs?: number;
}

export type SourcedEngagement = Engagement & { backendId: string };

/** Where to ask for the next page of a contact's engagements (`loadMoreEngagements`). */
export interface EngagementCursor {
  backendId: string;
  contactId: string;
  cursor: string;
}

/** Everything known about one contact, merged over the enabled backends. */
export interface ContactContext {
  email: string;
  /**
   * `ok` when some backend matched (fresh or stale data); `not_found` when none matched and
   * one answered; otherwise the first backend's failure. `message` says what to do.
   */
  state: ContextState;
  message?: string;
  contact?: Contact;
  /** The backend whose contact fields are shown. */
  contactBackendId?: string;
  /** When a backend found several contacts for the address. */
  candidates: ContactSummary[];
  scores: Score[];
  highlights: Highlight[];
  engagements: SourcedEngagement[];
  engagementCursors: EngagementCursor[];
  campaigns: CampaignMembership[];
  assets: Asset[];
  messaging: Messaging[];
  sources: SourceStatus[];
  /** Some of the data comes from the cache past its fresh window. */
  stale: boolean;
  /** Age of the oldest stale part, in ms. */
  ageMs?: number;
}

export const NOT_CONFIGURED_MESSAGE =
  'No backend is configured. Open the options page and add one (its base URL and API key).';

function dedupeBy<T>(items: Iterable<T>, key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (!seen.has(k)) seen.set(k, item);
  }
  return [...seen.values()];
}

function time(value: string | undefined): number {
  const parsed = value === undefined ? NaN : Date.parse(value);
  return Number.isNaN(parsed) ? 0 : parsed;
}

/** An empty context in `state` (no data), e.g. not configured or an invalid address. */
export function emptyContext(email: string, state: ContextState, message?: string): ContactContext {
  return {
    email,
    state,
    ...(message === undefined ? {} : { message }),
    candidates: [],
    scores: [],
    highlights: [],
    engagements: [],
    engagementCursors: [],
    campaigns: [],
    assets: [],
    messaging: [],
    sources: [],
    stale: false,
  };
}

/**
 * Merges the backends' outcomes for one contact, given in the admin's order. `now` dates the
 * age of stale parts.
 */
export function mergeContactContext(
  email: string,
  outcomes: readonly BackendOutcome[],
  now: number,
): ContactContext {
  if (outcomes.length === 0) return emptyContext(email, 'not_configured', NOT_CONFIGURED_MESSAGE);
  const context = emptyContext(email, 'not_found');
  const answered = outcomes.filter(
    (o): o is BackendOutcome & { result: LookupResult } => o.result !== undefined,
  );

  context.sources = outcomes.map((o) => {
    const source: SourceStatus = {
      backendId: o.backendId,
      name: o.name,
      state: o.failure?.state ?? (o.result?.match.status === 'matched' ? 'ok' : 'not_found'),
      fetchedAt: o.fetchedAt,
    };
    if (o.failure) source.message = o.failure.message;
    if (o.stale && o.result) {
      source.stale = true;
      source.ageMs = Math.max(0, now - o.fetchedAt);
    }
    return source;
  });
  const staleAges = context.sources.flatMap((s) => (s.stale ? [s.ageMs ?? 0] : []));
  context.stale = staleAges.length > 0;
  if (context.stale) context.ageMs = Math.max(...staleAges);

  const matched = answered.filter((o) => o.result.match.status === 'matched');
  const first = matched[0];
  if (first?.result.contact) {
    context.contact = first.result.contact;
    context.contactBackendId = first.backendId;
  }
  context.candidates = dedupeBy(
    answered.flatMap((o) => o.result.match.candidates ?? []),
    (c) => c.email,
  );
  context.scores = dedupeBy(
    matched.flatMap((o) => o.result.scores ?? []),
    (s) => `${s.name}\u0000${s.source ?? ''}`,
  );
  context.highlights = dedupeBy(
    matched.flatMap((o) => o.result.highlights ?? []),
    (h) => h.engagementId ?? `${h.title}\u0000${h.occurredAt ?? ''}`,
  );
  const engagements = dedupeBy(
    matched.flatMap((o) =>
      (o.result.engagements ?? []).map((e) => ({ ...e, backendId: o.backendId })),
    ),
    (e) => `${e.source?.system ?? e.backendId}\u0000${e.id}`,
  );
  // Stable sort: equal times keep the admin's backend order.
  context.engagements = engagements.sort((a, b) => time(b.occurredAt) - time(a.occurredAt));
  context.engagementCursors = matched.flatMap((o) =>
    o.result.engagementsCursor && o.result.contact
      ? [
          {
            backendId: o.backendId,
            contactId: o.result.contact.id,
            cursor: o.result.engagementsCursor,
          },
        ]
      : [],
  );
  context.campaigns = dedupeBy(
    matched.flatMap((o) => o.result.campaigns ?? []),
    (c) => c.id,
  );
  context.assets = dedupeBy(
    matched.flatMap((o) => o.result.assets ?? []),
    (a) => a.id,
  );
  context.messaging = dedupeBy(
    matched.flatMap((o) => o.result.messaging ?? []),
    (m) => m.id,
  );

  const failed = outcomes.find((o) => o.failure);
  // Say which backend failed, unless its message already starts with its name (the
  // client's do: "Webinars refused the API key…").
  const failureMessage =
    failed?.failure &&
    (failed.failure.message.startsWith(failed.name)
      ? failed.failure.message
      : `${failed.name}: ${failed.failure.message}`);
  if (matched.length > 0) {
    context.state = 'ok';
    if (failureMessage) context.message = failureMessage;
  } else if (answered.length > 0) {
    context.state = 'not_found';
    const ambiguous = answered.some((o) => o.result.match.status === 'ambiguous');
    context.message =
      failureMessage ??
      (ambiguous
        ? `Several contacts match ${email}; open the CRM record to pick the right one.`
        : `No contact with ${email} in ${answered.map((o) => o.name).join(', ')}.`);
  } else if (failed?.failure) {
    context.state = failed.failure.state;
    context.message = failureMessage;
  }
  return context;
}
