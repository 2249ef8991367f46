/**
 * The local audit log of lookups (settings: privacy.auditLog): time, site, contact (or its
 * hash when lookups are hashed), backend and outcome; the last 500, in storage.local. Nothing
 * leaves the browser unless the admin exports it from the options page.
 */
import { storage } from 'wxt/utils/storage';
import type { AuditEntry } from '../protocol/protocol';
import { serial } from '../settings/serial-update';
import { effectiveSettings } from './effective-settings';

export type { AuditEntry };

export const AUDIT_LOG_LIMIT = 500;

/** Oldest first. */
export const auditLog = storage.defineItem<AuditEntry[]>('local:auditLog', {
  fallback: [],
  version: 1,
});

/** `sha256:<hex>` of the lowercased address, as hashed lookups send it. */
export async function hashContact(email: string): Promise<string> {
  const bytes = new TextEncoder().encode(email.trim().toLowerCase());
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `sha256:${hex}`;
}

// Lookups finish concurrently: one write at a time, or two would each drop the other's entry.
const writes = serial();
const serially = writes.run;

/**
 * Records one lookup when the audit log is on. With hashed lookups on, only the hash is kept
 * (the address never reached the backend, so it is not kept either).
 */
export function recordLookup(entry: AuditEntry): Promise<void> {
  return serially(async () => {
    const { privacy } = await effectiveSettings();
    if (!privacy.auditLog) return;
    const contact =
      privacy.hashedLookups && !entry.contact.startsWith('sha256:')
        ? await hashContact(entry.contact)
        : entry.contact;
    const entries = await auditLog.getValue();
    await auditLog.setValue([...entries, { ...entry, contact }].slice(-AUDIT_LOG_LIMIT));
  });
}

export function listAuditLog(): Promise<AuditEntry[]> {
  return auditLog.getValue();
}

export function clearAuditLog(): Promise<void> {
  return serially(() => auditLog.removeValue());
}
