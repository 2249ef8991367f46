import type { z } from 'zod';

/** One line naming the first few invalid paths, e.g. `results[0].contact.updatedAt: expected string`. */
export function describeZodError(error: z.ZodError, max = 3): string {
  const lines = error.issues.slice(0, max).map((issue) => {
    const path = issue.path.reduce<string>(
      (acc, part) =>
        typeof part === 'number'
          ? `${acc}[${part}]`
          : acc
            ? `${acc}.${String(part)}`
            : String(part),
      '',
    );
    return `${path || '(root)'}: ${issue.message}`;
  });
  const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : '';
  return lines.join('; ') + more;
}

/** The contract's error codes with their HTTP status. */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** `a.b[0].c` from a zod issue path; `(root)` for the value itself. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  const text = path.reduce<string>(
    (acc, part) =>
      typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
    '',
  );
  return text || '(root)';
}

/** The stack of a thrown value when it has one, for logs (never for a client). */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The message of a caught error, for a sentence shown to the user or logged. */
export function errorText(error: unknown, fallback = 'unknown error'): string {
  if (error instanceof Error) return error.message || fallback;
  return typeof error === 'string' && error !== '' ? error : fallback;
}
