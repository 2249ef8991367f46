import { ApiError } from './api-error';

/**
 * Opaque page cursors: base64url JSON of a keyset position. Keyset (not offset) paging means
 * events that arrive while a client pages do not shift later pages: no duplicates, no gaps.
 */

export interface EngagementCursor {
  contactId: string;
  occurredMs: number;
  id: string;
  sinceMs?: number;
}

export interface FeedbackCursor {
  receivedMs: number;
  id: string;
}

function encode(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode(cursor: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function badCursor(): ApiError {
  return new ApiError(
    'invalid_request',
    'The cursor is not one this server issued. Pass the nextCursor (or engagementsCursor) value unchanged, or omit it to start from the newest.',
    [{ path: 'cursor', message: 'unrecognised cursor' }],
  );
}

export function encodeEngagementCursor(cursor: EngagementCursor): string {
  return encode({
    v: 1,
    c: cursor.contactId,
    t: cursor.occurredMs,
    i: cursor.id,
    ...(cursor.sinceMs === undefined ? {} : { s: cursor.sinceMs }),
  });
}

/** Decodes a cursor for this contact, or throws a 400 `invalid_request`. */
export function decodeEngagementCursor(cursor: string, contactId: string): EngagementCursor {
  const value = decode(cursor);
  if (
    !value ||
    value.v !== 1 ||
    typeof value.c !== 'string' ||
    typeof value.t !== 'number' ||
    !Number.isFinite(value.t) ||
    typeof value.i !== 'string' ||
    (value.s !== undefined && typeof value.s !== 'number')
  ) {
    throw badCursor();
  }
  if (value.c !== contactId) {
    throw new ApiError(
      'invalid_request',
      'This cursor belongs to another contact. Use it with the contact it came from.',
      [{ path: 'cursor', message: 'cursor of another contact' }],
    );
  }
  return {
    contactId: value.c,
    occurredMs: value.t,
    id: value.i,
    ...(typeof value.s === 'number' ? { sinceMs: value.s } : {}),
  };
}

export function encodeFeedbackCursor(cursor: FeedbackCursor): string {
  return encode({ v: 1, f: 1, t: cursor.receivedMs, i: cursor.id });
}

export function decodeFeedbackCursor(cursor: string): FeedbackCursor {
  const value = decode(cursor);
  if (
    !value ||
    value.v !== 1 ||
    value.f !== 1 ||
    typeof value.t !== 'number' ||
    typeof value.i !== 'string'
  ) {
    throw badCursor();
  }
  return { receivedMs: value.t, id: value.i };
}
