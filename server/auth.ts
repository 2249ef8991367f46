import { createHash } from 'node:crypto';
import { SCOPES, type Scope } from '../utils/contract/routes';

/** Keys per scope; a scope takes one key or several. */
export type KeysConfig = Partial<Record<Scope, string | readonly string[]>>;

/** What a valid key grants: its scope and a loggable id (never the key itself). */
export interface KeyGrant {
  scope: Scope;
  keyId: string;
}

const SCOPE_RANK: Record<Scope, number> = { read: 0, write: 1, admin: 2 };

/** admin implies write and read; write implies read. */
export function scopeAllows(granted: Scope, needed: Scope): boolean {
  return SCOPE_RANK[granted] >= SCOPE_RANK[needed];
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

const MIN_KEY_LENGTH = 8;

/**
 * Parses `TOUCHPOINT_KEYS` ("read:<key>,write:<key>,admin:<key>", scopes may repeat).
 * Throws an Error whose message says which entry is wrong and what the format is.
 */
export function parseKeysEnv(value: string): KeysConfig {
  const format = 'expected comma-separated scope:key pairs, e.g. "read:abc123xyz,admin:def456uvw"';
  const keys: Record<Scope, string[]> = { read: [], write: [], admin: [] };
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new Error(`TOUCHPOINT_KEYS is empty: ${format}.`);
  entries.forEach((entry, index) => {
    const colon = entry.indexOf(':');
    const scope = colon === -1 ? '' : entry.slice(0, colon).trim();
    const key = colon === -1 ? '' : entry.slice(colon + 1).trim();
    if (!(SCOPES as readonly string[]).includes(scope)) {
      throw new Error(
        `TOUCHPOINT_KEYS entry ${index + 1} has scope "${scope || entry}"; scopes are read, write and admin (${format}).`,
      );
    }
    if (key.length < MIN_KEY_LENGTH || /\s/.test(key)) {
      throw new Error(
        `TOUCHPOINT_KEYS entry ${index + 1} (${scope}) needs a key of at least ${MIN_KEY_LENGTH} characters without spaces.`,
      );
    }
    keys[scope as Scope].push(key);
  });
  return keys;
}

/** Resolves presented bearer keys to grants; keys are held and compared as sha256 digests. */
export class KeyRing {
  private readonly grants = new Map<string, KeyGrant>();

  constructor(config: KeysConfig) {
    for (const scope of SCOPES) {
      const value = config[scope];
      const list = typeof value === 'string' ? [value] : (value ?? []);
      for (const key of list) {
        if (key.length === 0) throw new Error(`An empty ${scope} key is not allowed.`);
        const digest = hashKey(key);
        const existing = this.grants.get(digest);
        // The same key listed under two scopes gets the wider one.
        if (!existing || SCOPE_RANK[scope] > SCOPE_RANK[existing.scope]) {
          this.grants.set(digest, { scope, keyId: `${scope}:${digest.slice(0, 8)}` });
        }
      }
    }
  }

  get size(): number {
    return this.grants.size;
  }

  /** The grant for an `Authorization` header value, or null when absent or unknown. */
  resolve(authorization: string | undefined): KeyGrant | null {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) return null;
    return this.grants.get(hashKey(match[1])) ?? null;
  }
}
