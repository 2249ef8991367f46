import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Feedback } from '../../utils/contract/schemas';
import { DEMO_KEYS } from '../../server/demo-keys';
import { startServer } from '../../server/main';
import type { RunningServer } from '../../server/main';
import { DEMO_PROMINENT_CONTACTS, DEMO_SCENARIOS } from '../../server/seed/demo';
import { screenshot, tabContactsOf, unexpectedProblems, withExtension } from './harness';
import type { ExtensionSession } from './harness';

/**
 * The rep's feedback from the sidebar against the reference server's demo data:
 * what the buttons and the objection form queue reaches `GET /v1/feedback` once, after the
 * undo window, and an undone choice never does. Dana (the demo's richest contact) saw both
 * versions of the TCO messaging.
 */

let server: RunningServer;
let dataDir: string;
const DANA = DEMO_PROMINENT_CONTACTS[0] as string;
const [TCO_V1, TCO_V2] = DEMO_SCENARIOS.conflictingPair;

function start(dbName: string, port = 0): Promise<RunningServer> {
  return startServer({
    port,
    host: '127.0.0.1',
    dbPath: join(dataDir, dbName),
    seed: 'demo',
    log: () => {},
    shutdownGraceMs: 100,
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-e2e-sidebar-feedback-'));
  server = await start('touchpoint.db');
});
afterAll(async () => {
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Every feedback item the backend holds for a query (all pages), read with the demo read key. */
async function storedFeedback(
  running: RunningServer,
  query: { messagingId?: string; assetId?: string },
): Promise<Feedback[]> {
  const all: Feedback[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams(query as Record<string, string>);
    if (cursor) params.set('cursor', cursor);
    const response = await fetch(`${running.url}/v1/feedback?${params}`, {
      headers: { authorization: `Bearer ${DEMO_KEYS.read}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { feedback: Feedback[]; nextCursor: string | null };
    all.push(...body.feedback);
    cursor = body.nextCursor;
  } while (cursor);
  return all;
}

/** The items of `kind` about Dana that were not in `before`. */
function newItems(items: Feedback[], before: Feedback[], kind: Feedback['kind']): Feedback[] {
  const old = new Set(before.map((item) => item.id));
  return items.filter(
    (item) => !old.has(item.id) && item.kind === kind && item.contact.email === DANA,
  );
}

/** The sidebar for the demo inbox (Dana's message open), once her context shows. */
async function openDanaSidebar(session: ExtensionSession, running = server): Promise<Page> {
  const inbox = await session.newPage();
  const url = `${running.url}/demo`;
  await inbox.goto(url);
  const { tabId } = await tabContactsOf(session, url);
  const page = await session.newPage();
  await page.setViewportSize({ width: 420, height: 900 });
  await page.goto(session.extensionUrl(`sidebar.html?tabId=${tabId}`));
  await page.locator('#messaging-section .messaging-item').first().waitFor({ timeout: 15_000 });
  return page;
}

function messagingEntry(page: Page, messagingId: string) {
  return page.locator(`#messaging-section [data-messaging-id="${messagingId}"]`);
}

/** "Total cost of ownership v2", from the backend's messaging library. */
async function messagingNames(running: RunningServer): Promise<Map<string, string>> {
  const response = await fetch(`${running.url}/v1/messaging`, {
    headers: { authorization: `Bearer ${DEMO_KEYS.read}` },
  });
  const body = (await response.json()) as {
    messaging: { id: string; theme: string; version?: string | number }[];
  };
  return new Map(
    body.messaging.map((m) => [
      m.id,
      m.version === undefined ? m.theme : `${m.theme} v${m.version}`,
    ]),
  );
}

describe('the Messaging view’s exposure', () => {
  it('lists what reached Dana, most recent first, flagging the outdated entry and the conflicting pair', async () => {
    await withExtension({ backend: { baseUrl: server.url, apiKey: DEMO_KEYS.read } }, async (s) => {
      const page = await openDanaSidebar(s);
      const names = await messagingNames(server);
      const items = page.locator('#messaging-section .messaging-item');

      // Every entry says when and how often it reached her; dated ones come newest first.
      const lines = await items.getByTestId('exposure').allTextContents();
      expect(lines.length).toBe(await items.count());
      for (const line of lines) {
        expect(line).toMatch(/^(Carried by \d+ touch(es)?|No loaded touch carried it) · .+/);
      }
      const times = (
        await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-last-exposure')))
      ).flatMap((iso) => (iso ? [Date.parse(iso)] : []));
      expect(times.length).toBeGreaterThan(1);
      expect(times).toEqual([...times].sort((a, b) => b - a));

      // The expired v1: outdated, in words; both versions flag each other, with why.
      const v1 = messagingEntry(page, TCO_V1);
      const v2 = messagingEntry(page, TCO_V2);
      expect(await v1.getAttribute('data-outdated')).toBe('true');
      expect(await v1.locator('summary').textContent()).toContain("Outdated — don't repeat");
      expect(await v2.getAttribute('data-outdated')).toBe('false');
      expect(await v2.locator('summary').textContent()).not.toContain('Outdated');
      for (const line of [
        await v1.getByTestId('exposure').textContent(),
        await v2.getByTestId('exposure').textContent(),
      ]) {
        expect(line).toMatch(/^Carried by \d+ touch(es)? · (first seen .+ · last .+|seen .+)$/);
      }
      const phrase = DEMO_SCENARIOS.conflictingPhrase;
      const v1Flag = v1.locator(`.flag.conflict[data-with="${TCO_V2}"]`);
      expect(await v1Flag.textContent()).toMatch(
        new RegExp(
          `^Conflicts with ${names.get(TCO_V2)}: this says “${phrase}” .*which it says to avoid`,
        ),
      );
      const v2Flag = v2.locator(`.flag.conflict[data-with="${TCO_V1}"]`);
      expect(await v2Flag.textContent()).toMatch(
        new RegExp(
          `^Conflicts with ${names.get(TCO_V1)}: this says to avoid “${phrase}”, which it says`,
        ),
      );
      // Other entries that avoid the phrase v1 uses conflict with v1 too; each flag names an
      // entry she saw.
      const shown = await items.evaluateAll((els) =>
        els.map((el) => el.getAttribute('data-messaging-id')),
      );
      const pairs = await items
        .locator('.flag.conflict')
        .evaluateAll((flags) =>
          flags.map((flag) => [
            flag.closest('.messaging-item')?.getAttribute('data-messaging-id'),
            flag.getAttribute('data-with'),
          ]),
        );
      expect(pairs).toEqual(
        expect.arrayContaining([
          [TCO_V1, TCO_V2],
          [TCO_V2, TCO_V1],
        ]),
      );
      for (const [, other] of pairs) expect(shown).toContain(other);

      // The library opens in a new tab.
      const library = page.locator('#messaging-section').getByRole('link', {
        name: 'Open the messaging library',
      });
      expect(await library.getAttribute('href')).toBe(s.extensionUrl('library.html'));
      expect(await library.getAttribute('target')).toBe('_blank');
      expect(await library.getAttribute('rel')).toBe('noopener');

      await v1.locator('summary').click();
      await page.locator('#messaging-section').scrollIntoViewIfNeeded();
      await screenshot(page, 'sidebar-exposure');
      expect(unexpectedProblems(s)).toBe('');
    });
  });
});

describe('feedback from the sidebar', () => {
  it('Missed on a messaging entry arrives once after the undo window; an undone Landed never does', async () => {
    await withExtension({ backend: { baseUrl: server.url, apiKey: DEMO_KEYS.read } }, async (s) => {
      const page = await openDanaSidebar(s);
      const before = await storedFeedback(server, { messagingId: TCO_V2 });

      const entry = messagingEntry(page, TCO_V2);
      const missed = entry.getByRole('button', { name: /^Missed/ });
      const landed = entry.getByRole('button', { name: /^Landed/ });
      expect(await missed.getAttribute('aria-pressed')).toBe('false');
      await missed.click();
      // The confirmation, with Undo for the window.
      const status = entry.getByRole('status');
      await expect.poll(() => status.textContent()).toMatch(/^Saved “Missed”/);
      expect(await missed.getAttribute('aria-pressed')).toBe('true');
      expect(await landed.getAttribute('aria-pressed')).toBe('false');
      expect(await entry.getByRole('button', { name: /^Undo/ }).count()).toBe(1);
      await screenshot(page, 'sidebar-feedback');

      // After the window: one new item of that kind, for Dana; the choice stays pressed.
      await expect
        .poll(
          async () =>
            newItems(
              await storedFeedback(server, { messagingId: TCO_V2 }),
              before,
              'messaging_missed',
            ).length,
          { timeout: 20_000 },
        )
        .toBe(1);
      await expect.poll(() => entry.getByRole('button', { name: /^Undo/ }).count()).toBe(0);
      await expect.poll(() => status.textContent()).toBe('Recorded “Missed” for marketing.');
      expect(await missed.getAttribute('aria-pressed')).toBe('true');
      // Pressing it again does not send it twice.
      await missed.click();
      await expect.poll(() => status.textContent()).toContain('not sent twice');

      // Landed on v1, undone inside the window.
      const v1 = messagingEntry(page, TCO_V1);
      const v1Before = await storedFeedback(server, { messagingId: TCO_V1 });
      const v1Landed = v1.getByRole('button', { name: /^Landed/ });
      await v1Landed.click();
      await v1.getByRole('button', { name: /^Undo/ }).click();
      await expect.poll(() => v1.getByRole('status').textContent()).toMatch(/^Undone/);
      expect(await v1Landed.getAttribute('aria-pressed')).toBe('false');
      // The queue sends oldest first: once a later item has arrived, the undone one would have.
      const asset = page.locator('#content-section .asset').first();
      const assetId = (await asset.getAttribute('data-asset-id')) as string;
      const assetBefore = await storedFeedback(server, { assetId });
      await asset.getByRole('button', { name: /^Helpful/ }).click();
      await expect
        .poll(
          async () =>
            newItems(await storedFeedback(server, { assetId }), assetBefore, 'content_helpful')
              .length,
          { timeout: 20_000 },
        )
        .toBe(1);
      expect(
        newItems(
          await storedFeedback(server, { messagingId: TCO_V1 }),
          v1Before,
          'messaging_landed',
        ),
      ).toEqual([]);
      expect(
        await asset.getByRole('button', { name: /^Helpful/ }).getAttribute('aria-pressed'),
      ).toBe('true');
      // Nothing is left waiting, so the list is hidden.
      expect(await page.locator('.pending-feedback').count()).toBe(0);
      expect(unexpectedProblems(s)).toBe('');
    });
  });

  it('logs an objection linked to a messaging entry; an undo gives the text back', async () => {
    await withExtension({ backend: { baseUrl: server.url, apiKey: DEMO_KEYS.read } }, async (s) => {
      const page = await openDanaSidebar(s);
      const before = await storedFeedback(server, { messagingId: TCO_V2 });
      const form = page.locator('#objection-section');
      const text = form.getByLabel('What did they object to?');
      const about = form.getByLabel('About (optional)');

      // Undone: the text and the link come back to edit.
      const first = 'Rollout looks like months of integration work';
      await text.fill(first);
      expect(await form.locator('.count').textContent()).toBe(
        `${first.length} of 2,000 characters`,
      );
      await about.selectOption(`m:${TCO_V2}`);
      await form.getByRole('button', { name: 'Log objection' }).click();
      await expect.poll(() => text.inputValue()).toBe('');
      await form.getByRole('button', { name: /^Undo/ }).click();
      await expect.poll(() => text.inputValue()).toBe(first);
      expect(await about.inputValue()).toBe(`m:${TCO_V2}`);

      const objection = 'Price is 30% above what they budgeted for this year';
      await text.fill(objection);
      await form.getByRole('button', { name: 'Log objection' }).click();
      await expect.poll(() => text.inputValue()).toBe('');
      expect(await about.inputValue()).toBe('');
      await expect.poll(() => form.getByRole('status').textContent()).toMatch(/^Saved “Objection”/);
      let arrived: Feedback[] = [];
      await expect
        .poll(
          async () => {
            arrived = newItems(
              await storedFeedback(server, { messagingId: TCO_V2 }),
              before,
              'objection',
            );
            return arrived.map((item) => [item.text, item.messagingId]);
          },
          { timeout: 20_000 },
        )
        .toEqual([[objection, TCO_V2]]);
      expect(unexpectedProblems(s)).toBe('');
    });
  });

  it('shows what waits while the backend is down, and sends it when asked once it is back', async () => {
    let own = await start('outage.db');
    const { port } = own;
    try {
      await withExtension({ backend: { baseUrl: own.url, apiKey: DEMO_KEYS.read } }, async (s) => {
        const page = await openDanaSidebar(s, own);
        const before = await storedFeedback(own, { messagingId: TCO_V2 });
        await own.close();

        const entry = messagingEntry(page, TCO_V2);
        await entry.getByRole('button', { name: /^Landed/ }).click();
        await expect.poll(() => entry.getByRole('status').textContent()).toMatch(/^Saved/);
        // After the window the background fails to reach the backend: the item waits, in view.
        const waiting = page.locator('footer .pending-feedback');
        await waiting.waitFor({ timeout: 30_000 });
        expect(await waiting.getByRole('heading').textContent()).toMatch(/^Waiting to send \(1\)/);
        const item = waiting.locator('.pending-item');
        expect(await item.textContent()).toContain(`Landed · ${DANA} · ${TCO_V2}`);
        expect(await item.textContent()).toMatch(/waiting: .+/);
        await expect
          .poll(() => entry.getByRole('status').textContent())
          .toBe('“Landed” is saved, waiting to send (see “Waiting to send”).');
        await screenshot(page, 'sidebar-feedback-waiting');

        own = await start('outage.db', port);
        await item.getByRole('button', { name: /^Send now/ }).click();
        await expect.poll(() => waiting.count(), { timeout: 20_000 }).toBe(0);
        expect(
          newItems(await storedFeedback(own, { messagingId: TCO_V2 }), before, 'messaging_landed')
            .length,
        ).toBe(1);
        expect(
          unexpectedProblems(s, [/Failed to fetch|ERR_CONNECTION_REFUSED|status of 5\d\d/]),
        ).toBe('');
      });
    } finally {
      // Closed already when the test failed before the restart.
      await own.close().catch(() => undefined);
    }
  });
});
