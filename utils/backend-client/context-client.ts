/**
 * The context client: looks contacts up at every enabled backend through the one transport
 * (`transport.ts`: timeout, retries, `Retry-After`, answers parsed with the contract's zod
 * schemas, failures in words that say what to do), batches up to 50 contacts a request, shares in-flight requests per contact, caches per
 * backend and contact (stale-while-revalidate) and merges the backends' answers
 * (`context-merge.ts`).
 *
 * Pure apart from `fetch` and the injected cache store: no WXT, no browser API, so it runs
 * in Node tests against the reference server. The background wires it
 * (`utils/background/context-handlers.ts`).
 */
import type { BackendConfig } from '../settings/schema';
import { backendUrlProblem } from '../contract/backend-url';
import {
  emptyContext,
  mergeContactContext,
  type BackendOutcome,
  type ContactContext,
  type EngagementCursor,
  type Failure,
  type SourcedEngagement,
  type SourceStatus,
} from './context-merge';
import { createBackendTransport } from './transport';
import {
  DEFAULT_ENGAGEMENT_LIMIT,
  Email,
  INCLUDES,
  LookupResult,
  MAX_LOOKUP_CONTACTS,
  type ContactRef,
  type Messaging,
} from '../contract/schemas';

/** Cached results are served without a request for this long… */
export const CACHE_FRESH_MS = 5 * 60_000;
/** …and shown, marked stale, when a refresh fails, for this long. */
const CACHE_STALE_MS = 24 * 60 * 60_000;

/** Where cached lookups live: memory in tests, storage.session/local in the extension. */
export interface CacheStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  clear(): Promise<void>;
}

/** One request about one contact, for the audit log. */
export interface LookupAuditEntry {
  time: number;
  /** Where the lookup came from (adapter id, or `sidebar`), when the caller said. */
  site?: string;
  /** The address, or `sha256:<hex>` when only the hash was sent. */
  contact: string;
  backendId: string;
  outcome: 'matched' | 'not_found' | 'ambiguous' | 'error';
}

export interface ContextClientOptions {
  /** The enabled backends, in the admin's order. */
  backends: readonly BackendConfig[];
  fetch?: typeof fetch;
  /** Per attempt. */
  timeoutMs?: number;
  retries?: number;
  cache: CacheStore;
  now?: () => number;
  /** Send `emailSha256` instead of the address (only to backends announcing it). */
  hashedLookups?: boolean;
  /** Known `features` per backend id; others are asked (`GET /v1/health`) when needed. */
  features?: Readonly<Record<string, readonly string[]>>;
  onLookup?: (entry: LookupAuditEntry) => void;
}

export interface LookupOptions {
  /** Skip fresh cache entries (the rep asked for a refresh). */
  refresh?: boolean;
  site?: string;
}

export type EngagementsOutcome =
  | { state: 'ok'; backendId: string; engagements: SourcedEngagement[]; nextCursor: string | null }
  | ({ backendId: string } & Failure);

export interface MessagingOutcome {
  messaging: Messaging[];
  sources: SourceStatus[];
}

export interface ContextClient {
  /** The merged context of each address (normalised: trimmed, lowercased). */
  lookup(emails: readonly string[], options?: LookupOptions): Promise<Map<string, ContactContext>>;
  /**
   * What the cache holds, without a request (stale parts marked with their age): the
   * sidebar paints this at once, then `lookup` revalidates. Addresses with nothing cached
   * are absent.
   */
  cached(emails: readonly string[]): Promise<Map<string, ContactContext>>;
  /** The next page of a contact's engagements at one backend. */
  loadMoreEngagements(cursor: EngagementCursor, limit?: number): Promise<EngagementsOutcome>;
  /** Messaging by id, from every backend, de-duplicated by id. */
  messaging(ids: readonly string[]): Promise<MessagingOutcome>;
}

interface CacheEntry {
  v: 1;
  fetchedAt: number;
  result: LookupResult;
}

/** What one request said about one contact. */
type Fetched =
  { result: LookupResult; fetchedAt: number } | { failure: Failure; fetchedAt: number };

