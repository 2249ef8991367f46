import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEMO_KEYS } from '../../server/demo-keys';
import { startServer, type RunningServer } from '../../server/main';
import { saveSettingsGroup } from '../settings/settings-store';
import { getMessagingLibrary, registerLibraryHandlers } from './library-handlers';

/** The background's messaging library: effective settings, the real reference server. */

let server: RunningServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'touchpoint-library-handlers-'));
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dir, 'touchpoint.db'),
    seed: 'demo',
    log: () => {},
  });
  fakeBrowser.reset();
  registerLibraryHandlers();
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await fakeBrowser.storage.local.clear();
  await fakeBrowser.storage.sync.clear();
});

const backend = (enabled: boolean) => ({
  id: 'ref',
  name: 'Reference',
  baseUrl: server.url,
  apiKey: DEMO_KEYS.read,
  enabled,
});

async function send(type: string, sender: { url?: string }) {
  const answers = await (
    fakeBrowser.runtime.onMessage as unknown as {
      trigger(message: unknown, sender: unknown): Promise<unknown[]>;
    }
  ).trigger({ id: 1, type, data: undefined, timestamp: 0 }, sender);
  return answers.find((a) => a !== undefined) as { res?: unknown; err?: { message: string } };
}

describe('getMessagingLibrary', () => {
  it('says not_configured without an enabled backend', async () => {
    await saveSettingsGroup('backends', { backends: [backend(false)] });
    expect(await getMessagingLibrary()).toMatchObject({
      state: 'not_configured',
      message: expect.stringMatching(/options page/),
    });
  });

  it('reads the library of the enabled backends', async () => {
    await saveSettingsGroup('backends', { backends: [backend(true)] });
    const answer = await getMessagingLibrary();
    expect(answer.state).toBe('ok');
    if (answer.state !== 'ok') return;
    expect(answer.sources).toEqual([expect.objectContaining({ backendId: 'ref' })]);
    expect(answer.entries.length).toBe((await server.store.listMessaging({})).length);
  });

  it('answers extension pages only', async () => {
    await saveSettingsGroup('backends', { backends: [backend(true)] });
    const refused = await send('getMessagingLibrary', { url: 'https://mail.google.com/mail/' });
    expect(refused.err?.message).toMatch(/Only the extension/);
    const page = { url: fakeBrowser.runtime.getURL('/library.html') };
    const answered = await send('getMessagingLibrary', page);
    expect(answered.res).toMatchObject({ state: 'ok' });
  });
});
