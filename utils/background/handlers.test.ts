import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { detectedOwnEmails } from '../settings/items';
import { auditLog } from './audit-log';
import { registerBackgroundHandlers } from './handlers';
import { getTabContacts } from './tab-contacts';

/**
 * Messages only extension pages may send: the sender's URL decides. The fake browser's
 * runtime.sendMessage delivers to the listeners with the sender we pass.
 */
const ENTRY = {
  time: 1,
  site: 'gmail',
  contact: 'jane@client.example',
  backendId: 'gw',
  outcome: 'matched' as const,
};

async function send(type: string, data: unknown, sender: { url?: string; tab?: { id: number } }) {
  const listeners = (
    fakeBrowser.runtime.onMessage as unknown as {
      trigger(message: unknown, sender: unknown): Promise<unknown[]>;
    }
  ).trigger({ id: 1, type, data, timestamp: 0 }, sender);
  const answers = await listeners;
  const answer = answers.find((a) => a !== undefined) as {
    res?: unknown;
    err?: { name: string; code?: string; message: string };
  };
  return answer;
}

// The messaging library allows one listener per message and context: register once.
beforeAll(() => {
  fakeBrowser.reset();
  // Not in the fake browser; custom domains are tested in custom-domains.test.ts.
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => {});
  // Nor is the shortcut; it is tested in launcher-handlers.test.ts and the browser tests.
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  registerBackgroundHandlers();
});
beforeEach(() => fakeBrowser.storage.local.clear());

describe('extension-page-only messages', () => {
  const page = { url: fakeBrowser.runtime.getURL('/options.html') };
  const contentScript = { url: 'https://mail.google.com/mail/u/0/', tab: { id: 3 } };

  it('gives the audit log to extension pages only, and only they clear it', async () => {
    await auditLog.setValue([ENTRY]);
    const refused = await send('getAuditLog', undefined, contentScript);
    expect(refused.res).toBeUndefined();
    expect(refused.err).toMatchObject({ name: 'RefusedError', code: 'not_extension_page' });
    expect((await send('getAuditLog', undefined, page)).res).toEqual([ENTRY]);
    expect((await send('clearAuditLog', undefined, contentScript)).err?.name).toBe('RefusedError');
    expect(await auditLog.getValue()).toEqual([ENTRY]);
    await send('clearAuditLog', undefined, page);
    expect(await auditLog.getValue()).toEqual([]);
  });

  it('tests a backend for an extension page only', async () => {
    const refused = await send('testBackend', { baseUrl: 'x', apiKey: 'k' }, contentScript);
    expect(refused.err).toMatchObject({ name: 'RefusedError', code: 'not_extension_page' });
    expect(refused.err?.message).toMatch(/Only the extension’s own pages/);
    const answered = await send('testBackend', { baseUrl: 'x', apiKey: 'k' }, page);
    expect(answered.res).toMatchObject({ kind: 'bad_url' });
  });
});

describe('contactsDetected', () => {
  it('stores the tab’s contacts even when remembering own addresses fails', async () => {
    vi.spyOn(detectedOwnEmails, 'setValue').mockRejectedValueOnce(new Error('QUOTA_BYTES'));
    const contacts = [
      { email: 'raj@globex.example', role: 'sender', site: 'gmail', confidence: 1 },
    ];
    const answer = await send(
      'contactsDetected',
      { url: 'https://mail.google.com/mail/u/0/', contacts, ownEmails: ['me@acme.example'] },
      { url: 'https://mail.google.com/mail/u/0/', tab: { id: 7 } },
    );
    expect(answer.err).toBeUndefined();
    expect((await getTabContacts(7))?.contacts).toEqual(contacts);
  });
});
