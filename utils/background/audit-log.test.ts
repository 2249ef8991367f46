import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { privacySettings } from '../settings/items';
import { DEFAULT_PRIVACY_SETTINGS } from '../settings/schema';
import {
  AUDIT_LOG_LIMIT,
  clearAuditLog,
  listAuditLog,
  recordLookup,
  type AuditEntry,
} from './audit-log';

beforeEach(() => fakeBrowser.reset());

const entry = (contact: string, time = 1767225600000): AuditEntry => ({
  time,
  site: 'gmail',
  contact,
  backendId: 'gw',
  outcome: 'matched',
});

describe('audit log', () => {
  it('records lookups while privacy.auditLog is on, and nothing when it is off', async () => {
    await recordLookup(entry('jane@client.example'));
    expect(await listAuditLog()).toEqual([entry('jane@client.example')]);
    await privacySettings.setValue({ ...DEFAULT_PRIVACY_SETTINGS, auditLog: false });
    await recordLookup(entry('raj@client.example'));
    expect(await listAuditLog()).toHaveLength(1);
  });

  it('follows the team policy, not only the stored setting', async () => {
    await fakeBrowser.storage.managed.set({ privacy: { auditLog: false } });
    await recordLookup(entry('jane@client.example'));
    expect(await listAuditLog()).toEqual([]);
  });

  it('keeps only the hash when lookups are hashed', async () => {
    await privacySettings.setValue({ ...DEFAULT_PRIVACY_SETTINGS, hashedLookups: true });
    await recordLookup(entry('Jane@Client.example'));
    const hex = createHash('sha256').update('jane@client.example').digest('hex');
    const [stored] = await listAuditLog();
    expect(stored?.contact).toBe(`sha256:${hex}`);
    expect(JSON.stringify(await listAuditLog())).not.toContain('jane');
  });

  it('keeps the last 500, also when lookups finish together', async () => {
    await Promise.all(
      Array.from({ length: AUDIT_LOG_LIMIT + 5 }, (_, i) =>
        recordLookup(entry(`u${i}@client.example`, i)),
      ),
    );
    const entries = await listAuditLog();
    expect(entries).toHaveLength(AUDIT_LOG_LIMIT);
    expect(entries[0]?.contact).toBe('u5@client.example');
    expect(entries.at(-1)?.contact).toBe(`u${AUDIT_LOG_LIMIT + 4}@client.example`);
  });

  it('clears', async () => {
    await recordLookup(entry('jane@client.example'));
    await clearAuditLog();
    expect(await listAuditLog()).toEqual([]);
  });
});
