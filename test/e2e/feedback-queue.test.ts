import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_KEYS } from '../../server/demo-keys';
import { startServer, type RunningServer } from '../../server/main';
import type { PendingFeedback } from '../../utils/protocol/feedback-protocol';
import type { PageToBackground as ProtocolMap } from '../../utils/protocol/page-to-background';
import {
  storedFeedbackIds,
  unexpectedProblems,
  withExtension,
  type ExtensionSession,
} from './harness';

/**
 * The feedback queue in the real extension: feedback sent from an extension page
 * while the backend is down survives a service-worker restart and reaches the backend
 * exactly once when it is back on the same port and database.
 */

let dataDir: string;
let dbPath: string;
let server: RunningServer | undefined;

function start(port = 0): Promise<RunningServer> {
  return startServer({ port, host: '127.0.0.1', dbPath, log: () => {}, shutdownGraceMs: 100 });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-e2e-feedback-'));
  dbPath = join(dataDir, 'touchpoint.db');
  server = await start();
});
afterAll(async () => {
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/**
 * One protocol message from an extension page, in @webext-core/messaging's wire format
 * (`{id, type, data, timestamp}` → `{res}` or `{err}`), as the sidebar's `sendMessage` sends it.
 */
async function send<K extends keyof ProtocolMap>(
  page: Page,
  type: K,
  data?: Parameters<ProtocolMap[K]>[0],
): Promise<ReturnType<ProtocolMap[K]>> {
  const answer = await page.evaluate(
    async ({ type, data }) => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      };
      return (await chrome.runtime.sendMessage({
        id: Math.floor(Math.random() * 1e9),
        type,
        data,
        timestamp: Date.now(),
      })) as { res?: unknown; err?: { message: string } } | undefined;
    },
    { type, data: data ?? null },
  );
  if (answer?.err) throw new Error(`${type}: ${answer.err.message}`);
  return answer?.res as ReturnType<ProtocolMap[K]>;
}

/**
 * Stops the extension's service worker the way Chrome does when it is idle (the DevTools
 * protocol closes its target); the next event starts a fresh one, with nothing in memory.
 */
async function stopServiceWorker(session: ExtensionSession, page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const worker = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(session.extensionUrl('')),
    );
    if (!worker) throw new Error('The extension has no running service worker to stop.');
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

describe('feedback queue in the browser', () => {
  it('keeps feedback through a backend outage and a service-worker restart, then delivers it once', async () => {
    const running = server as RunningServer;
    const { port } = running;
    await withExtension(
      { backend: { baseUrl: running.url, apiKey: DEMO_KEYS.read } },
      async (session) => {
        const page = await session.openExtensionPage('options.html');
        // The backend collects feedback while it is up.
        await expect
          .poll(() => send(page, 'getFeedbackDestination'), { timeout: 10_000 })
          .toMatchObject({ state: 'ok', backendId: 'test' });

        await running.close();
        server = undefined;
        const queued = await send(page, 'sendFeedback', {
          email: 'jane@acme.example',
          kind: 'messaging_missed',
          messagingId: 'msg-e2e-outage',
        });
        expect(queued).toMatchObject({ state: 'undoable', kind: 'messaging_missed' });
        // After the undo window the background tries, finds no backend, and says so.
        let pending: PendingFeedback[] = [];
        await expect
          .poll(
            async () => {
              pending = await send(page, 'listPendingFeedback');
              return pending.map((p) => [p.id, p.state, p.message !== undefined]);
            },
            { timeout: 20_000 },
          )
          .toEqual([[queued.id, 'waiting', true]]);
        expect(pending[0]?.message).toMatch(/Cannot connect|refused/);

        // A fresh worker: its memory is gone, the queue is in storage.
        await session.serviceWorker.evaluate(() => {
          (globalThis as { touchpointTestMark?: boolean }).touchpointTestMark = true;
        });
        await stopServiceWorker(session, page);
        server = await start(port);
        // Any event starts the worker again; its start sends what is waiting.
        await expect
          .poll(async () => (await send(page, 'listPendingFeedback')).length, {
            timeout: 45_000,
          })
          .toBe(0);
        expect(
          await session.serviceWorker.evaluate(
            () => (globalThis as { touchpointTestMark?: boolean }).touchpointTestMark ?? false,
          ),
        ).toBe(false);
        expect(await storedFeedbackIds(server.url, 'msg-e2e-outage')).toEqual([queued.id]);
        expect(unexpectedProblems(session, [/Failed to fetch|ERR_CONNECTION_REFUSED/])).toBe('');
      },
    );
  });

  it('undoes feedback within the undo window: nothing reaches the backend', async () => {
    const running = server as RunningServer;
    await withExtension(
      { backend: { baseUrl: running.url, apiKey: DEMO_KEYS.read } },
      async (session) => {
        const page = await session.openExtensionPage('options.html');
        // The options page says where feedback goes, and the admin can pick the backend.
        await page.getByText('Feedback goes to Test backend.').waitFor();
        await page.getByLabel('Feedback from reps goes to').selectOption('test');
        await expect
          .poll(() =>
            session.serviceWorker.evaluate(async () => {
              const { chrome } = globalThis as unknown as {
                chrome: {
                  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
                };
              };
              const { backend } = await chrome.storage.local.get('backend');
              return (backend as { feedbackBackendId?: string } | undefined)?.feedbackBackendId;
            }),
          )
          .toBe('test');
        const queued = await send(page, 'sendFeedback', {
          email: 'jane@acme.example',
          kind: 'objection',
          text: 'Integration effort looks high',
          messagingId: 'msg-e2e-undo',
        });
        expect(await send(page, 'undoFeedback', { id: queued.id })).toEqual({ done: true });
        const kept = await send(page, 'sendFeedback', {
          email: 'jane@acme.example',
          kind: 'messaging_landed',
          messagingId: 'msg-e2e-undo',
        });
        await expect
          .poll(() => storedFeedbackIds(running.url, 'msg-e2e-undo'), { timeout: 20_000 })
          .toEqual([kept.id]);
        expect(await send(page, 'listPendingFeedback')).toEqual([]);
        expect(unexpectedProblems(session)).toBe('');
      },
    );
  });
});
