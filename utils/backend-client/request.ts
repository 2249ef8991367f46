/**
 * One request to a backend, as every client here makes it: the contract's auth header, the
 * answer parsed with its zod schema, and every failure turned into a state whose message
 * says what to do (the context client, the messaging library, the connection test's words).
 */
import { HTTPError, TimeoutError, type KyInstance } from 'ky';
import type { z } from 'zod';
import type { BackendConfig } from '../settings/schema';
import type { Failure } from './context-merge';
import { describeZodError } from '../contract/errors';
import { describeNetworkFailure } from './health';
import { ErrorBody } from '../contract/schemas';

/** `Retry-After` (seconds or an HTTP date) in ms, or undefined. */
export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : date - Date.now();
}

/** A GET (or a POST with `json`) parsed with `schema`; failures become states. Never rejects. */
export async function requestJson<S extends z.ZodType>(
  http: KyInstance,
  backend: BackendConfig,
  path: string,
  schema: S,
  what: string,
  json?: unknown,
): Promise<{ data: z.infer<S> } | { failure: Failure }> {
  const base = backend.baseUrl.endsWith('/') ? backend.baseUrl : `${backend.baseUrl}/`;
  const url = new URL(path, base);
  let text: string;
  try {
    const response = await http(url, {
      method: json === undefined ? 'get' : 'post',
      json,
      headers: { authorization: `Bearer ${backend.apiKey}` },
    });
    text = await response.text();
  } catch (error) {
    return { failure: await describeRequestFailure(backend, url, error) };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {
      failure: {
        state: 'not_context_api',
        message: `${backend.name} (${url.pathname}) did not answer with JSON (it starts with "${text.trimStart().slice(0, 40)}"). Check the base URL in the options: it is the part before /v1.`,
      },
    };
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return { data: parsed.data };
  return {
    failure: {
      state: 'not_context_api',
      message: `${backend.name} answered, but not as a Context API ${what}: ${describeZodError(parsed.error)}. Ask its admin to check it against the contract (npm run conformance).`,
    },
  };
}

/** The backend's own error message, when it sent the contract's error body. */
async function errorMessage(response: Response): Promise<string> {
  try {
    const parsed = ErrorBody.safeParse(await response.clone().json());
    return parsed.success ? ` (${parsed.data.error.message})` : '';
  } catch {
    return '';
  }
}

export async function describeRequestFailure(
  backend: BackendConfig,
  url: URL,
  error: unknown,
): Promise<Failure> {
  const { name } = backend;
  if (error instanceof TimeoutError) {
    return {
      state: 'timeout',
      message: `${name} did not answer in time. It may be overloaded or behind a slow proxy; try again in a moment.`,
    };
  }
  if (error instanceof HTTPError) {
    const { status } = error.response;
    const said = await errorMessage(error.response);
    if (status === 401 || status === 403) {
      return {
        state: 'unauthorized',
        message: `${name} refused the API key (HTTP ${status})${said}. Check the key in the options and that it has the "read" scope.`,
      };
    }
    if (status === 429) {
      const wait = retryAfterMs(error.response.headers.get('retry-after'));
      return {
        state: 'server_error',
        message: `${name} is rate limiting this key (HTTP 429)${said}. Try again${wait ? ` in ${Math.ceil(wait / 1000)} s` : ' later'}.`,
      };
    }
    if (status >= 500) {
      return {
        state: 'server_error',
        message: `${name} failed (HTTP ${status})${said}. Try again later; if it persists, its admin should check the backend's logs.`,
      };
    }
    if (status === 404) {
      return {
        state: 'not_context_api',
        message: `${name} has no ${url.pathname} (HTTP 404)${said}. Check the base URL in the options (the part before /v1), and that the backend serves this part of the Context API.`,
      };
    }
    return {
      state: 'not_context_api',
      message: `${name} answered HTTP ${status} to ${url.pathname}${said}: not what a Context API answers. Check the base URL in the options (the part before /v1).`,
    };
  }
  return {
    state: 'unreachable',
    // The same wording as the connection test: DNS, refused, TLS or what to check.
    message: `${name}: ${describeNetworkFailure(url, error)}`,
  };
}