export function createContextClient(options: ContextClientOptions): ContextClient {
  const {
    backends,
    cache,
    timeoutMs = 8000,
    retries = 2,
    now = Date.now,
    hashedLookups = false,
    onLookup,
  } = options;
  // Lookups are idempotent reads: POST is retried like GET.
  const http = createBackendTransport({
    fetch: options.fetch,
    timeoutMs,
    retries,
    retryPost: true,
  });
  /** In-flight lookups per backend and contact: concurrent callers share one request. */
  const inFlight = new Map<string, Promise<BackendOutcome>>();
  /** Health features per backend id (only successful probes are remembered). */
  const features = new Map<string, Promise<readonly string[] | Failure>>(
    Object.entries(options.features ?? {}).map(([id, list]) => [id, Promise.resolve(list)]),
  );

  function featuresOf(backend: BackendConfig): Promise<readonly string[] | Failure> {
    let known = features.get(backend.id);
    if (!known) {
      known = http
        .health(backend)
        .then((answer) => ('failure' in answer ? answer.failure : (answer.data.features ?? [])));
      features.set(backend.id, known);
      void known.then((answer) => {
        if (!Array.isArray(answer)) features.delete(backend.id);
      });
    }
    return known;
  }

  async function readCache(backend: BackendConfig, email: string): Promise<CacheEntry | undefined> {
    const key = cacheKey(backend, email);
    const value = (await cache.get(key)) as Partial<CacheEntry> | undefined;
    if (!value || value.v !== 1 || typeof value.fetchedAt !== 'number') return undefined;
    const parsed = LookupResult.safeParse(value.result);
    if (!parsed.success || now() - value.fetchedAt > CACHE_STALE_MS) {
      await cache.delete(key);
      return undefined;
    }
    return { v: 1, fetchedAt: value.fetchedAt, result: parsed.data };
  }

  /** A broken cache costs a request, not the lookup. */
  function readCacheSafely(backend: BackendConfig, email: string) {
    return readCache(backend, email).catch((error: unknown) => {
      console.warn('Touchpoint: could not read the context cache', error);
      return undefined;
    });
  }

  /** One request for up to 50 contacts at one backend; never rejects. */
  async function fetchBatch(
    backend: BackendConfig,
    emails: readonly string[],
    site: string | undefined,
  ): Promise<Fetched[]> {
    // Nothing reached the backend: nothing to audit.
    const failAll = (failure: Failure) => {
      const fetchedAt = now();
      return emails.map(() => ({ failure, fetchedAt }));
    };
    const audit = (contact: string, outcome: LookupAuditEntry['outcome']) => {
      try {
        onLookup?.({
          time: now(),
          contact,
          backendId: backend.id,
          outcome,
          ...(site ? { site } : {}),
        });
      } catch (error) {
        console.warn('Touchpoint: could not record a lookup', error);
      }
    };

    let refs: ContactRef[] = emails.map((email) => ({ email }));
    let auditNames: readonly string[] = emails;
    if (hashedLookups) {
      const known = await featuresOf(backend);
      if (!Array.isArray(known)) return failAll(known as Failure);
      if (!known.includes('emailSha256')) {
        // Privacy first: with hashed lookups on, an address never leaves in the clear.
        return failAll({
          state: 'not_configured',
          message: `Hashed lookups are on, but ${backend.name} does not announce emailSha256, so nothing was sent to it. Ask its admin to support hashed lookups, or turn them off in the options.`,
        });
      }
      const hashes = await Promise.all(emails.map(sha256Hex));
      refs = hashes.map((emailSha256) => ({ emailSha256 }));
      auditNames = hashes.map((hash) => `sha256:${hash}`);
    }
    const answer = await http.lookup(backend, {
      contacts: refs,
      include: [...INCLUDES],
      engagementLimit: DEFAULT_ENGAGEMENT_LIMIT,
    });
    const fetchedAt = now();
    if ('failure' in answer) {
      auditNames.forEach((name) => audit(name, 'error'));
      return emails.map(() => ({ failure: answer.failure, fetchedAt }));
    }
    const { results } = answer.data;
    if (results.length !== refs.length) {
      auditNames.forEach((name) => audit(name, 'error'));
      const failure: Failure = {
        state: 'not_context_api',
        message: `${backend.name} answered ${results.length} results for ${refs.length} contacts; a Context API answers one result per contact, in order (results).`,
      };
      return emails.map(() => ({ failure, fetchedAt }));
    }
    return Promise.all(
      emails.map(async (email, index) => {
        const result = results[index] as LookupResult;
        audit(auditNames[index] ?? email, result.match.status);
        const entry: CacheEntry = { v: 1, fetchedAt, result };
        // A full storage must not cost the rep the answer; the next lookup asks again.
        await cache
          .set(cacheKey(backend, email), entry)
          .catch((error: unknown) => console.warn('Touchpoint: could not cache a lookup', error));
        return { result, fetchedAt };
      }),
    );
  }

  /**
   * Every contact's outcome at one backend: fresh cache, a request already in flight, a new
   * request (batched), or, when that fails, the stale cache with the failure.
   */
  function lookupAt(
    backend: BackendConfig,
    emails: readonly string[],
    lookupOptions: LookupOptions,
  ): Promise<Map<string, BackendOutcome>> {
    const base = { backendId: backend.id, name: backend.name };
    const problem = backendUrlProblem(backend.baseUrl);
    if (problem) {
      const failure: Failure = { state: 'not_configured', message: problem };
      return Promise.resolve(
        new Map(emails.map((email) => [email, { ...base, failure, fetchedAt: now() }])),
      );
    }
    // Claimed synchronously, so a concurrent caller finds them and waits instead of asking.
    const shared = new Map<string, Promise<BackendOutcome>>();
    const own: string[] = [];
    for (const email of emails) {
      const running = inFlight.get(cacheKey(backend, email));
      if (running) shared.set(email, running);
      else own.push(email);
    }
    const work = resolveOwn(backend, own, lookupOptions);
    for (const email of own) {
      const key = cacheKey(backend, email);
      const one = work.then((outcomes) => outcomes.get(email) as BackendOutcome);
      inFlight.set(key, one);
      // The rejection, if any, reaches the callers through `shared`; this copy is only cleanup.
      one
        .finally(() => {
          if (inFlight.get(key) === one) inFlight.delete(key);
        })
        .catch(() => undefined);
      shared.set(email, one);
    }
    return Promise.all(
      [...shared].map(async ([email, outcome]) => [email, await outcome] as const),
    ).then((entries) => new Map(entries));
  }

  async function resolveOwn(
    backend: BackendConfig,
    emails: readonly string[],
    { refresh = false, site }: LookupOptions,
  ): Promise<Map<string, BackendOutcome>> {
    const base = { backendId: backend.id, name: backend.name };
    const outcomes = new Map<string, BackendOutcome>();
    const cached = new Map<string, CacheEntry>();
    const toFetch: string[] = [];
    const entries = await Promise.all(emails.map((email) => readCacheSafely(backend, email)));
    emails.forEach((email, index) => {
      const entry = entries[index];
      if (entry) cached.set(email, entry);
      if (entry && !refresh && now() - entry.fetchedAt <= CACHE_FRESH_MS) {
        outcomes.set(email, { ...base, result: entry.result, fetchedAt: entry.fetchedAt });
      } else toFetch.push(email);
    });
    const batches: string[][] = [];
    for (let start = 0; start < toFetch.length; start += MAX_LOOKUP_CONTACTS) {
      batches.push(toFetch.slice(start, start + MAX_LOOKUP_CONTACTS));
    }
    const answers = await Promise.all(batches.map((batch) => fetchBatch(backend, batch, site)));
    answers.forEach((answer, b) =>
      answer.forEach((fetched, index) => {
        const email = batches[b]?.[index] as string;
        const old = cached.get(email);
        if ('result' in fetched) {
          outcomes.set(email, { ...base, result: fetched.result, fetchedAt: fetched.fetchedAt });
        } else if (old) {
          outcomes.set(email, {
            ...base,
            failure: fetched.failure,
            result: old.result,
            fetchedAt: old.fetchedAt,
            stale: true,
          });
        } else {
          outcomes.set(email, { ...base, failure: fetched.failure, fetchedAt: fetched.fetchedAt });
        }
      }),
    );
    return outcomes;
  }

  return {
    async lookup(emails, lookupOptions = {}) {
      const contexts = new Map<string, ContactContext>();
      const valid: string[] = [];
      for (const raw of emails) {
        const parsed = Email.safeParse(raw);
        if (!parsed.success) {
          const email = raw.trim().toLowerCase();
          contexts.set(
            email,
            emptyContext(email, 'not_found', `${raw} is not a valid email address.`),
          );
        } else if (!valid.includes(parsed.data)) valid.push(parsed.data);
      }
      if (valid.length === 0) return contexts;
      const perBackend = await Promise.all(
        backends.map((backend) => lookupAt(backend, valid, lookupOptions)),
      );
      const at = now();
      for (const email of valid) {
        const outcomes = perBackend.flatMap((outcome) => outcome.get(email) ?? []);
        contexts.set(email, mergeContactContext(email, outcomes, at));
      }
      return contexts;
    },

    async cached(emails) {
      const contexts = new Map<string, ContactContext>();
      const at = now();
      const valid = [...new Set(emails.flatMap((raw) => Email.safeParse(raw).data ?? []))];
      await Promise.all(
        valid.map(async (email) => {
          const entries = await Promise.all(
            backends.map((backend) => readCacheSafely(backend, email)),
          );
          if (entries.every((entry) => entry === undefined)) return;
          const outcomes = backends.flatMap((backend, index): BackendOutcome[] => {
            const entry = entries[index];
            if (!entry) return [];
            const stale = at - entry.fetchedAt > CACHE_FRESH_MS;
            return [
              {
                backendId: backend.id,
                name: backend.name,
                result: entry.result,
                fetchedAt: entry.fetchedAt,
                ...(stale ? { stale } : {}),
              },
            ];
          });
          contexts.set(email, mergeContactContext(email, outcomes, at));
        }),
      );
      return contexts;
    },

    async loadMoreEngagements({ backendId, contactId, cursor }, limit = DEFAULT_ENGAGEMENT_LIMIT) {
      const backend = backends.find((b) => b.id === backendId);
      if (!backend) {
        return {
          backendId,
          state: 'not_configured',
          message: `The backend ${backendId} is no longer enabled. Look the contact up again.`,
        };
      }
      const answer = await http.engagements(backend, contactId, { cursor, limit });
      if ('failure' in answer) return { backendId, ...answer.failure };
      return {
        state: 'ok',
        backendId,
        engagements: answer.data.engagements.map((e) => ({ ...e, backendId })),
        nextCursor: answer.data.nextCursor,
      };
    },

    async messaging(ids) {
      const answers = await Promise.all(
        backends.map((backend) => http.messaging(backend, { ids: ids.join(',') })),
      );
      const fetchedAt = now();
      const seen = new Set<string>();
      const messaging: Messaging[] = [];
      const sources = backends.map(({ id: backendId, name }, index): SourceStatus => {
        const answer = answers[index] as (typeof answers)[number];
        if ('failure' in answer) return { backendId, name, fetchedAt, ...answer.failure };
        for (const item of answer.data.messaging) {
          if (!seen.has(item.id)) messaging.push(item);
          seen.add(item.id);
        }
        return { backendId, name, state: 'ok', fetchedAt };
      });
      return { messaging, sources };
    },
  };
}

function cacheKey(backend: BackendConfig, email: string): string {
  // The base URL is part of the key: a backend pointed elsewhere must not show old data.
  return `${backend.id}|${backend.baseUrl}|${email}`;
}

/** The hex sha256 of the trimmed, lowercased address (the contract's `emailSha256`). */
export async function sha256Hex(email: string): Promise<string> {
  const bytes = new TextEncoder().encode(email.trim().toLowerCase());
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
