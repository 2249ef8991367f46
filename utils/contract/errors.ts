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

/** The message of a caught error, for a sentence shown to the user or logged. */
export function errorText(error: unknown, fallback = 'unknown error'): string {
  if (error instanceof Error) return error.message || fallback;
  return typeof error === 'string' && error !== '' ? error : fallback;
}
