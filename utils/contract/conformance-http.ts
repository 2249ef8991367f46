/**
 * The conformance checker's HTTP side: one client that calls the Context API by its route
 * table and records every exchange, and the assertions on an exchange, each returning a
 * problem sentence that names the field path (or null when fine).
 *
 * Pure apart from `fetch`: runs in Node, in tests and could run in a browser.
 */
import type { z } from 'zod';
import { describeZodError, errorText } from './errors';
import { ROUTES, routePath, type RouteId } from './routes';
import { ErrorBody } from './schemas';

export interface ConformanceOptions {
  /** Base URL, the part before `/v1`. */
  url: string;
  /** A key with scope `read`. */
  key: string;
  /** A key with scope `write`: the checker then creates its own test contact and events. */
  writeKey?: string;
  /** A contact the backend knows (used for the lookup checks instead of a created one). */
  email?: string;
  /** Per request. Default 8000. */
  timeoutMs?: number;
  /** A response slower than this fails the response-time check. Default 2000. */
  slowMs?: number;
  fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 8000;

export interface Exchange {
  label: string;
  status: number;
  contentType: string;
  text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  body: unknown;
  ms: number;
}

/** The request did not get an answer (refused, DNS, timeout): every check says so plainly. */
export class RequestFailed extends Error {}

interface SendOptions {
  /** null = no Authorization header. */
  key: string | null;
  body?: unknown;
  rawBody?: string;
  /** The route's path parameters. */
  params?: Record<string, string>;
  query?: URLSearchParams;
}

export interface Client {
  /** Calls one endpoint of the route table. */
  call(route: RouteId, options: SendOptions): Promise<Exchange>;
  /** Calls a path that is not in the table (a route that must not exist). */
  send(method: string, path: string, options: SendOptions): Promise<Exchange>;
  /** Every exchange so far, in order. */
  exchanges: Exchange[];
}

export function createClient(options: ConformanceOptions): Client {
  const base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;
  const exchanges: Exchange[] = [];

  async function send(method: string, path: string, send: SendOptions): Promise<Exchange> {
    const relative = path.replace(/^\//, '');
    const url = new URL(send.query ? `${relative}?${send.query}` : relative, base);
    const label = `${method} /${relative.split('?')[0]}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (send.key !== null) headers.authorization = `Bearer ${send.key}`;
    const payload =
      send.rawBody ?? (send.body === undefined ? undefined : JSON.stringify(send.body));
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method,
        headers,
        body: payload,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      });
      text = await response.text();
    } catch (error) {
      throw new RequestFailed(describeFetchError(error, url, timeoutMs));
    }
    const ms = Math.round(performance.now() - started);
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    const exchange: Exchange = {
      label,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text,
      body,
      ms,
    };
    exchanges.push(exchange);
    return exchange;
  }

  const call = (id: RouteId, options: SendOptions) => {
    const route = ROUTES[id];
    return send(route.method.toUpperCase(), routePath(route, options.params), options);
  };

  return { call, send, exchanges };
}

function describeFetchError(error: unknown, url: URL, timeoutMs: number): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `${url.pathname} did not answer within ${timeoutMs} ms (raise --timeout-ms if the backend is slow)`;
  }
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string }) : undefined;
  const reason = cause?.code ?? cause?.message ?? errorText(error);
  return `cannot connect to ${url.origin} (${reason}); is the backend running and the --url right?`;
}

// ---------------------------------------------------------------------------------------
// Assertions: each returns a problem sentence, or null when fine

export function idProblem(exchange: Exchange, id: string): string | null {
  const got = field(exchange.body, 'id');
  return got === id ? null : `${exchange.label}: id: expected "${id}", got ${show(got)}`;
}

export function isHtml(exchange: Exchange): boolean {
  return (
    /html/i.test(exchange.contentType) || /^\s*<(!doctype|html|head|body)/i.test(exchange.text)
  );
}

function isJson(exchange: Exchange): boolean {
  return /^application\/([\w.+-]*\+)?json/i.test(exchange.contentType.trim());
}

function whatCameBack(exchange: Exchange): string {
  if (isHtml(exchange)) return `an HTML page (content-type "${exchange.contentType}")`;
  if (exchange.text === '') return 'an empty body';
  const snippet = exchange.text.replace(/\s+/g, ' ').slice(0, 80);
  return `${exchange.contentType ? `${exchange.contentType} ` : ''}"${snippet}${exchange.text.length > 80 ? '…' : ''}"`;
}

export function expectStatus(exchange: Exchange, status: number): string | null {
  if (exchange.status === status) return null;
  const hint =
    status < 400 && (exchange.status === 401 || exchange.status === 403)
      ? ' (the key was refused: check it and its scope)'
      : '';
  return `${exchange.label}: expected HTTP ${status}, got ${exchange.status} with ${whatCameBack(exchange)}${hint}`;
}

function expectJsonBody(exchange: Exchange): string | null {
  if (!isJson(exchange)) {
    return `${exchange.label}: expected content-type application/json, got ${whatCameBack(exchange)}`;
  }
  if (exchange.body === undefined) {
    return `${exchange.label}: the body is not valid JSON (${whatCameBack(exchange)})`;
  }
  return null;
}

/** The status and a JSON body: what every successful answer needs first. */
export function expectJson(exchange: Exchange, status: number): string | null {
  return expectStatus(exchange, status) ?? expectJsonBody(exchange);
}

export function expectSchema<T>(
  exchange: Exchange,
  schema: z.ZodType<T>,
  name: string,
): { ok: true; data: T } | { ok: false; problem: string } {
  const parsed = schema.safeParse(exchange.body);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    problem: `${exchange.label}: the body is not a valid ${name}: ${describeZodError(parsed.error)}`,
  };
}

/** A contract error: the status, JSON, `{error: {code, message}}` and the code. */
export function expectError(exchange: Exchange, status: number, code: string): string | null {
  const problem = expectJson(exchange, status);
  if (problem) return problem;
  const parsed = expectSchema(exchange, ErrorBody, 'error body {"error": {"code", "message"}}');
  if (!parsed.ok) return parsed.problem;
  if (parsed.data.error.code !== code) {
    return `${exchange.label}: error.code: expected "${code}", got "${parsed.data.error.code}"`;
  }
  return null;
}

/** Raw access, for checks that must still work when the body fails its schema elsewhere. */
export function field(value: unknown, key: string | number): unknown {
  return value !== null && typeof value === 'object'
    ? (value as Record<string | number, unknown>)[key]
    : undefined;
}

export function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** Problems with `engagements` (raw) order: newest first, valid times. */
export function engagementOrderProblem(engagements: unknown[], path: string): string | null {
  let previous = Infinity;
  for (let i = 0; i < engagements.length; i++) {
    const occurredAt = field(engagements[i], 'occurredAt');
    const time = typeof occurredAt === 'string' ? Date.parse(occurredAt) : NaN;
    if (Number.isNaN(time)) {
      return `${path}[${i}].occurredAt: expected an ISO-8601 time, got ${show(occurredAt)}`;
    }
    if (time > previous) {
      return `${path}[${i}].occurredAt (${String(occurredAt)}) is newer than ${path}[${i - 1}].occurredAt (${String(field(engagements[i - 1], 'occurredAt'))}): engagements must come newest first`;
    }
    previous = time;
  }
  return null;
}
