import type { z } from 'zod';
import {
  describeZodError,
  ERROR_STATUS,
  formatIssuePath,
  type ErrorCode,
} from '../utils/contract/errors';
import type { ErrorBody } from '../utils/contract/schemas';

/** A failure a route reports to the client; the app turns it into the contract's error body. */
export class ApiError extends Error {
  readonly status: (typeof ERROR_STATUS)[ErrorCode];

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

/** 400 naming every invalid path, e.g. `contacts[0].email: not a valid email address`. */
function invalidRequestFromZod(what: string, error: z.ZodError): ApiError {
  return new ApiError(
    'invalid_request',
    `Invalid ${what}: ${describeZodError(error)}`,
    error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
  );
}

/** Parse with a schema or throw a 400 that names the bad paths. */
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidRequestFromZod(what, parsed.error);
  return parsed.data;
}
